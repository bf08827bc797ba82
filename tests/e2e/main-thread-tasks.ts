/**
 * The window's main-thread tasks while a test step runs, measured two ways at once:
 *
 * - the long tasks the page itself reports (PerformanceObserver 'longtask'): wall time, what a person feels;
 * - the same tasks in a Chromium trace (category `toplevel`, a few events per task, cheap), which records for
 *   each task its thread CPU time (`tdur`) beside its wall time (`dur`).
 *
 * The bound (200 ms) is asserted on the CPU time of the longest task. Wall time on a shared machine measures the
 * scheduler as much as the app: at a load of 19 on 2 cores a task that ran 210 ms on the CPU took 2.0 s of wall
 * time, and no bound on wall time is both meaningful and stable there (widening it by the load average, as this
 * suite once did, let a 2 s stall pass). CPU time is what the app controls: a task of 120 ms CPU is 120 ms on an
 * idle machine. Both figures are reported, with the load, so a regression in either shows.
 */
import { cpus, loadavg } from 'node:os';
import type { Browser, Page } from '@playwright/test';

export const STALL_MS = 200;

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

export interface TaskFigures {
  /** The longest task the page reported (wall ms), 0 if none reached 50 ms. */
  longestWallMs: number;
  /** Thread CPU time of the window's longest-running main-thread task in the trace (ms). */
  longestCpuMs: number;
  /** Wall time of that same task (ms). */
  itsWallMs: number;
  /** Thread CPU time of the task with the longest wall time in the trace (ms): what the rest of that wall was. */
  longestWallTaskCpuMs: number;
  /** Main-thread tasks of 50 ms wall or more seen in the trace. */
  longTasks: number;
  load: string;
}

/** Runs `step` with both measurements on and returns the figures. */
export async function measureMainThread(page: Page, browser: Browser, step: () => Promise<void>): Promise<TaskFigures> {
  await page.evaluate(() => {
    const w = window as unknown as { __longest: number; __observer?: PerformanceObserver };
    w.__longest = 0;
    w.__observer ??= new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
    });
    w.__observer.observe({ type: 'longtask' });
  });
  await browser.startTracing(page, { categories: ['toplevel'] });
  let trace: Buffer;
  try {
    await step();
    // Two frames and a task later, every task of the last render has ended and been reported.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 100)))));
  } finally {
    trace = await browser.stopTracing();
  }
  const longestWallMs = await page.evaluate(() => (window as unknown as { __longest: number }).__longest);
  const parsed = JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const mains = new Set(
    events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  // A task is traced as RunTask around ThreadControllerImpl::RunTask (the same work): the longest of either.
  const tasks = events
    .filter((e) => e.ph === 'X' && /^(ThreadControllerImpl::)?RunTask$/.test(e.name) && mains.has(`${e.pid}:${e.tid}`))
    .filter((e) => e.dur !== undefined && e.tdur !== undefined);
  if (tasks.length === 0) throw new Error('The trace holds no main-thread task of the window: nothing was measured.');
  const worst = tasks.reduce((a, b) => ((b.tdur ?? 0) > (a.tdur ?? 0) ? b : a));
  const slowest = tasks.reduce((a, b) => ((b.dur ?? 0) > (a.dur ?? 0) ? b : a));
  const [one] = loadavg();
  return {
    longestWallMs: Math.round(longestWallMs),
    longestCpuMs: Math.round((worst.tdur ?? 0) / 1000),
    itsWallMs: Math.round((worst.dur ?? 0) / 1000),
    longestWallTaskCpuMs: Math.round((slowest.tdur ?? 0) / 1000),
    longTasks: tasks.filter((e) => (e.dur ?? 0) >= 50_000).length,
    load: `${one.toFixed(1)} on ${cpus().length} cores`,
  };
}

export const describeFigures = (f: TaskFigures) =>
  `longest task ${f.longestCpuMs} ms CPU (${f.itsWallMs} ms wall); longest the page reported ${f.longestWallMs} ms wall ` +
  `(longest in the trace: ${f.longestWallTaskCpuMs} ms of it CPU); ${f.longTasks} tasks of 50 ms+ wall; load ${f.load}`;
