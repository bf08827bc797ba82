import { renderToStaticMarkup } from 'react-dom/server';
import { defaultRehypePlugins, Streamdown } from 'streamdown';
import { describe, expect, it } from 'vitest';
import { rehypeShowBidi } from '../../../../renderer/features/conversation/bidi-plugin.ts';

const render = (markdown: string) =>
  renderToStaticMarkup(
    <Streamdown
      mode="static"
      controls={false}
      rehypePlugins={[defaultRehypePlugins.raw, defaultRehypePlugins.sanitize, rehypeShowBidi]}
    >
      {markdown}
    </Streamdown>,
  );

const BIDI = /[\u202a-\u202e\u2066-\u2069]/;

describe('rehypeShowBidi', () => {
  it('shows each override in prose as a marked element naming it', () => {
    const html = render('Open **invoice\u202etxt.exe** now.');
    expect(html).not.toMatch(BIDI);
    expect(html).toContain(
      'invoice<span class="bidi-control" title="Bidirectional control RLO shown, not applied">⟨RLO U+202E⟩</span>txt.exe',
    );
  });

  it('in code, writes the mark into the code text itself, which stays one string', () => {
    const html = render('```c\nif (a != "user\u202e \u2066// admin\u2069 \u2066") {\n```');
    expect(html).not.toMatch(BIDI);
    expect(html).not.toContain('bidi-control');
    expect(html).toContain('⟨RLO U+202E⟩ ⟨LRI U+2066⟩// admin⟨PDI U+2069⟩');
  });

  it('leaves text without those controls, and right-to-left text, as it was', () => {
    expect(render('שלום and مرحبا, plain.')).toBe(
      renderToStaticMarkup(
        <Streamdown mode="static" controls={false} rehypePlugins={[defaultRehypePlugins.raw, defaultRehypePlugins.sanitize]}>
          {'שלום and مرحبا, plain.'}
        </Streamdown>,
      ),
    );
  });
});
