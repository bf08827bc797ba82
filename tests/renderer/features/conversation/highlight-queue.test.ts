import type { CodeHighlighterPlugin, HighlightOptions, HighlightResult } from '@streamdown/code';
import { describe, expect, it } from 'vitest';
import { slicedHighlighter } from '../../../../renderer/features/conversation/highlight-queue.ts';

/**
 * A highlighter shaped like Streamdown's: answers from its cache, else null, then does the work in a microtask
 * (each block "costs" 4 ms of a fake clock) and calls back.
 */
function fakeInner() {
  const clock = { t: 0 };
  const cache = new Map<string, HighlightResult>();
  const worked: string[] = [];
  const inner = {
    name: 'shiki',
    type: 'code-highlighter',
    supportsLanguage: () => true,
    getSupportedLanguages: () => ['js'],
    getThemes: () => ['github-light', 'github-dark'],
    highlight(o: HighlightOptions, cb?: (r: HighlightResult) => void) {
      const hit = cache.get(o.code);
      if (hit) return hit;
      queueMicrotask(() => {
        clock.t += 4;
        worked.push(o.code);
        const r = { tokens: [], fg: o.code } as unknown as HighlightResult;
        if (!o.isIncomplete) cache.set(o.code, r);
        cb?.(r);
      });
      return null;
    },
  } as unknown as CodeHighlighterPlugin;
  return { inner, clock, worked };
}

const opts = (code: string): HighlightOptions => ({ code, language: 'js', themes: ['github-light', 'github-dark'] });

describe('slicedHighlighter', () => {
  it('works through queued blocks one at a time, yielding to the window once a slice used its budget', async () => {
    const { inner, clock, worked } = fakeInner();
    const laters: (() => void)[] = [];
    const h = slicedHighlighter(inner, { now: () => clock.t, later: (f) => laters.push(f) }, 6);
    const got: string[] = [];
    for (const code of ['a', 'b', 'c', 'd', 'e']) expect(h.highlight(opts(code), (r) => got.push(String(r.fg)))).toBeNull();
    // Asked twice before it was done: worked once, both callers answered.
    h.highlight(opts('a'), (r) => got.push(`again ${r.fg}`));
    // Nothing is worked in the render that asked: the queue starts in a task of its own.
    await new Promise((r) => setTimeout(r, 0));
    expect(worked).toEqual([]);
    expect(laters).toHaveLength(1);
    laters.shift()!();
    await new Promise((r) => setTimeout(r, 0));
    // 4 ms a block, 6 ms a slice: two blocks, then a yield.
    expect(worked).toEqual(['a', 'b']);
    expect(got).toEqual(['a', 'again a', 'b']);
    expect(laters).toHaveLength(1);
    while (laters.length) {
      laters.shift()!();
      await new Promise((r) => setTimeout(r, 0));
    }
    expect(worked).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(got).toEqual(['a', 'again a', 'b', 'c', 'd', 'e']);
    // Done once, answered from the cache at once after.
    expect(h.highlight(opts('c'))?.fg).toBe('c');
    expect(worked).toHaveLength(5);
  });

  it('never answers a still-growing block from the cache', async () => {
    const { inner, worked } = fakeInner();
    const h = slicedHighlighter(inner, { now: () => 0, later: (f) => f() }, 6);
    const growing = { ...opts('let x'), isIncomplete: true };
    const got: unknown[] = [];
    h.highlight(growing, (r) => got.push(r.fg));
    await new Promise((r) => setTimeout(r, 0));
    expect(got).toEqual(['let x']);
    expect(h.highlight(growing)).toBeNull();
    await new Promise((r) => setTimeout(r, 0));
    expect(worked).toEqual(['let x', 'let x']);
  });
});
