import { describe, expect, it } from 'vitest';
import { BETA, type Clock, RateLimiter } from '../../../../electron/host/batch/rate-limiter.ts';

/** A clock that moves only when told: sleeping advances it, so pacing is checked without waiting. */
function fakeClock(): Clock & { t: number } {
  const c = {
    t: 0,
    now: () => c.t,
    sleep: async (ms: number) => {
      c.t += ms;
    },
  };
  return c;
}

describe('RateLimiter', () => {
  it('lets everything through until the provider refuses one', async () => {
    const clock = fakeClock();
    const l = new RateLimiter(clock);
    for (let i = 0; i < 50; i++) expect(await l.acquire()).toBe(0);
    expect(l.ratePerS).toBeNull();
  });

  it('learns the rate the provider accepted from a 429, and spaces starts by it', async () => {
    const clock = fakeClock();
    const l = new RateLimiter(clock);
    const starts: number[] = [];
    // 20 accepted in the first second, the 21st refused.
    for (let i = 0; i < 20; i++) {
      clock.t = i * 40;
      starts.push(await l.acquire());
    }
    clock.t = 800;
    const refused = await l.acquire();
    l.rateLimited(refused, null);
    expect(l.ratePerS).toBeCloseTo(20 * BETA, 5);
    const a = await l.acquire();
    const b = await l.acquire();
    expect(b - a).toBeCloseTo(1000 / (20 * BETA), 5);
  });

  it('pauses every start for a Retry-After, and counts 429s from requests already in flight as one cut', async () => {
    const clock = fakeClock();
    const l = new RateLimiter(clock);
    const t = await Promise.all(Array.from({ length: 10 }, () => l.acquire()));
    l.rateLimited(t[0] ?? 0, 2);
    const rate = l.ratePerS;
    // Nine more refusals of requests that started before the cut: the rate is not cut nine more times.
    for (const s of t.slice(1)) l.rateLimited(s, 2);
    expect(l.ratePerS).toBe(rate);
    expect(l.pausedMs()).toBe(2000);
    expect(await l.acquire()).toBeGreaterThanOrEqual(2000);
  });

  it('speeds up again while requests succeed', async () => {
    const clock = fakeClock();
    const l = new RateLimiter(clock);
    const s = await l.acquire();
    l.rateLimited(s, null);
    const low = l.ratePerS ?? 0;
    for (let i = 0; i < 100; i++) l.succeeded(await l.acquire());
    expect(l.ratePerS ?? 0).toBeGreaterThan(low + 2);
  });

  it('returns at once when stopped while waiting', async () => {
    const clock = fakeClock();
    const l = new RateLimiter(clock);
    l.rateLimited(await l.acquire(), 60);
    const stop = new AbortController();
    stop.abort();
    expect(await l.acquire(stop.signal)).toBe(clock.t);
  });
});

describe('RateLimiter after a 429 with Retry-After', () => {
  it('climbs back quickly to just under the rate the provider took, then probes slowly above it', async () => {
    const clock = fakeClock();
    const l = new RateLimiter(clock);
    for (let i = 0; i < 20; i++) {
      clock.t = i * 50;
      await l.acquire();
    }
    clock.t = 990;
    l.rateLimited(await l.acquire(), 0.05);
    expect(l.ratePerS).toBeCloseTo(20 * BETA, 5);
    // One second of successes at that pace: back near 20 * 0.97 (the slow climb would be at about 19.4 * 0.92 + 1).
    for (let i = 0; i < 19; i++) l.succeeded(await l.acquire());
    const back = l.ratePerS ?? 0;
    expect(back).toBeGreaterThan(19.3);
    // Past it, a second of successes adds about one request/s, not six.
    for (let i = 0; i < 20; i++) l.succeeded(await l.acquire());
    expect((l.ratePerS ?? 0) - back).toBeLessThan(1.5);
  });

  it('lets a waiting pool through one at a time, in order and spaced by the rate; one stopped leaves the line at once', async () => {
    const clock = fakeClock();
    const l = new RateLimiter(clock);
    l.rateLimited(await l.acquire(), null);
    const interval = 1000 / (l.ratePerS ?? 1);
    const stop = new AbortController();
    const order: number[] = [];
    const waits = Array.from({ length: 6 }, (_, i) =>
      l.acquire(i === 3 ? stop.signal : undefined).then((t) => {
        order.push(i);
        return t;
      }),
    );
    stop.abort();
    const starts = await Promise.all(waits);
    expect(order.filter((i) => i !== 3)).toEqual([0, 1, 2, 4, 5]);
    // Stopped, it went no later than the first in line, and left no gap in the line's pace.
    expect(starts[3]).toBeLessThanOrEqual(starts[0] ?? 0);
    const sent = [0, 1, 2, 4, 5].map((i) => starts[i] ?? 0);
    for (let k = 1; k < sent.length; k++) expect((sent[k] ?? 0) - (sent[k - 1] ?? 0)).toBeCloseTo(interval, 5);
  });
});
