/**
 * The calendar day of a moment in the host's local time zone, `YYYY-MM-DD`. Ledger rows store it when they are
 * written, so "today" and the per-day chart match the day the person made the request, and grouping by day needs
 * no per-row date arithmetic.
 */
export function localDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Accepts `YYYY-MM-DD` (a real date) and returns it, or null for anything else. */
export function parseDay(s: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return null;
  const [y, m, d] = s.split('-').map(Number);
  const date = new Date(y, m - 1, d);
  return date.getFullYear() === y && date.getMonth() === m - 1 && date.getDate() === d ? s : null;
}
