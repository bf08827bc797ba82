/**
 * One way to write money, tokens and durations for people, in the app, the exported sessions and the command
 * line. Every function takes a locale (default `en-US`, what Glimpse has always shown) so a translated UI can
 * pass its own; the digits and separators come from Intl.NumberFormat.
 */

/** The locale figures are written in when none is given. */
export const DEFAULT_LOCALE = 'en-US';

const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  // Building a formatter costs more than using one: keep one per locale and shape.
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.NumberFormat(locale, options)));
  return f;
}

/**
 * Fraction digits a cost is shown with: cents for a dollar or more, four places below that, six for under a
 * cent (a single request often costs a fraction of a cent and must not read as $0.00).
 */
function usdDigits(v: number): number {
  if (v === 0) return 0;
  const a = Math.abs(v);
  return a >= 1 ? 2 : a >= 0.01 ? 4 : 6;
}

/**
 * A cost in US dollars: `$0`, `$0.000123`, `$0.0345`, `$12.35`. An unknown cost (null) is written as `unknown`
 * (or the caller's word for it), never as $0.
 */
export function formatUsd(usd: number | null, opts: { locale?: string; unknown?: string } = {}): string {
  if (usd === null) return opts.unknown ?? 'unknown';
  const d = usdDigits(usd);
  return numberFormat(opts.locale ?? DEFAULT_LOCALE, {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: d,
    maximumFractionDigits: d,
  }).format(usd);
}

/**
 * A token count: whole, with group separators (`12,345`), or, with `compact`, short for a narrow figure
 * (`9,999`, `12.3k`, `456k`, `1.23M`).
 */
export function formatTokens(n: number, opts: { locale?: string; compact?: boolean } = {}): string {
  const locale = opts.locale ?? DEFAULT_LOCALE;
  const whole = (v: number) => numberFormat(locale, { maximumFractionDigits: 0 }).format(v);
  if (!opts.compact || n < 10_000) return whole(Math.round(n));
  const fixed = (v: number, d: number) =>
    numberFormat(locale, { minimumFractionDigits: d, maximumFractionDigits: d, useGrouping: false }).format(v);
  if (n < 1_000_000) return `${fixed(n / 1000, n < 100_000 ? 1 : 0)}k`;
  return `${fixed(n / 1_000_000, 2)}M`;
}

/** A duration in seconds with hundredths (`1.23 s`); `–` when it was not measured. */
export function formatSeconds(ms: number | null | undefined, opts: { locale?: string; digits?: number } = {}): string {
  if (ms === null || ms === undefined) return '–';
  const d = opts.digits ?? 2;
  return `${numberFormat(opts.locale ?? DEFAULT_LOCALE, { minimumFractionDigits: d, maximumFractionDigits: d, useGrouping: false }).format(ms / 1000)} s`;
}
