/**
 * CPU time spent by each process of a run, read from /proc (Linux only; elsewhere every figure is NaN).
 *
 * On a two-core machine the app's processes compete with the provider for the CPU, so a run's wall time says
 * little about which process to make cheaper. /proc/<pid>/task/<tid>/schedstat gives each thread's time on a
 * CPU in nanoseconds; summed over a process's threads, read before and after a run, it says what that run cost
 * each process, whatever else the scheduler was doing.
 */
import { readdirSync, readFileSync } from 'node:fs';

export type Role = 'renderer' | 'browser' | 'gpu' | 'utility' | 'host' | 'bench';
/**
 * The renderer's threads, grouped: its main thread, the compositor, web workers (code highlighting), the IO thread
 * (IPC: the event stream's bytes arrive there), the thread pool (raster, V8's concurrent GC and compiler), the rest.
 */
export type RendererThread = 'main' | 'compositor' | 'workers' | 'io' | 'pool' | 'other';
export type CpuSnapshot = Map<number, { role: Role; ns: number; threads?: Record<RendererThread, number> }>;

/** A renderer thread's group: the main thread is the process's first (its tid is the pid); others by name. */
function rendererThread(pid: number, tid: string, comm: string): RendererThread {
  if (tid === String(pid)) return 'main';
  if (comm.startsWith('Compositor')) return 'compositor';
  if (comm.startsWith('DedicatedWorker')) return 'workers';
  if (comm.startsWith('Chrome_ChildIOT')) return 'io';
  if (comm.startsWith('ThreadPool')) return 'pool';
  return 'other';
}

/** A process's CPU time so far in ns, and for a renderer, that time by thread group. */
function threadNs(pid: number, byThread: boolean): { ns: number; threads?: Record<RendererThread, number> } {
  let ns = 0;
  const threads: Record<RendererThread, number> = { main: 0, compositor: 0, workers: 0, io: 0, pool: 0, other: 0 };
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return { ns: NaN };
  }
  for (const tid of tids) {
    try {
      const t = Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
      ns += t;
      if (byThread) threads[rendererThread(pid, tid, readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8'))] += t;
    } catch {
      // The thread ended between the listing and the read; what it used is lost either way.
    }
  }
  return byThread ? { ns, threads } : { ns };
}

/** Chromium's process types counted, by their `--type=` switch; the browser process has none, the zygotes are left out. */
const CHROMIUM_ROLES: Record<string, Role> = {
  renderer: 'renderer',
  'gpu-process': 'gpu',
  utility: 'utility', // the network service among them: it reads the host's event stream
};

/** Chromium's processes, told apart by their `--type=` switch. */
function chromiumProcesses(): { pid: number; role: Role }[] {
  const out: { pid: number; role: Role }[] = [];
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return out;
  }
  for (const e of entries) {
    if (!/^\d+$/.test(e)) continue;
    let cmd: string;
    try {
      cmd = readFileSync(`/proc/${e}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    // Processes forked from the zygote rewrite their command line as one string joined by spaces.
    const exe = (cmd.split('\0')[0] ?? '').split(' ')[0] ?? '';
    if (!/chrom(e|ium)$/.test(exe)) continue;
    const type = /--type=([\w-]+)/.exec(cmd)?.[1];
    const role = type === undefined ? 'browser' : CHROMIUM_ROLES[type];
    if (role) out.push({ pid: Number(e), role });
  }
  return out;
}

/** Every Chromium process, the app's host (`hostPid`) and this process, with their CPU time so far. */
export function snapshotCpu(hostPid: number | undefined): CpuSnapshot {
  const procs = chromiumProcesses();
  if (hostPid !== undefined) procs.push({ pid: hostPid, role: 'host' });
  procs.push({ pid: process.pid, role: 'bench' });
  return new Map(procs.map(({ pid, role }) => [pid, { role, ...threadNs(pid, role === 'renderer') }]));
}

/** Milliseconds of CPU each role used between two snapshots (a process that started in between counts whole). */
export function cpuBetween(before: CpuSnapshot, after: CpuSnapshot): Record<Role, number> {
  const ms: Record<Role, number> = { renderer: 0, browser: 0, gpu: 0, utility: 0, host: 0, bench: 0 };
  for (const [pid, a] of after) {
    if (!Number.isFinite(a.ns)) continue;
    ms[a.role] += (a.ns - (before.get(pid)?.ns ?? 0)) / 1e6;
  }
  return ms;
}

/** Milliseconds of CPU the renderer's thread groups used between two snapshots. */
export function rendererThreadsBetween(before: CpuSnapshot, after: CpuSnapshot): Record<RendererThread, number> {
  const ms: Record<RendererThread, number> = { main: 0, compositor: 0, workers: 0, io: 0, pool: 0, other: 0 };
  for (const [pid, a] of after) {
    if (!a.threads) continue;
    const b = before.get(pid)?.threads;
    for (const k of Object.keys(ms) as RendererThread[]) ms[k] += (a.threads[k] - (b?.[k] ?? 0)) / 1e6;
  }
  return ms;
}
