/**
 * The estimate a batch shows before any request: prompt tokens from the files (images counted at the token budget
 * they are sized to, PDF pages likewise, plus the prompt) and a cost range whose completion side is a guess stated
 * plainly: an answer's length cannot be known before it is written.
 */
import { estimateTextTokens, priceUsage } from '../engine/pricing.ts';
import { emptyUsage } from '../engine/types.ts';
import type { Price } from '../providers/catalog.ts';

/**
 * Completion tokens per file assumed when this data folder has no history for the model and mode. Fast answers
 * to OCR prompts run from a line to a page of text; thinking adds the reasoning, typically several times the
 * answer. The high end is what --max-cost reserves for a file in flight.
 */
export const DEFAULT_COMPLETION = {
  fast: { low: 150, high: 1_500 },
  thinking: { low: 600, high: 4_000 },
} as const;

/** Completion tokens per file: a low and a high guess, and how they were arrived at. */
export interface CompletionGuess {
  low: number;
  high: number;
  basis: string;
}

/** Past requests of this model and mode (from the ledger), used instead of the defaults when there are enough. */
export interface CompletionHistory {
  requests: number;
  avgCompletion: number;
  maxCompletion: number;
}

/** Enough past requests to trust an average over a default. */
const MIN_HISTORY = 5;

/** The completion guess for a mode: from history when there is enough of it, else the defaults above. */
export function completionGuess(thinking: boolean, history: CompletionHistory | null): CompletionGuess {
  const mode = thinking ? 'thinking' : 'fast';
  if (history && history.requests >= MIN_HISTORY) {
    const avg = Math.round(history.avgCompletion);
    return {
      low: Math.round(avg * 0.5),
      high: Math.max(avg * 2, Math.round(history.maxCompletion)),
      basis: `${mode} mode: from your last ${history.requests} requests of this model (average ${avg} completion tokens); low is half that, high the larger of twice it and the longest seen`,
    };
  }
  const d = DEFAULT_COMPLETION[mode];
  return {
    low: d.low,
    high: d.high,
    basis: thinking
      ? `thinking mode: the reasoning is billed as completion, assumed ${d.low}-${d.high} tokens per file (no history for this model yet)`
      : `fast mode: answer only, assumed ${d.low}-${d.high} tokens per file (no history for this model yet)`,
  };
}

/** One file as the estimate counts it: its visual tokens (0 for a file that is skipped). */
export interface EstimatedFile {
  visualTokens: number;
}

export interface BatchEstimate {
  files: number;
  prompt_tokens: number;
  completion: CompletionGuess & { total_low: number; total_high: number };
  /** null when the model's price is unknown: never shown as $0. */
  usd_low: number | null;
  usd_high: number | null;
  /** The price the range was computed at (USD per 1M tokens), or null. */
  price: Price | null;
  /** A provider batch API's discount applied (0.5 for half price), or 1. */
  discount: number;
}

/** Prompt tokens of one file: its images plus the prompt and the labels sent with them. */
export function filePromptTokens(visualTokens: number, pages: number, prompt: string): number {
  const labels = pages > 1 ? pages * estimateTextTokens('page 00') : 0;
  return visualTokens + labels + estimateTextTokens(prompt);
}

/** The batch's estimate: prompt tokens summed over the files, and the cost range at `price` (null if unknown). */
export function estimateBatch(
  promptTokensPerFile: readonly number[],
  guess: CompletionGuess,
  price: Price | null,
  discount = 1,
): BatchEstimate {
  const files = promptTokensPerFile.length;
  const prompt_tokens = promptTokensPerFile.reduce((a, b) => a + b, 0);
  const total_low = guess.low * files;
  const total_high = guess.high * files;
  const usd = (completion: number) =>
    price ? priceUsage({ ...emptyUsage(), prompt_tokens, completion_tokens: completion }, price) * discount : null;
  return {
    files,
    prompt_tokens,
    completion: { ...guess, total_low, total_high },
    usd_low: usd(total_low),
    usd_high: usd(total_high),
    price,
    discount,
  };
}

/** The most one file can cost, as --max-cost reserves it while the file is in flight; null if the price is unknown. */
export function fileCeilingUsd(promptTokens: number, guess: CompletionGuess, price: Price | null, discount = 1): number | null {
  if (!price) return null;
  return priceUsage({ ...emptyUsage(), prompt_tokens: promptTokens, completion_tokens: guess.high }, price) * discount;
}
