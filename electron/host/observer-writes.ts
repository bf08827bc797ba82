/**
 * What the storing ChatObservers (the ledger's and the sessions') share: how often they save a streaming
 * request, and how a write's outcome is reported. A failed write is reported, never thrown, so storage
 * trouble never stops the request itself.
 */

/** How often, at most, a streaming request's partial answer is saved. */
export const FLUSH_MS = 500;

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
