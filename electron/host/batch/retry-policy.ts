/**
 * What a batch does with a failed request: a 429 goes back to the shared limiter and is tried again; a
 * transient fault (a 5xx, a dropped connection, a timeout) is retried a bounded number of times after a backoff
 * with full jitter, so a pool of workers that failed together does not retry together; a refused key or an
 * empty balance stops the whole batch (every other file would fail the same way, and the person can fix it and
 * resume); any other 4xx fails the file for good.
 */
import type { ChatError } from '../../../shared/engine/types.ts';

export type FailureAction = 'rate-limited' | 'transient' | 'stop-batch' | 'fail-file' | 'cancelled';

export function failureAction(e: ChatError): FailureAction {
  switch (e.kind) {
    case 'rate-limit':
      return 'rate-limited';
    case 'server':
    case 'network':
    case 'timeout':
    case 'protocol':
      return 'transient';
    case 'auth':
    case 'quota':
      return 'stop-batch';
    case 'cancelled':
      return 'cancelled';
    default:
      return 'fail-file';
  }
}

/** Attempts of one file for transient faults (the first try included). */
export const MAX_TRANSIENT_ATTEMPTS = 4;
/** 429s one file may get before it is failed: the limiter should make this unreachable; it is a backstop. */
export const MAX_RATE_LIMITED = 50;
const BASE_MS = 1000;
const CAP_MS = 30_000;

/** Backoff before transient retry number `n` (1-based): full jitter over an exponential ceiling. */
export function backoffMs(n: number, random: () => number = Math.random): number {
  return Math.round(random() * Math.min(CAP_MS, BASE_MS * 2 ** (n - 1)));
}
