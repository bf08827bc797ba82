import { expect, it } from 'vitest';
import { visibleWindow } from '../../../../renderer/features/batch/batch-table.tsx';

it('draws only the rows in view and a few either side, with spacers standing in for the rest', () => {
  // 1,000 rows of 30 px in a 320 px box, scrolled to row 500.
  const w = visibleWindow(1_000, 500 * 30, 320);
  expect(w.last - w.first).toBeLessThan(40);
  expect(w.first).toBeLessThanOrEqual(500);
  expect(w.last).toBeGreaterThanOrEqual(500 + Math.ceil(320 / 30));
  expect(w.above + (w.last - w.first) * 30 + w.below).toBe(1_000 * 30);
  expect(visibleWindow(1_000, 0, 320).first).toBe(0);
  expect(visibleWindow(1_000, 30_000, 320).last).toBe(1_000);
  expect(visibleWindow(3, 0, 320)).toEqual({ first: 0, last: 3, above: 0, below: 0 });
});
