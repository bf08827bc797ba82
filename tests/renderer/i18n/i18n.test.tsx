import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, expect, it } from 'vitest';
import { applyLanguage, type Translation, useTranslation } from '../../../renderer/i18n/i18n.ts';

afterEach(() => {
  applyLanguage('en');
});

function Probe({ seen }: { seen: Translation[] }) {
  const first = useTranslation();
  const second = useTranslation();
  seen.push(first, second);
  return <p>{first.t('turn.waiting')}</p>;
}

it("translates in the window's language, with one object per language shared by every view", () => {
  applyLanguage('en');
  const seen: Translation[] = [];
  expect(renderToStaticMarkup(<Probe seen={seen} />)).toBe('<p>Waiting for the first token…</p>');
  expect(renderToStaticMarkup(<Probe seen={seen} />)).toBe('<p>Waiting for the first token…</p>');
  expect(new Set(seen).size).toBe(1);
  expect(seen[0].i18n.resolvedLanguage).toBe('en');

  applyLanguage('zh-CN');
  expect(renderToStaticMarkup(<Probe seen={seen} />)).toBe('<p>等待首个 token…</p>');
  expect(new Set(seen).size).toBe(2);
  expect(seen.at(-1)?.i18n.resolvedLanguage).toBe('zh-CN');
});
