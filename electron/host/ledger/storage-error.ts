/**
 * Recognises a full disk however it surfaces: ENOSPC from the file system, SQLITE_FULL (13) from SQLite.
 * A write that fails this way rolls back its transaction, so what was written before stays intact.
 */
export function isDiskFull(e: unknown): boolean {
  const err = e as { code?: string; errcode?: number; message?: string } | null;
  if (!err) return false;
  return (
    err.code === 'ENOSPC' ||
    (err.errcode ?? 0) % 256 === 13 ||
    /database or disk is full|ENOSPC|no space left/i.test(err.message ?? '')
  );
}

/** A message a person can act on, for a write that failed. */
export function storageErrorMessage(e: unknown, what: string): string {
  if (isDiskFull(e))
    return `The disk is full: ${what} could not be saved. Everything saved before is intact; free some space and Glimpse records again.`;
  return `${what[0].toUpperCase()}${what.slice(1)} could not be saved: ${e instanceof Error ? e.message : String(e)}`;
}
