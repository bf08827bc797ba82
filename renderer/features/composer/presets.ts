/**
 * Prompts for what people most often ask a vision-language model about documents and photos. Each is plain text
 * put into the composer, to be read and changed before sending. The text lives in the catalogs, so a Chinese UI
 * puts a Chinese prompt in (GLM answers in the language it is asked in).
 */
import { RECEIPT_SHAPE } from '../../../shared/ocr/receipt.ts';
import { type i18next, inEveryLanguage } from '../../i18n/i18n.ts';

type T = typeof i18next.t;

export interface Preset {
  id: 'locate' | 'extract' | 'table' | 'formula' | 'receipt';
  /** Catalog key of the menu label. */
  labelKey: string;
  /** Catalog key of the prompt; `{{target}}` names the image, `{{object}}` the thing to locate. */
  promptKey: string;
}

export const PRESETS: readonly Preset[] = [
  { id: 'locate', labelKey: 'presets.locate.label', promptKey: 'presets.locate.prompt' },
  { id: 'extract', labelKey: 'presets.extract.label', promptKey: 'presets.extract.prompt' },
  { id: 'table', labelKey: 'presets.table.label', promptKey: 'presets.table.prompt' },
  { id: 'formula', labelKey: 'presets.formula.label', promptKey: 'presets.formula.prompt' },
  { id: 'receipt', labelKey: 'presets.receipt.label', promptKey: 'presets.receipt.prompt' },
];

/** What to look for, selected in the prompt after "Locate" so typing replaces it. */
export const locatePlaceholder = (t: T): string => t('presets.locate.object');

/** `count` images attached: "the image", or "image 3" (the last) when several are. */
export const presetTarget = (t: T, count: number): string =>
  count > 1 ? t('presets.targetNth', { n: count }) : t('presets.target');

export function presetPrompt(t: T, p: Preset, target: string): string {
  return t(p.promptKey, { target, object: locatePlaceholder(t), start: t('presets.receipt.start'), shape: RECEIPT_SHAPE });
}

/**
 * The receipt preset's opening words in every language: a turn whose prompt starts so gets its JSON checked and
 * shown as a table, whichever language the person asked in.
 */
export const receiptPromptStarts = (): string[] => inEveryLanguage('presets.receipt.start');
