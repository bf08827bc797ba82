/** How the tally and the usage view write figures: money says "unknown" rather than pretending to be 0. */
import type { UsageTotals } from '../../../shared/bridge/usage.ts';

export function usd(v: number | null): string {
  if (v === null) return 'unknown';
  if (v === 0) return '$0';
  if (v < 0.0001) return `$${v.toFixed(6)}`;
  if (v < 1) return `$${v.toFixed(4)}`;
  return `$${v.toFixed(2)}`;
}

export function tokens(n: number): string {
  if (n < 10_000) return n.toLocaleString('en-US');
  if (n < 1_000_000) return `${(n / 1000).toFixed(n < 100_000 ? 1 : 0)}k`;
  return `${(n / 1_000_000).toFixed(2)}M`;
}

export const int = (n: number) => Math.round(n).toLocaleString('en-US');

export const totalTokens = (t: UsageTotals) => t.prompt_tokens + t.completion_tokens;

/** The cost of a set of requests: known sum, or "unknown" when none of them has a known cost. */
export function costOf(t: UsageTotals): string {
  if (t.requests > 0 && t.unknown_cost_requests === t.requests) return 'unknown';
  return usd(t.cost_usd);
}

export const unknownPhrase = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'request' : 'requests'} with unknown cost`;

export const seconds = (ms: number | null) => (ms === null ? '–' : `${(ms / 1000).toFixed(2)} s`);
