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
export type CpuSnapshot = Map<number, { role: Role; ns: number }>;

function threadNs(pid: number): number {
  let ns = 0;
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return NaN;
  }
  for (const tid of tids) {
    try {
      ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // The thread ended between the listing and the read; what it used is lost either way.
    }
  }
  return ns;
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
  return new Map(procs.map(({ pid, role }) => [pid, { role, ns: threadNs(pid) }]));
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
