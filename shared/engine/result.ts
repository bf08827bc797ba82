/**
 * One vocabulary for how a request ended, shared by the host (ledger, sessions), the CLI and the renderer, so
 * "done", "error" and "cancelled" mean the same thing wherever a result is read.
 */
import { emptyUsage, type ChatError, type ChatResult } from './types.ts';

/** How a finished request ended: no error, stopped by the person, or failed. */
export type ResultStatus = 'done' | 'error' | 'cancelled';

/** The status of a finished result: `cancelled` is an error of kind `cancelled`, any other error is `error`. */
export function resultStatus(result: Pick<ChatResult, 'error'>): ResultStatus {
  return !result.error ? 'done' : result.error.kind === 'cancelled' ? 'cancelled' : 'error';
}

/**
 * Statuses of a request that has not ended yet: sent and waiting for its first event, or streaming. A request in
 * either holds the conversation (nothing else is sent until it ends).
 */
export type RunningStatus = 'sending' | 'streaming';

/** Whether a status is one of a request still in flight. */
export function isRunningStatus(status: string): status is RunningStatus {
  return status === 'sending' || status === 'streaming';
}

/**
 * The result of a request that failed before anything was sent: no text, no tokens, a cost of exactly $0
 * (nothing reached the provider, so the figure is known, not unknown).
 */
export function emptyFailedResult(error: ChatError): ChatResult {
  return {
    answer: '',
    reasoning: '',
    boxes: [],
    usage: emptyUsage(),
    cost: { usd: 0, source: 'estimate' },
    estimate: { prompt_tokens: 0, usd: null },
    finish_reason: null,
    timings: { ttft_ms: null, total_ms: 0 },
    error,
  };
}
