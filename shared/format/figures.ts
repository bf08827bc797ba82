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

/** A price per million tokens as a catalog lists it: `$0.60`, `$0.075` (three places under ten cents). */
export function formatUsdRate(usd: number, opts: { locale?: string } = {}): string {
  const d = usd > 0 && usd < 0.1 ? 3 : 2;
  return numberFormat(opts.locale ?? DEFAULT_LOCALE, {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: d,
    maximumFractionDigits: d,
  }).format(usd);
}

/** A plain decimal with fixed places (`12.35`, `0.842`), grouped, for amounts and scores. */
export function formatDecimal(n: number, digits: number, opts: { locale?: string } = {}): string {
  return numberFormat(opts.locale ?? DEFAULT_LOCALE, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
}

/** A file size: `640 KB` under a megabyte, `12.5 MB` above (binary units, as file managers show them). */
export function formatBytes(bytes: number, opts: { locale?: string } = {}): string {
  const locale = opts.locale ?? DEFAULT_LOCALE;
  if (bytes < 1024 * 1024) return `${numberFormat(locale, { maximumFractionDigits: 0 }).format(Math.ceil(bytes / 1024))} KB`;
  return `${numberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)} MB`;
}

const dates = new Map<string, Intl.DateTimeFormat>();
/** A date or time in the locale's own order and words; `shape` picks the fields shown. */
export function formatDate(
  when: number | Date,
  shape: 'time' | 'day' | 'day-year' | 'date-time',
  opts: { locale?: string } = {},
): string {
  const locale = opts.locale ?? DEFAULT_LOCALE;
  const key = `${locale}|${shape}`;
  let f = dates.get(key);
  if (!f) {
    const o: Intl.DateTimeFormatOptions =
      shape === 'time'
        ? { hour: '2-digit', minute: '2-digit' }
        : shape === 'day'
          ? { day: 'numeric', month: 'short' }
          : shape === 'day-year'
            ? { day: 'numeric', month: 'short', year: 'numeric' }
            : { dateStyle: 'medium', timeStyle: 'short' };
    dates.set(key, (f = new Intl.DateTimeFormat(locale, o)));
  }
  return f.format(when);
}

/** Every figure function with the locale already chosen: what a translated view calls. */
export function figuresFor(locale: string) {
  return {
    locale,
    usd: (v: number | null, unknown?: string) => formatUsd(v, { locale, unknown }),
    rate: (v: number) => formatUsdRate(v, { locale }),
    tokens: (n: number) => formatTokens(n, { locale }),
    compact: (n: number) => formatTokens(n, { locale, compact: true }),
    seconds: (ms: number | null | undefined, digits?: number) => formatSeconds(ms, { locale, digits }),
    decimal: (n: number, digits: number) => formatDecimal(n, digits, { locale }),
    bytes: (n: number) => formatBytes(n, { locale }),
    date: (when: number | Date, shape: 'time' | 'day' | 'day-year' | 'date-time') => formatDate(when, shape, { locale }),
  };
}
export type Figures = ReturnType<typeof figuresFor>;
