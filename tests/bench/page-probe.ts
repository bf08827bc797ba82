/**
 * The in-page side of the streaming benchmark, injected with `page.addInitScript(pageProbe)` before the app
 * loads. It changes nothing in the app; it only watches:
 *   - a frame loop (requestAnimationFrame) that knows when the page is inside a rendering update, records the
 *     gaps between frames, and posts a message that runs right after that frame's main-thread paint (a host
 *     event queued while the frame rendered may run first: that moment is then taken at the event instead);
 *   - a MutationObserver on the document: after the first mutation of a frame it waits for that frame's paint
 *     and then reads the answer's tail, so "painted at" = the end of the rendering update that showed it;
 *   - PerformanceObservers for 'longtask' and 'long-animation-frame';
 *   - a wrapper around EventSource that timestamps when each host event reaches the page.
 * All times are epoch milliseconds on the page's clock (performance.timeOrigin + performance.now()); the
 * bench aligns them with Node's clock through `calibrate()` (bench-stats.ts), run in the page.
 *
 * Must stay self-contained: Playwright serialises this function into the page.
 */
export interface ProbeFrame {
  /** Paint time of a frame whose rendering update changed the DOM. */
  t: number;
  /** When that frame's rendering update began (its first requestAnimationFrame callback). */
  start: number;
  /** Highest `w<i>` token index visible at the answer's tail then (-1 when none), for the fake `tokens-n` mode. */
  last: number;
}

export interface ProbeArm {
  /** How many answer elements existed when armed: the measured one is the next. */
  before: number;
  /** Token index whose paint ends the run (tokens-n mode), or null: done when the answer region is no longer busy. */
  target: number | null;
  /** Keep every painted frame (per-delta latency) and every frame's work, or only the first and last paint. */
  keepFrames: boolean;
  /** Keep the data of host events as they arrive (small streams only). */
  keepSse: boolean;
}

export interface ProbeResult {
  firstPaint: number | null;
  /** Start of the rendering update that first painted the answer. */
  firstPaintFrameStart: number | null;
  lastPaint: number | null;
  /** Main-thread time of every rendering update while armed (rAF callbacks, style, layout, paint), if kept. */
  work: { start: number; ms: number }[];
  /** When the answer region stopped being busy (the turn ended), seen by polling. */
  settled: number | null;
  frames: ProbeFrame[];
  sse: { t: number; data: string }[];
  /** When the last host event carrying text reached the page (kept whether or not `keepSse` is). */
  lastDeltaAt: number | null;
  paintedFrames: number;
  maxFrameGap: number;
  frameCount: number;
  longtasks: { start: number; duration: number }[];
  /** Each slice the app's intake took in (renderer/features/conversation/use-intake.ts), with when it ended. */
  slices: { t: number; text: 'answer' | 'reasoning'; chars: number; backlog: number; ms: number; layoutMs: number }[];
  loafs: {
    start: number;
    duration: number;
    blocking: number;
    renderStart: number;
    styleAndLayoutStart: number;
    scripts: { invoker: string; fn: string; src: string; duration: number; forcedStyleAndLayout: number }[];
  }[];
}

export function pageProbe(): void {
  const w = window as unknown as Record<string, unknown>;
  const now = () => performance.timeOrigin + performance.now();

  interface Live extends ProbeArm {
    el: Element | null;
    firstPaint: number | null;
    firstPaintFrameStart: number | null;
    work: { start: number; ms: number }[];
    lastPaint: number | null;
    frames: ProbeFrame[];
    sse: { t: number; data: string }[];
    lastDeltaAt: number | null;
    paintedFrames: number;
    maxFrameGap: number;
    frameCount: number;
    longtasks: ProbeResult['longtasks'];
    loafs: ProbeResult['loafs'];
    slices: ProbeResult['slices'];
    pending: boolean;
    finished: boolean;
    settled: number | null;
    resolve: () => void;
    done: Promise<void>;
  }
  let arm: Live | null = null;
  const state = { esOpen: 0 };

  // ---- frame loop: which phase are we in, and a callback right after this frame's paint ----
  const channel = new MessageChannel();
  // From this frame's first rAF callback until the probe's task after its paint.
  let inFrame = false;
  // Whether the moment after this frame's paint has been taken: the probe's own task, or a host event that ran
  // before it. Tasks queued while the frame rendered (a host event that reached the page then) may run before the
  // probe's task; what they change is painted by the next frame, so this frame's checks run before them, and the
  // mutations they make wait for the next paint.
  let paintSeen = false;
  let afterThisPaint: ((t: number, start: number) => void)[] = [];
  let afterNextPaint: ((t: number, start: number) => void)[] = [];
  let lastFrameTs = 0;
  let frameStart = 0;
  const painted = () => {
    if (!inFrame || paintSeen) return;
    paintSeen = true;
    const t = now();
    if (arm?.keepFrames) arm.work.push({ start: frameStart, ms: t - frameStart });
    const q = afterThisPaint;
    afterThisPaint = [];
    for (const f of q) f(t, frameStart);
  };
  channel.port1.onmessage = () => {
    painted();
    inFrame = false;
  };
  const loop = (ts: number) => {
    // Registered a frame ahead, so it runs before any rAF callback the app queued during this frame's tasks.
    inFrame = true;
    paintSeen = false;
    frameStart = now();
    if (arm && lastFrameTs) {
      arm.frameCount++;
      arm.maxFrameGap = Math.max(arm.maxFrameGap, ts - lastFrameTs);
    }
    lastFrameTs = ts;
    afterThisPaint.push(...afterNextPaint);
    afterNextPaint = [];
    channel.port2.postMessage(0); // a task: runs after this rendering update (rAF, style, layout, paint)
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  const afterPaint = (f: (t: number, start: number) => void) => (inFrame && !paintSeen ? afterThisPaint : afterNextPaint).push(f);

  // ---- what is painted ----
  const lastIndexIn = (s: string) => {
    let last = -1;
    for (const m of s.matchAll(/w(\d+)/g)) last = Math.max(last, Number(m[1]));
    return last;
  };
  const check = (t: number, start: number) => {
    const a = arm;
    if (!a || a.finished) return;
    if (!a.el) {
      const all = document.querySelectorAll('[data-testid="answer"]');
      if (all.length <= a.before) return;
      a.el = all[a.before];
    }
    // The tail: the last two blocks of the rendered Markdown (a block is a paragraph of 12 fake tokens).
    const root = a.el.lastElementChild ?? a.el;
    const lastBlock = root.lastElementChild;
    const tail = lastBlock
      ? `${lastBlock.previousElementSibling?.textContent ?? ''} ${lastBlock.textContent ?? ''}`
      : (root.textContent ?? '');
    if (!tail.trim()) return;
    a.paintedFrames++;
    if (a.firstPaint === null) {
      a.firstPaint = t;
      a.firstPaintFrameStart = start;
    }
    const last = lastIndexIn(tail);
    if (a.keepFrames) a.frames.push({ t, start, last });
    if (a.target !== null && last >= a.target) {
      a.lastPaint = t;
      finish(a);
    } else if (a.target === null) {
      a.lastPaint = t;
      const section = a.el.closest('section');
      if (section?.getAttribute('aria-busy') === 'false') finish(a);
    }
  };
  const finish = (a: Live) => {
    a.finished = true;
    a.resolve();
  };
  new MutationObserver(() => {
    const a = arm;
    if (!a || a.finished || a.pending) return;
    a.pending = true;
    afterPaint((t, start) => {
      a.pending = false;
      check(t, start);
    });
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['aria-busy'] });

  // ---- long tasks and long animation frames ----
  try {
    new PerformanceObserver((list) => {
      const a = arm;
      if (!a) return;
      for (const e of list.getEntries()) a.longtasks.push({ start: performance.timeOrigin + e.startTime, duration: e.duration });
    }).observe({ type: 'longtask' });
  } catch {
    /* not supported */
  }
  try {
    new PerformanceObserver((list) => {
      const a = arm;
      if (!a) return;
      for (const e of list.getEntries() as unknown as Record<string, any>[]) {
        a.loafs.push({
          start: performance.timeOrigin + e.startTime,
          duration: e.duration,
          blocking: e.blockingDuration ?? 0,
          renderStart: e.renderStart ? e.renderStart - e.startTime : 0,
          styleAndLayoutStart: e.styleAndLayoutStart ? e.styleAndLayoutStart - e.startTime : 0,
          scripts: ((e.scripts ?? []) as Record<string, any>[]).map((s) => ({
            invoker: String(s.invoker ?? ''),
            fn: String(s.sourceFunctionName ?? ''),
            src: String(s.sourceURL ?? '').replace(/^.*\//, ''),
            duration: s.duration,
            forcedStyleAndLayout: s.forcedStyleAndLayoutDuration ?? 0,
          })),
        });
      }
    }).observe({ type: 'long-animation-frame' });
  } catch {
    /* not supported */
  }

  // ---- each slice of text the app's intake takes in (the app reports them here when this is set) ----
  w.__glimpseIntake = (e: Omit<ProbeResult['slices'][number], 't'>) => {
    const a = arm;
    if (a && !a.finished) a.slices.push({ t: now(), ...e });
  };

  // ---- when host events reach the page ----
  const NativeES = window.EventSource;
  class ProbedEventSource extends NativeES {
    constructor(url: string | URL, init?: EventSourceInit) {
      super(url, init);
      // Registered before the app sets onmessage, so it sees each event first.
      this.addEventListener('open', () => state.esOpen++);
      // An event past 64 K characters comes as `part` events and a last message (shared/bridge/sse-frames.ts); the
      // last message alone may not hold its type, so the parts are joined to tell what it was.
      let parts = '';
      this.addEventListener('part', (m) => {
        painted();
        if (arm && !arm.finished) parts += (m as MessageEvent<string>).data;
      });
      this.addEventListener('message', (m) => {
        painted();
        const a = arm;
        const data = parts + (m as MessageEvent<string>).data;
        parts = '';
        if (!a || a.finished) return;
        if (a.keepSse) a.sse.push({ t: now(), data });
        // The type comes first, before any text that could hold the same words.
        if (data.slice(0, 200).includes('"type":"delta"')) a.lastDeltaAt = now();
      });
    }
  }
  window.EventSource = ProbedEventSource;

  // ---- the API the bench drives ----
  w.__bench = {
    isReady: () => state.esOpen > 0,
    arm(opts: Omit<ProbeArm, 'before'>): void {
      let resolve!: () => void;
      const done = new Promise<void>((r) => (resolve = r));
      arm = {
        ...opts,
        before: document.querySelectorAll('[data-testid="answer"]').length,
        el: null,
        firstPaint: null,
        firstPaintFrameStart: null,
        work: [],
        lastPaint: null,
        frames: [],
        sse: [],
        lastDeltaAt: null,
        paintedFrames: 0,
        maxFrameGap: 0,
        frameCount: 0,
        longtasks: [],
        loafs: [],
        slices: [],
        pending: false,
        finished: false,
        settled: null,
        resolve,
        done,
      };
    },
    async result(timeoutMs: number): Promise<ProbeResult | null> {
      const a = arm;
      if (!a) return null;
      const deadline = now() + timeoutMs;
      await Promise.race([a.done, new Promise((r) => setTimeout(r, timeoutMs))]);
      a.finished = true;
      // Keep watching long tasks and frames until the turn has settled (the final, non-streaming render of the
      // answer belongs to the stream too), then give the observers a moment to deliver their entries.
      const busy = () => a.el?.closest('section')?.getAttribute('aria-busy') === 'true';
      while (busy() && now() < deadline) await new Promise((r) => setTimeout(r, 10));
      a.settled = now();
      await new Promise((r) => setTimeout(r, 150));
      arm = null;
      const {
        firstPaint,
        firstPaintFrameStart,
        lastPaint,
        settled,
        work,
        frames,
        sse,
        lastDeltaAt,
        paintedFrames,
        maxFrameGap,
        frameCount,
        longtasks,
        loafs,
        slices,
      } = a;
      return {
        firstPaint,
        firstPaintFrameStart,
        lastPaint,
        settled,
        work,
        frames,
        sse,
        lastDeltaAt,
        paintedFrames,
        maxFrameGap,
        frameCount,
        longtasks,
        loafs,
        slices,
      };
    },
  };
}
