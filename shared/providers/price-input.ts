/**
 * Checks what a person typed into the prices editor before it becomes a price. Shared so Settings can say what is
 * wrong as they type and the host refuses the same things when they arrive over the bridge.
 */
import type { Price } from './catalog.ts';

/** Prices as typed: strings from form fields, or numbers from the bridge. Empty cached-read means "none". */
export interface PriceFields {
  prompt: string | number;
  completion: string | number;
  cachedRead: string | number | null;
  recorded: string;
}

/** A checked price, or the first thing wrong with it in words a person can act on. */
export type PriceCheck = { ok: true; price: Price } | { ok: false; message: string };

/** Above this a per-1M-token price is almost surely a typo (a per-token price pasted as per-1M, or cents). */
const MAX_USD_PER_M = 10_000;

function amount(label: string, v: string | number): number | string {
  const s = typeof v === 'number' ? String(v) : v.trim().replace(/^\$/, '');
  if (s === '') return `${label} is empty: enter the USD price per 1M tokens (0 if free).`;
  const n = Number(s);
  if (!Number.isFinite(n) || n < 0) return `${label} must be a number of USD per 1M tokens, 0 or more.`;
  if (n > MAX_USD_PER_M) return `${label} of $${n} per 1M tokens looks wrong; prices are per 1M tokens.`;
  return n;
}

/** `YYYY-MM-DD` that is a real calendar day. */
export function isIsoDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Validates a typed price; never fills in a figure the person did not give. */
export function checkPrice(f: PriceFields): PriceCheck {
  const prompt = amount('Prompt', f.prompt);
  if (typeof prompt === 'string') return { ok: false, message: prompt };
  const completion = amount('Completion', f.completion);
  if (typeof completion === 'string') return { ok: false, message: completion };
  let cachedRead: number | null = null;
  if (f.cachedRead !== null && String(f.cachedRead).trim() !== '') {
    const c = amount('Cached read', f.cachedRead);
    if (typeof c === 'string') return { ok: false, message: c };
    cachedRead = c;
  }
  const recorded = f.recorded.trim();
  if (!isIsoDay(recorded)) return { ok: false, message: 'Recorded must be a date like 2026-11-25 (the day you read the price).' };
  return { ok: true, price: { prompt, completion, cachedRead, recorded } };
}

/** Model ids as providers write them: no spaces, no control characters, a sane length. */
export function checkModelId(id: string): string | null {
  const s = id.trim();
  if (!s) return 'Enter the model id the server expects, e.g. glm-4.5v.';
  if (s.length > 200) return 'That model id is too long (200 characters at most).';
  if (/[\s\u0000-\u001f]/.test(s)) return 'A model id has no spaces.';
  return null;
}
