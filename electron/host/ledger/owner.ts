/**
 * Which process wrote a 'streaming' row, so that start-up recovery only marks rows of dead processes as
 * incomplete: another shell (the CLI next to the app) may be streaming on the same data dir right now.
 */
export function isProcessAlive(pid: number | null): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to another user; still alive.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
