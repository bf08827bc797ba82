import { type HostMessage, hostMessage } from '../../../shared/messages/messages.ts';

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

/** A message a person can act on (a code the window words in its language), for a request that was not saved. */
export function storageErrorMessage(e: unknown): HostMessage {
  if (isDiskFull(e)) return hostMessage('storage.latest-disk-full');
  return hostMessage('storage.latest-failed', { reason: e instanceof Error ? e.message : String(e) });
}
