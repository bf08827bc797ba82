import { describe, expect, it } from 'vitest';
import { formattable, hasUnbrokenRun } from '../../../../renderer/features/conversation/progressive-markdown.tsx';

describe('which finished blocks go to the Markdown renderer', () => {
  it('finds a run of 4,096 characters without white space, and only that', () => {
    expect(hasUnbrokenRun('x'.repeat(4096))).toBe(true);
    expect(hasUnbrokenRun(`${'x'.repeat(4095)} ${'x'.repeat(4095)}`)).toBe(false);
    expect(hasUnbrokenRun(`${'a'.repeat(4095)}\n${'b'.repeat(10)}`)).toBe(false);
    expect(hasUnbrokenRun(`prose first, then ${'Q'.repeat(5000)}`)).toBe(true);
  });

  it('keeps prose and refuses a base64 blob or a block past the size limit', () => {
    expect(formattable('| a | b |\n|---|---|\n| 1 | 2 |')).toBe(true);
    expect(formattable(`data:image/png;base64,${'A'.repeat(8000)}`)).toBe(false);
    expect(formattable('word '.repeat(13_000))).toBe(false);
  });

  it('reads an answer of 20,000 boxes as prose with short runs', () => {
    // What the regular expression spent ~370 ms on in the window (its speed is checked by the e2e stall test).
    const answer = Array.from({ length: 20_000 }, (_, i) => `item[[${i},${i},${i + 9},${i + 9}]]`).join(' ');
    expect(hasUnbrokenRun(answer)).toBe(false);
    expect(hasUnbrokenRun(answer.replaceAll(' ', '_'))).toBe(true);
  });
});
