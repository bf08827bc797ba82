/**
 * Runs one request against an OpenAI-compatible endpoint: the `openai` SDK sends it and types HTTP errors, the body
 * is read as SSE by ./sse-reader.ts, and whatever comes back becomes the engine's event stream: deltas, retries,
 * usage and one final result.
 * Errors are values: the runner always resolves with a ChatResult, and the text that arrived is kept.
 */
import OpenAI, { APIConnectionError, APIError, APIUserAbortError } from 'openai';
import {
  classifyHttpError,
  errorFromFinishReason,
  KeyMasker,
  makeError,
  redactKey,
  redactSecrets,
} from '../../shared/engine/errors.ts';
import { StreamNormalizer } from '../../shared/engine/normalize.ts';
import { costOf, estimateTextTokens } from '../../shared/engine/pricing.ts';
import { buildRequestBody, type ChatMessage } from '../../shared/engine/request-body.ts';
import type { ChatError, ChatEvent, ChatResult, Estimate, Usage } from '../../shared/engine/types.ts';
import { emptyUsage } from '../../shared/engine/types.ts';
import type { CatalogEntry, PriceSnapshot, ThinkingDialect } from '../../shared/providers/catalog.ts';
import type { ParamDialect } from '../../shared/params/catalog.ts';
import type { ContinueMode } from '../../shared/params/continuation.ts';
import type { SamplingParams } from '../../shared/params/types.ts';
import { newClient } from './provider-clients.ts';
import { OversizeBodyError, readCappedText, sseBatches } from './sse-reader.ts';
import { groundBoxes } from '../../shared/grounding/parse-answer.ts';
import type { ImageInfo } from '../../shared/grounding/types.ts';

export const DEFAULT_IDLE_TIMEOUT_MS = 60_000;
/**
 * Most text (reasoning + answer, in UTF-16 code units) one answer may grow to. GLM-4.5V writes at most 16K tokens,
 * well under 100 KB; only a broken or hostile server sends more, and an endless one would fill memory.
 */
export const DEFAULT_MAX_ANSWER_CHARS = 4 * 1024 * 1024;
const MAX_RETRIES = 2;
/** A 429 asking us to wait longer than this is shown to the person rather than waited out silently. */
const MAX_RETRY_WAIT_S = 10;

export interface RunSpec {
  entry: CatalogEntry;
  baseUrl: string;
  apiKey: string | null;
  model: string;
  thinking: boolean;
  messages: ChatMessage[];
  upstream?: string[];
  /** Resolved by the host's price book when the request starts; reported in the 'start' event for the ledger. */
  price: PriceSnapshot | null;
  estimate: Estimate;
  idleTimeoutMs?: number;
  signal?: AbortSignal;
  /** Injected in tests; production uses the runtime's fetch. Used only when no `client` is given. */
  fetch?: typeof fetch;
  /**
   * The provider's reused client (provider-clients.ts), made for this baseUrl and apiKey; without one, a client is
   * made for this request.
   */
  client?: OpenAI;
  onEvent: (event: ChatEvent) => void;
  /** The request's images in the order sent, with their labels: boxes in the answer are assigned to them. */
  images?: ImageInfo[];
  /** Overrides DEFAULT_MAX_ANSWER_CHARS (tests). */
  maxAnswerChars?: number;
  /** Overrides MAX_RETRIES: a batch passes 0 and retries through its own rate limiter. */
  maxRetries?: number;
  /** System prompt and sampling parameters, checked by the chat service; sent only where set. */
  params?: SamplingParams;
  /** A custom server's dialects (shared/params/dialect.ts); hosted kinds use their catalog entry's. */
  thinkingDialect?: ThinkingDialect;
  paramDialect?: ParamDialect;
  /** A Continue request: how its trailing assistant message is carried on (shared/params/continuation.ts). */
  continueMode?: ContinueMode;
}

interface Attempt {
  answer: string;
  reasoning: string;
  firstByteAt: number | null;
  firstAnswerAt: number | null;
  error: ChatError | null;
  normalizer: StreamNormalizer;
}

export async function runChat(spec: RunSpec): Promise<ChatResult> {
  const startedAt = Date.now();
  spec.onEvent({
    type: 'start',
    provider: spec.entry.id,
    model: spec.model,
    thinking: spec.thinking,
    startedAt,
    estimate: spec.estimate,
    price: spec.price,
  });
  let attempt: Attempt;
  for (let n = 0; ; n++) {
    attempt = await runAttempt(spec);
    // Whatever the server echoed (an Authorization header in an error body), the key never leaves in a message.
    if (attempt.error) attempt.error = { ...attempt.error, message: redactKey(attempt.error.message, spec.apiKey) };
    const retry =
      n < (spec.maxRetries ?? MAX_RETRIES) && !attempt.answer && !attempt.reasoning ? retryDelayMs(attempt.error, n) : null;
    if (retry === null) break;
    spec.onEvent({ type: 'retry', attempt: n + 1, delayMs: retry, reason: attempt.error!.message, error: attempt.error! });
    if (!(await wait(retry, spec.signal))) {
      attempt.error = makeError('cancelled');
      break;
    }
  }
  return finish(spec, attempt, startedAt);
}

/** Safe to retry only before any answer arrived: 429 with a short wait, and gateway errors. */
function retryDelayMs(error: ChatError | null, n: number): number | null {
  if (!error) return null;
  if (error.kind === 'rate-limit') {
    const s = error.retry_after_s ?? 2 ** n;
    return s <= MAX_RETRY_WAIT_S ? s * 1000 : null;
  }
  if (error.status === 502 || error.status === 503) return 500 * 2 ** n;
  return null;
}

function wait(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      resolve(false);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

async function runAttempt(spec: RunSpec): Promise<Attempt> {
  const a: Attempt = {
    answer: '',
    reasoning: '',
    firstByteAt: null,
    firstAnswerAt: null,
    error: null,
    normalizer: new StreamNormalizer(),
  };
  const idleMs = spec.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
  const ctrl = new AbortController();
  let timedOut = false;
  let idle: ReturnType<typeof setTimeout> | undefined;
  // Re-armed on every network read: refresh() moves the one timer instead of clearing and queueing a new one,
  // which in a fast stream was thousands of timer-queue operations.
  const arm = () => {
    if (idle) idle.refresh();
    else
      idle = setTimeout(() => {
        timedOut = true;
        ctrl.abort();
      }, idleMs);
  };
  const onUserAbort = () => ctrl.abort();
  if (spec.signal?.aborted) ctrl.abort();
  spec.signal?.addEventListener('abort', onUserAbort, { once: true });

  // The client makes no retries of its own: ours happen only before any answer byte, and are visible to the person.
  const client = spec.client ?? newClient({ baseUrl: spec.baseUrl, apiKey: spec.apiKey }, spec.fetch);
  const body = buildRequestBody(spec.entry, {
    model: spec.model,
    thinking: spec.thinking,
    messages: spec.messages,
    upstream: spec.upstream,
    params: spec.params,
    thinkingDialect: spec.thinkingDialect,
    paramDialect: spec.paramDialect,
    continueMode: spec.continueMode,
  });
  const maxChars = spec.maxAnswerChars ?? DEFAULT_MAX_ANSWER_CHARS;
  // A model that repeats the key it was sent with (a key pasted into the prompt) must not put it in the answer, which
  // is stored, exported and printed: it is masked as it streams, even when split across chunks.
  const masks = { reasoning: new KeyMasker(spec.apiKey), content: new KeyMasker(spec.apiKey) };
  const push = (d: { reasoning: string; content: string }) =>
    append({ reasoning: masks.reasoning.push(d.reasoning), content: masks.content.push(d.content) });
  // The text of a network read's chunks, passed on once per read rather than once per chunk: a fast provider sends
  // a chunk per token, and masking, the cap, the observers and the coalescer each cost a little every time.
  const held = { reasoning: '', content: '' };
  const passOn = () => {
    if (!held.reasoning && !held.content) return;
    const d = { reasoning: held.reasoning, content: held.content };
    held.reasoning = '';
    held.content = '';
    push(d);
  };
  /** The stream is over (whole, failed or stopped): what the normalizer and the maskers still hold is text too. */
  const endText = () => {
    passOn();
    push(a.normalizer.end());
    append({ reasoning: masks.reasoning.end(), content: masks.content.end() });
  };
  const append = (d: { reasoning: string; content: string }) => {
    if (a.error?.kind === 'too-long') return;
    const room = maxChars - a.answer.length - a.reasoning.length;
    if (d.reasoning.length + d.content.length > room) {
      // Keep the text up to the cap, then stop reading: the connection is dropped, what arrived stays.
      const reasoning = d.reasoning.slice(0, room);
      d = { reasoning, content: d.content.slice(0, room - reasoning.length) };
      a.error = makeError(
        'too-long',
        `The answer passed ${formatSize(maxChars)} of text, far more than a model writes; Glimpse stopped reading it there. What arrived is kept.`,
      );
      ctrl.abort();
    }
    if (!d.reasoning && !d.content) return;
    const now = Date.now();
    a.firstByteAt ??= now;
    if (d.content) a.firstAnswerAt ??= now;
    a.reasoning += d.reasoning;
    a.answer += d.content;
    spec.onEvent({
      type: 'delta',
      ...(d.reasoning ? { reasoning: d.reasoning } : {}),
      ...(d.content ? { content: d.content } : {}),
    });
  };

  /** One parsed chunk: an in-stream error event ends the attempt (OpenRouter sends them with HTTP 200). */
  const take = (chunk: unknown): boolean => {
    const c = (chunk && typeof chunk === 'object' ? chunk : {}) as Record<string, unknown>;
    const d = a.normalizer.push(c);
    held.reasoning += d.reasoning;
    held.content += d.content;
    // Anything but text goes out after the text before it.
    if (c.usage && a.normalizer.meta.usage) {
      passOn();
      spec.onEvent({ type: 'usage', usage: a.normalizer.meta.usage });
    }
    if (c.error) {
      passOn();
      a.error = classifyHttpError({ status: null, body: c.error });
    }
    return !a.error;
  };

  try {
    arm();
    // The SDK sends the request and turns HTTP errors into typed ones; the body is read by sse-reader.ts.
    // The body carries dialect fields the SDK's types do not know (thinking, reasoning, chat_template_kwargs).
    const response = await client.chat.completions
      .create(body as unknown as OpenAI.ChatCompletionCreateParamsStreaming, { signal: ctrl.signal, timeout: idleMs })
      .asResponse();
    if (!response.body) throw new SyntaxError('empty body');
    // One event (or a whole JSON body) holds at most one answer's text, escaped: anything far larger is refused
    // as it arrives, so neither can grow memory without bound.
    const maxMessageChars = 2 * maxChars + 1024 * 1024;
    if (/json/i.test(response.headers.get('content-type') ?? '')) {
      // A server that ignored `stream: true` and answered with one completion: same fields under `message`.
      take(JSON.parse(await readCappedText(response.body, maxMessageChars)));
    } else {
      reading: for await (const batch of sseBatches(response.body, maxMessageChars)) {
        arm();
        for (const data of batch.data) if (!take(JSON.parse(data))) break reading;
        passOn();
        if (a.error) break; // the answer passed its cap
      }
    }
    endText();
    if (ctrl.signal.aborted) throw new APIUserAbortError();
    a.error ??= errorFromFinishReason(a.normalizer.meta.finishReason);
    if (!a.error && !a.normalizer.meta.finishReason && !a.normalizer.meta.usage) {
      a.error = makeError('protocol', 'The stream ended before the answer was finished.');
    }
  } catch (e) {
    endText();
    // Our own stop at the cap aborts the stream too; the cap, not the abort, is what the person must hear.
    if (e instanceof OversizeBodyError && a.error?.kind !== 'too-long') {
      a.error = makeError(
        'too-long',
        `The provider sent one message of more than ${formatSize(e.limitChars)} without ending it, far more than a model writes; Glimpse stopped reading it there. ${a.answer || a.reasoning ? 'What arrived before it is kept.' : 'Nothing before it had arrived.'}`,
      );
    } else if (a.error?.kind !== 'too-long')
      a.error = toChatError(e, { timedOut, userAborted: Boolean(spec.signal?.aborted), idleMs });
  } finally {
    clearTimeout(idle);
    spec.signal?.removeEventListener('abort', onUserAbort);
  }
  return a;
}

const formatSize = (chars: number) =>
  chars >= 1024 * 1024 ? `${Math.round((chars / 1024 / 1024) * 10) / 10} MB` : `${Math.round(chars / 1024)} KB`;

function toChatError(e: unknown, ctx: { timedOut: boolean; userAborted: boolean; idleMs: number }): ChatError {
  if (ctx.userAborted) return makeError('cancelled');
  if (ctx.timedOut || e instanceof OpenAI.APIConnectionTimeoutError) {
    return makeError('timeout', `No data from the provider for ${Math.round(ctx.idleMs / 1000)} s; stopped waiting.`);
  }
  if (e instanceof APIUserAbortError) return makeError('cancelled');
  if (e instanceof APIConnectionError) {
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    const detail = cause?.code ?? cause?.message ?? '';
    return makeError(
      'network',
      `Could not reach the provider${detail ? ` (${detail})` : ''}. Check the base URL and your connection.`,
    );
  }
  if (e instanceof APIError) {
    // `retry-after-ms` (sent by OpenAI-style APIs) is finer than `retry-after`'s whole seconds: a batch paces by it.
    const ms = Number(e.headers?.get?.('retry-after-ms') ?? Number.NaN);
    const retryAfter = Number.isFinite(ms) && ms >= 0 ? String(ms / 1000) : (e.headers?.get?.('retry-after') ?? null);
    return classifyHttpError({ status: e.status ?? null, body: e.error, retryAfter });
  }
  if (e instanceof SyntaxError)
    return makeError('protocol', 'The provider sent a malformed stream (a chunk was not valid JSON).');
  const msg = e instanceof Error ? e.message : String(e);
  // A socket that dies mid-body surfaces as a bare TypeError ("terminated") from fetch.
  if (/terminated|socket|ECONNRESET|other side closed/i.test(msg)) {
    return makeError('network', 'The connection to the provider broke off mid-answer.');
  }
  return makeError('protocol', redactSecrets(msg));
}

function finish(spec: RunSpec, a: Attempt, startedAt: number): ChatResult {
  const meta = a.normalizer.meta;
  // Counted only when the provider reported no usage: it reads every character of the answer (tens of ms for a
  // long one), time the end event would otherwise wait for.
  const estimatedUsage: Usage = meta.usage ?? {
    ...emptyUsage(),
    prompt_tokens: spec.estimate.prompt_tokens,
    completion_tokens: estimateTextTokens(a.answer) + estimateTextTokens(a.reasoning),
    reasoning_tokens: estimateTextTokens(a.reasoning),
  };
  const produced = Boolean(a.answer || a.reasoning);
  const usage = meta.usage ?? (produced ? estimatedUsage : emptyUsage());
  // A request refused before any output is not billed: an estimated 0, not an unknown.
  const cost =
    !meta.usage && !produced && a.error && spec.price
      ? { usd: 0, source: 'estimate' as const }
      : costOf({ usage: meta.usage, estimatedUsage, providerCostUsd: meta.providerCostUsd, price: spec.price });
  const end = Date.now();
  const result: ChatResult = {
    answer: a.answer,
    reasoning: a.reasoning,
    // result.answer stays the model's verbatim text (history and the ledger keep what it said); the boxes are
    // parsed from it, and every shell shows and copies it through shared/grounding, which drops the special tokens.
    boxes: groundBoxes(a.answer, spec.images ?? []),
    usage,
    cost,
    estimate: spec.estimate,
    finish_reason: meta.finishReason,
    timings: {
      ttft_ms: a.firstByteAt === null ? null : a.firstByteAt - startedAt,
      ttfa_ms: a.firstAnswerAt === null ? null : a.firstAnswerAt - startedAt,
      total_ms: end - startedAt,
    },
    error: a.error,
  };
  spec.onEvent({ type: 'end', result });
  return result;
}
