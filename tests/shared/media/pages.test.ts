import { describe, expect, it } from 'vitest';
import { imageTokens, PATCH } from '../../../shared/media/budget.ts';
import { formatPageList, pageFit, parsePageRange } from '../../../shared/media/pages.ts';

describe('parsePageRange', () => {
  it('reads ranges, lists, open ends and "all"', () => {
    expect(parsePageRange('2-5', 10)).toEqual({ ok: true, pages: [2, 3, 4, 5] });
    expect(parsePageRange('1, 3,7-8 ,3', 10)).toEqual({ ok: true, pages: [1, 3, 7, 8] });
    expect(parsePageRange('8-', 10)).toEqual({ ok: true, pages: [8, 9, 10] });
    expect(parsePageRange('all', 3)).toEqual({ ok: true, pages: [1, 2, 3] });
    expect(parsePageRange('', 2)).toEqual({ ok: true, pages: [1, 2] });
  });
  it('says what is wrong instead of picking nothing', () => {
    expect(parsePageRange('2-9', 6)).toMatchObject({
      ok: false,
      message: 'The document has 6 pages; “2-9” goes past it.',
      text: { code: 'pages.past-end', params: { count: 6, text: '2-9' } },
    });
    expect(parsePageRange('5-2', 6)).toMatchObject({ ok: false, message: expect.stringContaining('not a valid range') });
    expect(parsePageRange('two', 6)).toMatchObject({ ok: false, message: expect.stringContaining('“two” is not a page') });
    expect(parsePageRange('0', 6)).toMatchObject({ ok: false });
    expect(parsePageRange('1,,2', 6)).toMatchObject({ ok: false });
  });
  it('writes lists back compactly', () => {
    expect(formatPageList([5, 1, 2, 3, 9, 10])).toBe('1-3, 5, 9-10');
    expect(formatPageList([])).toBe('');
  });
});

describe('pageFit', () => {
  it('fills the budget for an A4 page at multiples of 28', () => {
    const f = pageFit(595, 842, 2560);
    expect(f.width % PATCH).toBe(0);
    expect(f.height % PATCH).toBe(0);
    expect(f.tokens).toBe(imageTokens(f.width, f.height));
    expect(f.tokens).toBeLessThanOrEqual(2560);
    expect(f.tokens).toBeGreaterThan(2400);
  });
  it('stops at 300 dpi however large the budget', () => {
    const f = pageFit(595, 842, 16_384);
    expect(f.width).toBeLessThanOrEqual((595 * 300) / 72);
  });
});
