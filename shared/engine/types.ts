/**
 * The engine's normalised vocabulary: what every provider dialect is turned into.
 * Field names of {@link Usage}, {@link ChatResult} and {@link ChatError} are snake_case on purpose:
 * they are exactly what `glimpse ask --json` prints, so no mapping layer sits between engine and CLI.
 */
import type { HostMessage } from '../messages/messages.ts';
import type { OcrResult } from '../ocr/ocr-types.ts';
import type { ContinueMode } from '../params/continuation.ts';
import type { Price, PriceSnapshot } from '../providers/catalog.ts';

/** Token counts of one request. `reasoning_tokens` is a subset of `completion_tokens` when a provider reports it. */
export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  reasoning_tokens: number;
  cached_tokens: number;
}

/**
 * Where a cost figure came from; `unknown` always carries `usd: null`, never 0; `local` is a request run on this
 * computer (Local OCR): exactly $0.
 */
export type CostSource = 'provider' | 'price-table' | 'estimate' | 'unknown' | 'local';

export interface Cost {
  usd: number | null;
  source: CostSource;
}

/** Kinds a person can act on (docs/providers.md, Errors). */
export type ErrorKind =
  | 'auth'
  | 'rate-limit'
  | 'quota'
  | 'context-length'
  | 'content-filter'
  | 'bad-request'
  | 'server'
  | 'network'
  | 'timeout'
  | 'protocol'
  | 'cancelled'
  | 'bad-input'
  /** The answer grew past the host's cap (an endless stream): what arrived up to the cap is kept. */
  | 'too-long'
  /** Glimpse itself failed while running the request (a bug or a broken data folder), not the provider. */
  | 'internal';

export interface ChatError {
  kind: ErrorKind;
  status: number | null;
  /** The provider's own error code (Z.AI's "1113", OpenRouter's status), never translated. */
  code: string | null;
  /** English, or the provider's own words: what the CLI and logs print. */
  message: string;
  retry_after_s: number | null;
  /**
   * What Glimpse says, as a message code the window translates (shared/messages). When `message` differs from
   * its English text, `message` is detail (the provider's words) shown verbatim beneath it. Absent in results
   * stored before message codes existed.
   */
  summary?: HostMessage;
}

/** A box in fractions (0..1) of the image it belongs to; `image` indexes the request's images. */
export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  label: string | null;
  image: number | null;
  /** A point (GUI-agent style `[x,y]`) has x1 = x2 and y1 = y2. Absent means 'box'. See shared/grounding. */
  kind?: 'box' | 'point';
}

export interface Timings {
  /** Time to the first byte of reasoning or answer. */
  ttft_ms: number | null;
  /** Time to the first byte of the answer proper (after any reasoning). */
  ttfa_ms?: number | null;
  total_ms: number | null;
}

export interface Estimate {
  prompt_tokens: number;
  usd: number | null;
}

/** The final, complete outcome of one request: the CLI prints this as JSON. */
export interface ChatResult {
  answer: string;
  reasoning: string;
  boxes: Box[];
  usage: Usage;
  cost: Cost;
  estimate: Estimate;
  finish_reason: string | null;
  timings: Timings;
  error: ChatError | null;
  /** Local OCR only: every image as read, with line and word boxes and confidences. */
  ocr?: OcrResult;
  /** Set on an answer Continue extended (issue #10): the whole answer, its figures summed over its requests. */
  continued?: Continued;
}

/** How an answer was extended: by which requests, how the last was sent, and where its text begins. */
export interface Continued {
  /** The continuation requests (each its own ledger row, linked by `continues`), oldest first. */
  requests: string[];
  /** How the last continuation was sent (shared/params/continuation.ts). */
  mode: ContinueMode;
  /** Where the last continuation's text begins in `answer` and `reasoning`: what came before is what it was sent. */
  from: number;
  reasoningFrom: number;
}

/** Events of one running request, in order. Deltas may be coalesced by the host before crossing the bridge. */
export type ChatEvent =
  | {
      type: 'start';
      provider: string;
      model: string;
      thinking: boolean;
      startedAt: number;
      estimate: Estimate;
      /**
       * The price this request is costed at, frozen now (null: unknown). The host sends a {@link PriceSnapshot}
       * (the price plus its model and origin); typed as its Price part so consumers need only the figures.
       * Absent when no price was looked up.
       */
      price?: Price | null;
    }
  | { type: 'delta'; reasoning?: string; content?: string }
  | { type: 'retry'; attempt: number; delayMs: number; reason: string; error: ChatError }
  | { type: 'usage'; usage: Usage }
  | { type: 'end'; result: ChatResult };

export const emptyUsage = (): Usage => ({
  prompt_tokens: 0,
  completion_tokens: 0,
  reasoning_tokens: 0,
  cached_tokens: 0,
});
