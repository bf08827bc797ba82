import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { Throttle } from '../../../electron/host/throttle.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

it('runs once per interval however often it is poked, reading a function interval as each timer is armed', () => {
  let interval = 100;
  const runs: number[] = [];
  const t = new Throttle(
    () => interval,
    () => runs.push(Date.now()),
  );
  const t0 = Date.now();
  t.poke();
  t.poke();
  vi.advanceTimersByTime(99);
  expect(runs).toEqual([]);
  vi.advanceTimersByTime(1);
  expect(runs).toEqual([t0 + 100]);
  // The next timer is armed with the interval as it is now.
  interval = 300;
  t.poke();
  vi.advanceTimersByTime(299);
  expect(runs).toHaveLength(1);
  vi.advanceTimersByTime(1);
  expect(runs).toEqual([t0 + 100, t0 + 400]);
  // Cancelled: nothing runs.
  t.poke();
  t.cancel();
  vi.advanceTimersByTime(1_000);
  expect(runs).toHaveLength(2);
});
