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
import { type HostMessage, hostMessage } from '../messages/messages.ts';

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

/** Whether an estimated prompt fits a model's context window; `near` leaves little room for the answer. */
export type ContextFit = { kind: 'fits' } | { kind: 'near' | 'over'; context: number };

/**
 * `near` from 85% of the window: the answer needs room too. An unknown window (a custom server) always fits,
 * since refusing on a guess would block a model that can take it.
 */
export function contextFit(promptTokens: number, context: number | null): ContextFit {
  if (!context) return { kind: 'fits' };
  if (promptTokens > context) return { kind: 'over', context };
  if (promptTokens > context * 0.85) return { kind: 'near', context };
  return { kind: 'fits' };
}

/** Why a request over the model's context is not sent, and what to do instead (a message the window translates). */
export function overContextText(promptTokens: number, context: number): HostMessage {
  return hostMessage('request.over-context', {
    tokens: promptTokens.toLocaleString('en-US'),
    context: context.toLocaleString('en-US'),
  });
}

/** The same, in English (the CLI, logs). */
export const overContextMessage = (promptTokens: number, context: number): string =>
  overContextText(promptTokens, context).message;

/**
 * How many pages, taken in order, fit in `context` tokens next to `reserved` tokens of other text, each page
 * costing its visual tokens plus its label. Used to tell a person how many pages to pick.
 */
export function pagesThatFit(pageTokens: readonly number[], context: number, reserved = 0): number {
  let used = reserved;
  for (const [i, tokens] of pageTokens.entries()) {
    used += tokens + estimateTextTokens(`page ${i + 1}`);
    if (used > context) return i;
  }
  return pageTokens.length;
}
