import { describe, expect, it } from 'vitest';
import { FenceScan, hasCodeFence } from '../../../../renderer/features/conversation/use-code-plugin.ts';

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
