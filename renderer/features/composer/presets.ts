/**
 * Prompts for what people most often ask a vision-language model about documents and photos. Each is plain text
 * put into the composer, to be read and changed before sending.
 */
import { RECEIPT_SHAPE } from '../../../shared/ocr/receipt.ts';

/** What to look for, selected in the prompt after "Locate" so typing replaces it. */
export const LOCATE_PLACEHOLDER = 'the object';

/** The receipt preset's opening words: a turn whose prompt starts so gets its JSON checked and shown as a table. */
export const RECEIPT_PROMPT_START = 'Read this receipt or invoice and return only JSON';

export interface Preset {
  id: 'locate' | 'extract' | 'table' | 'formula' | 'receipt';
  label: string;
  /** `target` names the current image: "the image", or "image 3" when several are attached. */
  prompt(target: string): string;
}

export const PRESETS: readonly Preset[] = [
  {
    id: 'locate',
    label: 'Locate…',
    prompt: (target) =>
      `Locate ${LOCATE_PLACEHOLDER} in ${target} and give its bounding box as [[x1,y1,x2,y2]] on a 0-1000 scale. If there are several, give each one's box with a short label.`,
  },
  {
    id: 'extract',
    label: 'Extract text',
    prompt: (target) =>
      `Extract all the text in ${target} in reading order, as Markdown: headings as headings, lists as lists, tables as GitHub Markdown tables, formulas as LaTeX in $$…$$. Do not add anything that is not printed.`,
  },
  {
    id: 'table',
    label: 'Table to Markdown/CSV',
    prompt: (target) =>
      `Convert the table in ${target} to a GitHub Markdown table, keeping every row and column and the numbers exactly as printed (repeat merged cells). Then give the same table as CSV in a \`\`\`csv code block.`,
  },
  {
    id: 'formula',
    label: 'Formula to LaTeX',
    prompt: (target) =>
      `Transcribe the formulas in ${target} as LaTeX: each displayed formula in $$…$$ on lines of its own, inline math in \\(…\\). Give only the LaTeX.`,
  },
  {
    id: 'receipt',
    label: 'Receipt/invoice to JSON',
    prompt: (target) =>
      `${RECEIPT_PROMPT_START} (in ${target}), in a \`\`\`json code block, with this shape: ${RECEIPT_SHAPE}. Amounts as numbers without currency symbols; null for anything not printed.`,
  },
];
