import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, test } from 'vitest';
import { PLAIN_RUN, runs } from '../../../../renderer/features/conversation/plain-text.tsx';
import { GrowingRuns, ReasoningBlock } from '../../../../renderer/features/conversation/reasoning-block.tsx';

/** The text of each piece the reasoning is shown in. */
function pieces(text: string): string[] {
  const html = renderToStaticMarkup(<ReasoningBlock text={text} live />);
  const body = html.slice(html.indexOf('<div class="reasoning-text">'));
  return [...body.matchAll(/<span class="md-run">([^<]*)<\/span>/g)].map((m) => m[1]);
}

describe('ReasoningBlock', () => {
  test('long reasoning is shown in pieces of at most PLAIN_RUN characters, cut at line ends, all of it kept', () => {
    // What the bench streams: 50k short words, a blank line every 12.
    const text = Array.from({ length: 50_000 }, (_, i) => (i % 12 === 11 ? `r${i}\n\n` : `r${i} `)).join('');
    const shown = pieces(text);
    expect(shown.length).toBeGreaterThan(text.length / PLAIN_RUN);
    for (const p of shown) expect(p.length).toBeLessThanOrEqual(PLAIN_RUN);
    // Each piece is its own line box: the newline it was cut after is the box's end, not its text.
    expect(shown.join('\n')).toBe(text);
  });

  test('a piece that grows leaves the earlier pieces as they were', () => {
    const text = Array.from({ length: 5_000 }, (_, i) => (i % 12 === 11 ? `r${i}\n\n` : `r${i} `)).join('');
    const before = pieces(text);
    expect(before.length).toBeGreaterThan(10);
    const after = pieces(`${text}r5000 r5001`);
    expect(after.slice(0, before.length - 1)).toEqual(before.slice(0, -1));
  });
});

describe('GrowingRuns', () => {
  test('cuts a growing text exactly as runs() cuts the whole of it, at every step', () => {
    const text = Array.from({ length: 3_000 }, (_, i) =>
      i % 12 === 11 ? `r${i}\n\n` : i % 97 === 0 ? 'x'.repeat(900) : `r${i} `,
    ).join('');
    const split = new GrowingRuns();
    for (let n = 0; n <= text.length; n += 337) expect(split.update(text.slice(0, n))).toEqual(runs(text.slice(0, n)));
    expect(split.update(text)).toEqual(runs(text));
  });

  test('starts over for another text, shorter or not', () => {
    const split = new GrowingRuns();
    const a = 'a'.repeat(5_000);
    split.update(a);
    expect(split.update('b'.repeat(6_000))).toEqual(runs('b'.repeat(6_000)));
    expect(split.update('short')).toEqual(['short']);
  });
});
