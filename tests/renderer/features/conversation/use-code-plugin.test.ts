import { describe, expect, it } from 'vitest';
import { BURST_GROWTH, BURST_HOLD_MS } from '../../../../renderer/features/conversation/burst-watch.ts';
import { FenceScan, HighlighterDemand, hasCodeFence } from '../../../../renderer/features/conversation/use-code-plugin.ts';

describe('FenceScan', () => {
  it('finds a fence that arrives in pieces, even split inside its line', () => {
    const scan = new FenceScan();
    let text = '';
    const pieces = ['Some prose.\n\nMore', ' prose `inline` and ``', ' not a fence\n  `', '``js\nconst x = 1;\n```\n'];
    const seen = pieces.map((p) => scan.update((text += p)));
    expect(seen).toEqual([false, false, false, true]);
    expect(hasCodeFence(text)).toBe(true);
  });

  it('agrees with a scan of the whole text at every step, and reads a replaced text again', () => {
    const scan = new FenceScan();
    const text = 'a\n~~~\ncode\n~~~\n';
    for (let n = 1; n <= text.length; n++) expect(scan.update(text.slice(0, n))).toBe(hasCodeFence(text.slice(0, n)));
    // A shorter text is another text: it has no fence.
    expect(scan.update('plain')).toBe(false);
    expect(scan.update('plain\n```')).toBe(true);
  });
});

describe('HighlighterDemand', () => {
  it('asks for the highlighter a moment after a slow stream shows a fence', () => {
    const d = new HighlighterDemand();
    expect(d.update('Here is the fix:\n\n', 0)).toBeNull();
    expect(d.update('Here is the fix:\n\n```js\n', 16)).toBe(BURST_HOLD_MS);
    expect(d.update('Here is the fix:\n\n```js\nconst', 32)).toBe(BURST_HOLD_MS - 16);
    expect(d.update('Here is the fix:\n\n```js\nconst', 16 + BURST_HOLD_MS)).toBe(0);
  });

  it('waits for a burst that follows the first fence to be quiet, then asks', () => {
    const d = new HighlighterDemand();
    // A fast stream's first text: a few hundred characters, a fence among them.
    const first = 'Intro.\n\n```js\nconst x = 1;\n';
    expect(d.update(first, 0)).toBe(BURST_HOLD_MS);
    const burst = first + 'word '.repeat(BURST_GROWTH / 5);
    expect(d.update(burst, 60)).toBe(BURST_HOLD_MS);
    expect(d.update(burst + 'x'.repeat(BURST_GROWTH), 120)).toBe(BURST_HOLD_MS);
    expect(d.update(burst + 'x'.repeat(BURST_GROWTH), 120 + BURST_HOLD_MS)).toBe(0);
  });
});
