/**
 * The receipt/invoice JSON the "Receipt/invoice to JSON" preset asks for, validated with zod so a person sees
 * either a clean table or exactly which field the model got wrong.
 */
import { z } from 'zod';

const money = z.number().finite();

/** One line of a receipt. */
export const ReceiptItem = z.object({
  description: z.string().min(1),
  quantity: z.number().positive().nullable().optional(),
  unit_price: money.nullable().optional(),
  total: money,
});

/** The whole receipt or invoice. */
export const Receipt = z.object({
  merchant: z.string().nullable().optional(),
  date: z.string().nullable().optional(),
  currency: z.string().nullable().optional(),
  items: z.array(ReceiptItem).min(1),
  subtotal: money.nullable().optional(),
  tax: money.nullable().optional(),
  total: money,
});

export type Receipt = z.infer<typeof Receipt>;

/** The shape, written out for the prompt (kept next to the schema so the two cannot drift apart unnoticed). */
export const RECEIPT_SHAPE = `{"merchant": string, "date": "YYYY-MM-DD", "currency": "ISO code", "items": [{"description": string, "quantity": number, "unit_price": number, "total": number}], "subtotal": number, "tax": number, "total": number}`;

export type ReceiptCheck =
  | { kind: 'none' }
  | { kind: 'invalid-json'; message: string }
  | { kind: 'invalid'; issues: string[] }
  | {
      kind: 'ok';
      receipt: Receipt /** Sum of the items' totals vs the stated total, when they disagree. */;
      mismatch: string | null;
    };

/** The JSON in an answer: the first ```json fence, else the outermost {...} object. */
export function extractJson(text: string): string | null {
  const fence = /```(?:json)?\s*\n([\s\S]*?)\n```/i.exec(text);
  if (fence?.[1] !== undefined) return fence[1];
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  return start >= 0 && end > start ? text.slice(start, end + 1) : null;
}

/** Finds and checks the receipt JSON in an answer. */
export function checkReceipt(text: string): ReceiptCheck {
  const json = extractJson(text);
  if (json === null) return { kind: 'none' };
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    return { kind: 'invalid-json', message: e instanceof Error ? e.message : String(e) };
  }
  const parsed = Receipt.safeParse(data);
  if (!parsed.success) {
    return {
      kind: 'invalid',
      issues: parsed.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(top)'}: ${i.message}`),
    };
  }
  const r = parsed.data;
  const sum = r.items.reduce((n, i) => n + i.total, 0) + (r.tax ?? 0);
  const mismatch =
    Math.abs(sum - r.total) > 0.005
      ? `The items${r.tax ? ' and tax' : ''} add up to ${sum.toFixed(2)}, not the stated total ${r.total.toFixed(2)}.`
      : null;
  return { kind: 'ok', receipt: r, mismatch };
}
