/**
 * Prompts a batch can be started with by name (`--preset`), worded for one file at a time. The receipt preset
 * brings its JSON Schema, derived from the receipt schema the app checks answers with, so a folder of receipts
 * becomes one spreadsheet without writing a schema by hand.
 */
import { z } from 'zod';
import { Receipt, RECEIPT_SHAPE } from '../ocr/receipt.ts';

export interface BatchPreset {
  id: string;
  label: string;
  prompt: string;
  /** A JSON Schema (as text) the answers are validated against, when the preset defines the answer's shape. */
  schema: string | null;
}

export const BATCH_PRESETS: readonly BatchPreset[] = [
  {
    id: 'extract',
    label: 'Extract text',
    prompt:
      'Extract all the text in this document in reading order, as Markdown: headings as headings, lists as lists, tables as GitHub Markdown tables, formulas as LaTeX in $$…$$. Do not add anything that is not printed.',
    schema: null,
  },
  {
    id: 'table',
    label: 'Table to Markdown',
    prompt:
      'Convert the table in this document to a GitHub Markdown table, keeping every row and column and the numbers exactly as printed (repeat merged cells).',
    schema: null,
  },
  {
    id: 'receipt',
    label: 'Receipt/invoice to JSON',
    prompt: `Read this receipt or invoice and return only JSON, in a \`\`\`json code block, with this shape: ${RECEIPT_SHAPE}. Amounts as numbers without currency symbols; null for anything not printed.`,
    schema: JSON.stringify(z.toJSONSchema(Receipt, { target: 'draft-7' }), null, 2),
  },
  {
    id: 'describe',
    label: 'Describe',
    prompt: 'Describe this image in two or three sentences: what it shows and any text that matters.',
    schema: null,
  },
];

/** The preset with this id, or null. */
export function batchPreset(id: string): BatchPreset | null {
  return BATCH_PRESETS.find((p) => p.id === id) ?? null;
}
