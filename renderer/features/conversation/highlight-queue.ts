/**
 * Syntax highlighting in slices of main-thread time. Streamdown's code plugin answers `highlight()` from its cache
 * or returns null and tokenises the code in a microtask right after the render that asked, so highlighting never
 * shows in the render time that the cost model (render-cost.ts) measures: a frame that converted twenty code blocks
 * then spent another 1.4 s tokenising them in one task. Here each block waits in a queue that is worked through a
 * block at a time, yielding to the window (a new task) whenever a slice has used its budget.
 */
import type { CodeHighlighterPlugin, HighlightOptions, HighlightResult } from '@streamdown/code';

/** Main-thread time one slice of highlighting may take before it yields. */
export const HIGHLIGHT_SLICE_MS = 6;
/** A block the highlighter never answers (it logs its own errors) holds the queue at most this long. */
const GIVE_UP_MS = 2_000;

export interface QueueClock {
  now: () => number;
  /** Runs `f` in a later task (after the window has had its turn). */
  later: (f: () => void) => void;
}

const browserClock: QueueClock = { now: () => performance.now(), later: (f) => setTimeout(f, 0) };

const themeName = (t: HighlightOptions['themes'][number]) => (typeof t === 'string' ? t : (t.name ?? 'custom'));
const keyOf = (o: HighlightOptions) =>
  `${o.language}\u0000${themeName(o.themes[0])}\u0000${themeName(o.themes[1])}\u0000${o.isIncomplete ? 1 : 0}\u0000${o.code}`;

/** `inner` with its work queued and sliced; results and the plugin's other methods are the same. */
export function slicedHighlighter(
  inner: CodeHighlighterPlugin,
  clock: QueueClock = browserClock,
  sliceMs = HIGHLIGHT_SLICE_MS,
): CodeHighlighterPlugin {
  /** Blocks the inner plugin has highlighted and cached: answered at once. */
  const cached = new Set<string>();
  const waiting = new Map<string, { options: HighlightOptions; callbacks: ((r: HighlightResult) => void)[] }>();
  let draining = false;

  const one = (options: HighlightOptions) =>
    new Promise<HighlightResult | null>((resolve) => {
      const timer = setTimeout(() => resolve(null), GIVE_UP_MS);
      const done = (r: HighlightResult | null) => {
        clearTimeout(timer);
        resolve(r);
      };
      const now = inner.highlight(options, done);
      if (now) done(now);
    });

  async function drain() {
    let sliceStart = clock.now();
    for (const [key, job] of waiting) {
      if (clock.now() - sliceStart >= sliceMs) {
        await new Promise<void>((r) => clock.later(r));
        sliceStart = clock.now();
      }
      const result = await one(job.options);
      waiting.delete(key);
      if (!result) continue;
      if (!job.options.isIncomplete) cached.add(key);
      for (const cb of job.callbacks) cb(result);
    }
    draining = false;
  }

  return {
    ...inner,
    highlight(options, callback) {
      const key = keyOf(options);
      if (cached.has(key)) {
        const hit = inner.highlight(options);
        if (hit) return hit;
        cached.delete(key); // the inner cache let it go: queue it again
      }
      const job = waiting.get(key);
      if (job) {
        if (callback) job.callbacks.push(callback);
      } else waiting.set(key, { options, callbacks: callback ? [callback] : [] });
      if (!draining) {
        // Started in a task of its own, not in the render that asked.
        draining = true;
        clock.later(() => void drain());
      }
      return null;
    },
  };
}
