/**
 * Turns usage into money, always saying where the figure came from. A missing price gives `unknown` with
 * `usd: null`: never 0, so totals can say how many requests had no known cost.
 */
import type { Price } from '../providers/catalog.ts';
import type { Cost, Usage } from './types.ts';

const PER = 1_000_000;

/** Cost from a price table; cached prompt tokens are billed at the cache-read price when there is one. */
export function priceUsage(usage: Usage, price: Price): number {
  const cached = Math.min(usage.cached_tokens, usage.prompt_tokens);
  const cacheRate = price.cachedRead ?? price.prompt;
  return ((usage.prompt_tokens - cached) * price.prompt + cached * cacheRate + usage.completion_tokens * price.completion) / PER;
}

export interface CostInputs {
  usage: Usage | null;
  /** Usage estimated from what was sent and received, for when the provider sent none. */
  estimatedUsage: Usage;
  providerCostUsd: number | null;
  price: Price | null;
}

export function costOf(i: CostInputs): Cost {
  if (i.providerCostUsd !== null) return { usd: i.providerCostUsd, source: 'provider' };
  if (!i.price) return { usd: null, source: 'unknown' };
  if (i.usage) return { usd: priceUsage(i.usage, i.price), source: 'price-table' };
  return { usd: priceUsage(i.estimatedUsage, i.price), source: 'estimate' };
}

/**
 * A rough token count for text: about 4 characters per token for Latin script, 1 per CJK character.
 * Only used when the provider sent no usage (a dropped stream) and for pre-send estimates.
 */
export function estimateTextTokens(text: string): number {
  if (!text) return 0;
  // One regex pass, not a test per character: the ledger re-estimates a streaming answer as it grows, and a
  // 350 KB answer took 15-25 ms a pass that way. The ranges are all in the BMP, so code units count as characters.
  const cjk = text.match(CJK_RE)?.length ?? 0;
  return cjk + Math.ceil((text.length - cjk) / 4);
}
const CJK_RE = /[\u3000-\u9fff\uac00-\ud7af\uff00-\uffef]/g;
