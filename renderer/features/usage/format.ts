/** How the tally and the usage view write figures: money says "unknown" rather than pretending to be 0. */
import type { UsageTotals } from '../../../shared/bridge/usage.ts';
import { formatSeconds, formatTokens, formatUsd } from '../../../shared/format/figures.ts';

export const usd = (v: number | null): string => formatUsd(v);

/** Tokens in a narrow figure: 9,999, 12.3k, 1.23M. */
export const tokens = (n: number): string => formatTokens(n, { compact: true });

export const int = (n: number) => formatTokens(n);

export const totalTokens = (t: UsageTotals) => t.prompt_tokens + t.completion_tokens;

/** The cost of a set of requests: known sum, or "unknown" when none of them has a known cost. */
export function costOf(t: UsageTotals): string {
  if (t.requests > 0 && t.unknown_cost_requests === t.requests) return 'unknown';
  return usd(t.cost_usd);
}

export const unknownPhrase = (n: number) => `${formatTokens(n)} ${n === 1 ? 'request' : 'requests'} with unknown cost`;

export const seconds = (ms: number | null) => formatSeconds(ms);
