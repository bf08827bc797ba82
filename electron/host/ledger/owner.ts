/**
 * Which process wrote a 'streaming' row, so that start-up recovery only marks rows of dead processes as
 * incomplete: another shell (the CLI next to the app) may be streaming on the same data dir right now.
 *
 * A pid alone cannot say that: a process that died but was not yet reaped by its parent (a zombie) still answers
 * `kill(pid, 0)`, and a pid can be handed to a new process after its owner died. So a row records its owner's pid
 * and start time, and an owner counts as alive only when a process with that pid exists, is not a zombie, and
 * started at that same moment.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

interface ProcessState {
  /** One-letter state: R, S, D... ; Z (zombie) and X (dead) mean the process has ended. */
  state: string;
  /** When it started, in the platform's own terms: clock ticks since boot on Linux, `ps -o lstart` elsewhere. */
  started: string;
}

/** The state and start time of a process, or null when there is no such process (or it cannot be read). */
export function processState(pid: number): ProcessState | null {
  if (!Number.isSafeInteger(pid) || pid <= 0) return null;
  if (process.platform === 'linux') {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      return null;
    }
    // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so split after its last ')'.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 3 (state) and 22 (starttime) of proc(5), counted from 1 with rest[0] being field 3.
    return rest.length > 19 ? { state: rest[0], started: rest[19] } : null;
  }
  if (process.platform === 'win32') return null;
  const ps = spawnSync('ps', ['-o', 'stat=', '-o', 'lstart=', '-p', String(pid)], { encoding: 'utf8' });
  const line = ps.status === 0 ? ps.stdout.trim() : '';
  const m = /^(\S+)\s+(.+)$/.exec(line);
  return m ? { state: m[1], started: m[2].trim() } : null;
}

let cachedStart: string | null | undefined;
/**
 * This process's start time as {@link processState} reports it: recorded with every row it owns. Read on the first
 * row, not at import: outside Linux it runs `ps`, which a `glimpse usage` should not pay for.
 */
export function ownStart(): string | null {
  if (cachedStart === undefined) cachedStart = process.platform === 'win32' ? null : (processState(process.pid)?.started ?? null);
  return cachedStart;
}

/** Whether the process that wrote a row (its pid and recorded start time) is still running. */
export function isOwnerAlive(pid: number | null, started: string | null): boolean {
  if (!pid) return false;
  if (process.platform === 'win32') return killZeroSays(pid);
  const now = processState(pid);
  if (!now) return false;
  if (now.state.startsWith('Z') || now.state.startsWith('X')) return false;
  // Rows written before start times were recorded have none: then the pid's liveness is all there is.
  return started === null || now.started === started;
}

/** Windows has no zombies; a pid that answers signal 0 is alive (EPERM: another user's, still alive). */
function killZeroSays(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
