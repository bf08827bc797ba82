/**
 * The English left in a Chinese window: the words of three or more Latin letters in what a person reads or hears
 * (visible text, aria-label, title, placeholder, alt), leaving out what is not the window's own language: the
 * person's prompt, the model's answer and reasoning, code, typed values, names that are brands or technical terms
 * (ALLOWED), and tokens with a digit or a dot in them (model ids, file names, addresses).
 */
import type { Page } from '@playwright/test';
import { PARAM_KEYS } from '../../shared/params/types.ts';

/** Brands, product names and terms Chinese apps of this kind keep in Latin letters. */
const ALLOWED = new Set(
  [
    'Glimpse',
    'GLM',
    'Zhipu',
    'BigModel',
    'OpenRouter',
    'OpenAI',
    'Tesseract',
    'OCR',
    'vLLM',
    'SGLang',
    'Ollama',
    'LM',
    'Studio',
    'llama',
    'Qwen',
    'API',
    'URL',
    'JSON',
    'Schema',
    'token',
    'tokens',
    'PDF',
    'PNG',
    'JPEG',
    'WebP',
    'GIF',
    'BMP',
    'HEIC',
    'AVIF',
    'MP4',
    'WebM',
    'MOV',
    'MKV',
    'CSV',
    'Markdown',
    'Python',
    'TypeScript',
    'curl',
    'Ctrl',
    'Shift',
    'Alt',
    'Esc',
    'Enter',
    'Tab',
    'Home',
    'End',
    'Page',
    'Up',
    'Down',
    'top',
    'IoU',
    'HTTP',
    'HTTPS',
    'GNOME',
    'Keyring',
    'KWallet',
    'Keychain',
    'SSE',
    'Novita',
    // Sampling parameters are named by their API keys (with the Chinese beside): that is what the code sends.
    ...PARAM_KEYS,
  ].map((w) => w.toLowerCase()),
);

/** What the page shows and says, as text, outside the person's and the model's words. */
function pageTexts(): string[] {
  const mine = (el: Element) =>
    !el.closest(
      'code, pre, textarea, input, .user-prompt, .answer, .reasoning-text, .answer-raw, .error-detail, .error-kind, [data-i18n-skip]',
    );
  const out: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (el && mine(el) && el.checkVisibility() && n.textContent?.trim()) out.push(n.textContent);
  }
  for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
    if (!mine(el)) continue;
    for (const a of ['aria-label', 'title', 'placeholder', 'alt']) {
      const v = el.getAttribute(a);
      if (v) out.push(v);
    }
  }
  return out;
}

/** The English words on the page now, each with a piece of the text it came from. */
export async function englishWords(page: Page): Promise<string[]> {
  const texts = await page.evaluate(pageTexts);
  const found = new Set<string>();
  for (const text of texts) {
    for (const chunk of text.split(/\s+/)) {
      // Addresses, model ids and file names: a scheme, a digit, a dot or an underscore inside.
      if (/[a-z]:|[\d@_]|\w\.\w/i.test(chunk)) continue;
      for (const word of chunk.match(/[A-Za-z]{3,}/g) ?? []) {
        if (!ALLOWED.has(word.toLowerCase())) found.add(`${word}  ← ${text.trim().slice(0, 80)}`);
      }
    }
  }
  return [...found];
}
