/**
 * Syntax highlighting for answers with code: Shiki, in a worker (highlight-worker.ts), loaded the first time an
 * answer holds a fenced block, never at start, and not during a burst. Where a worker cannot start, Streamdown's
 * code plugin runs in the window instead, its work queued in slices (highlight-queue.ts).
 */
import type { CodeHighlighterPlugin } from '@streamdown/code';
import { useEffect, useRef, useState } from 'react';
import { BURST_HOLD_MS, BurstWatch } from './burst-watch.ts';
import { workerHighlighter } from './highlight-client.ts';
import { slicedHighlighter } from './highlight-queue.ts';

let loaded: CodeHighlighterPlugin | null = null;
let loading: Promise<CodeHighlighterPlugin> | null = null;

/** A fence opening a line: ``` or ~~~, up to three spaces in, as CommonMark has it. */
const FENCE = /^ {0,3}(`{3,}|~{3,})/m;

export const hasCodeFence = (markdown: string): boolean => FENCE.test(markdown);

/**
 * Whether a growing Markdown text has held a code fence, reading only what was added since the last update (from
 * the start of the line it continues): scanning a whole 300 KB answer on every frame of a stream cost more than the
 * frame's new text. Once seen, stays seen; a text shorter than the last is taken as new and read from its start.
 */
export class FenceScan {
  private seen = false;
  private scanned = 0;

  update(markdown: string): boolean {
    if (markdown.length < this.scanned) {
      this.seen = false;
      this.scanned = 0;
    }
    if (!this.seen && markdown.length > this.scanned) {
      const from = this.scanned === 0 ? 0 : markdown.lastIndexOf('\n', this.scanned - 1) + 1;
      this.seen = hasCodeFence(markdown.slice(from));
    }
    this.scanned = markdown.length;
    return this.seen;
  }
}

/**
 * When to load the highlighter: once the text has held a fence for BURST_HOLD_MS without a burst. Loading is
 * ~300 ms of processor time (Shiki's modules in the window, its engine and grammars in the worker), and during a
 * burst the code blocks are not converted to Markdown yet anyway (progressive-markdown.tsx): loaded mid-burst, it
 * took a core from the stream for nothing; loaded once the burst is quiet, it is ready as conversion reaches the
 * code. The wait after the first fence is for a burst that has only begun: the first text of a fast stream is a
 * few hundred characters, too few to call it a burst, and they can hold a fence.
 */
export class HighlighterDemand {
  private readonly fences = new FenceScan();
  private readonly burst = new BurstWatch();
  private fenceAt: number | null = null;

  /** 0: load now; a number of ms: look again then (a burst is on, or may be); null: no code yet. */
  update(markdown: string, now: number): number | null {
    const hold = this.burst.update(markdown.length, now);
    if (!this.fences.update(markdown)) {
      this.fenceAt = null;
      return null;
    }
    this.fenceAt ??= now;
    return Math.max(hold, this.fenceAt + BURST_HOLD_MS - now);
  }
}

const THEMES: ['github-light', 'github-dark'] = ['github-light', 'github-dark'];

function startWorker(): Worker | null {
  try {
    return new Worker(new URL('./highlight-worker.ts', import.meta.url), { type: 'module', name: 'Glimpse code highlighter' });
  } catch (e) {
    console.warn('The code highlighter worker did not start; highlighting in the window instead:', e);
    return null;
  }
}

function load(): Promise<CodeHighlighterPlugin> {
  loading ??= import('shiki/langs').then(async ({ bundledLanguagesInfo }) => {
    const worker = startWorker();
    if (worker) {
      const names = new Set(bundledLanguagesInfo.flatMap((l) => [l.id, ...(l.aliases ?? [])]));
      loaded = workerHighlighter(worker, names, THEMES);
    } else {
      const m = await import('@streamdown/code');
      loaded = slicedHighlighter(m.createCodePlugin({ themes: THEMES }));
    }
    return loaded;
  });
  return loading;
}

/** The code plugin once an answer with code needs it (null before it has loaded, or when it fails to). */
export function useCodePlugin(markdown: string): CodeHighlighterPlugin | null {
  const demand = useRef<HighlighterDemand>(null);
  demand.current ??= new HighlighterDemand();
  const wait = demand.current.update(markdown, performance.now());
  const wanted = wait === 0 || loaded !== null;
  const [plugin, setPlugin] = useState(loaded);
  const [, wake] = useState(0);
  useEffect(() => {
    if (wanted || !wait) return;
    // Code arrived in a burst, or only just: looked at again once it has been quiet a while.
    const id = setTimeout(() => wake((n) => n + 1), wait);
    return () => clearTimeout(id);
  });
  useEffect(() => {
    if (!wanted || plugin) return;
    let live = true;
    load().then(
      (p) => live && setPlugin(p),
      // Without highlighting the code still shows, plain: nothing to tell the person.
      (e: unknown) => console.warn('The code highlighter did not load:', e),
    );
    return () => {
      live = false;
    };
  }, [wanted, plugin]);
  return wanted ? plugin : null;
}
