/**
 * The estimate shown before sending and recorded with the request: visual tokens per sent image plus the
 * text (prompt, history, labels, text layers). The composer and the host compute it with this one function,
 * so what the person sees is what the host reports.
 */
import { estimateTextTokens, priceUsage } from '../engine/pricing.ts';
import type { Estimate } from '../engine/types.ts';
import { emptyUsage } from '../engine/types.ts';
import type { Price } from '../providers/catalog.ts';
import { imageTokens } from './budget.ts';

/** What a request sends, as far as counting goes. */
export interface PromptParts {
  /** Pixel size of each image exactly as sent (multiples of 28). */
  images: readonly { width: number; height: number }[];
  /** Every piece of text sent: prompt, history turns, labels, text layers. */
  texts: readonly string[];
}

/**
 * Prompt tokens and, when the price is known, what they cost; `usd` is null when the price is unknown.
 * A clip sent natively is not counted: the provider samples it its own way, and no source states that count.
 */
export function estimatePrompt(parts: PromptParts, price: Price | null): Estimate {
  const images = parts.images.reduce((n, im) => n + imageTokens(im.width, im.height), 0);
  const text = parts.texts.reduce((n, t) => n + estimateTextTokens(t), 0);
  const prompt_tokens = images + text;
  return { prompt_tokens, usd: price ? priceUsage({ ...emptyUsage(), prompt_tokens }, price) : null };
}

/**
 * The text the host sends around one attachment: its label before the image, and its extra text (a page's
 * text layer) after it. The composer counts these same strings, so the estimate matches the request.
 */
export function refTexts(ref: { label?: string; text?: string }): { before: string | null; after: string | null } {
  const before = ref.label?.trim() ? ref.label.trim() : null;
  const text = ref.text?.trim() ? ref.text.trim() : null;
  return { before, after: text && before ? `Text layer of ${before}:\n${text}` : text };
}
