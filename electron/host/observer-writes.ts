/**
 * What the storing ChatObservers (the ledger's and the sessions') share: how often they save a streaming
 * request, and how a write's outcome is reported. A failed write is reported, never thrown, so storage
 * trouble never stops the request itself.
 */

/** How often, at most, a streaming request's partial answer is saved. */
export const FLUSH_MS = 500;

/** Past this many characters a partial answer is saved less often, in proportion to its length. */
export const PROGRESS_CHARS = 64 * 1024;

/**
 * How long after a save the next one of a partial answer `chars` long may come. Each save rewrites the whole
 * answer so far, so at a fixed interval a long answer's saves add up to its length squared: a 400 KB answer at
 * reading speed (some 15 minutes) wrote ~400 MB. Spaced by its length, an answer is written at ~128K characters a
 * second at most, linear in its length; a host killed mid-stream loses at most the last interval (3 s at 400 KB).
 */
export function progressInterval(baseMs: number, chars: number): number {
  return baseMs * Math.max(1, chars / PROGRESS_CHARS);
}

export interface WriteReports {
  /** Called when a write fails, with the error; the request itself goes on. */
  onWriteError: (e: unknown, requestId: string) => void;
  /** Called after a write succeeds (`final`: the request's last), so a storage error shown earlier can be cleared. */
  onWriteOk?: (requestId: string, final: boolean) => void;
  /** Overrides FLUSH_MS (tests). */
  flushMs?: number;
}

/** Runs one write for `requestId` and reports how it went. */
export function reportedWrite(reports: WriteReports, requestId: string, fn: () => void, final = false): void {
  try {
    fn();
    reports.onWriteOk?.(requestId, final);
  } catch (e) {
    reports.onWriteError(e, requestId);
  }
}
