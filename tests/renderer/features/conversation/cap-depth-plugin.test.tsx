import { renderToStaticMarkup } from 'react-dom/server';
import { defaultRehypePlugins, Streamdown } from 'streamdown';
import { describe, expect, test } from 'vitest';
import { MAX_HTML_DEPTH, rehypeCapDepth, rehypeCapRawHtml } from '../../../../renderer/features/conversation/cap-depth-plugin.ts';

/** The answer pipeline's HTML steps, with or without the caps. */
function render(markdown: string, capped = true): string {
  const plugins = capped
    ? [rehypeCapRawHtml, defaultRehypePlugins.raw, rehypeCapDepth, defaultRehypePlugins.sanitize]
    : [defaultRehypePlugins.raw, defaultRehypePlugins.sanitize];
  return renderToStaticMarkup(
    <Streamdown mode="static" controls={false} rehypePlugins={plugins}>
      {markdown}
    </Streamdown>,
  );
}

/** Deepest element nesting in an HTML string (void elements do not open a level). */
function depthOf(html: string): number {
  let depth = 0;
  let max = 0;
  for (const m of html.matchAll(/<(\/?)([a-z][a-z0-9-]*)[^>]*?(\/?)>/g)) {
    if (['br', 'hr', 'img', 'input'].includes(m[2]) || m[3]) continue;
    depth += m[1] ? -1 : 1;
    max = Math.max(max, depth);
  }
  return max;
}

const nested = (n: number, tag = 'div') => `${`<${tag}>`.repeat(n)}at the bottom${`</${tag}>`.repeat(n)}`;

describe('nesting caps in the answer pipeline', () => {
  test('2,000 nested divs overflow the stack without the caps', () => {
    expect(() => render(`Deep:\n\n${nested(2000)}\n\nAfter.`, false)).toThrow(RangeError);
  });

  test('2,000 nested divs render with their text, nested no deeper than the cap', () => {
    const html = render(`Deep:\n\n${nested(2000)}\n\nAfter.`);
    expect(html).toContain('at the bottom');
    expect(html).toContain('After.');
    expect(depthOf(html)).toBeLessThanOrEqual(MAX_HTML_DEPTH + 4);
    expect(depthOf(html)).toBeGreaterThanOrEqual(MAX_HTML_DEPTH);
  });

  test('inline spans nested across a paragraph are capped too', () => {
    const html = render(`x ${nested(3000, 'span')} y`);
    expect(html).toContain('at the bottom');
    expect(depthOf(html)).toBeLessThanOrEqual(MAX_HTML_DEPTH + 4);
  });

  test('ordinary HTML is left exactly as it was', () => {
    const table = '<table><tr><td>a</td><td><b>b</b></td></tr><tr><td>c<br>d</td><td>e</td></tr></table>';
    const list = '<ul><li>one<li>two<li>three</ul>';
    for (const md of [table, list, 'Text with <sup>2</sup> and <kbd>Ctrl</kbd>.', '</div> a stray end tag']) {
      expect(render(md)).toBe(render(md, false));
    }
  });

  test('siblings do not add up: 500 consecutive divs all stay', () => {
    const html = render('<div>x</div>'.repeat(500));
    expect(html.match(/<div>x<\/div>/g)).toHaveLength(500);
  });
});
