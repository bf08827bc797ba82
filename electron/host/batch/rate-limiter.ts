/**
 * One limiter shared by every worker of a batch, so a 429 slows the whole pool, not the one request that got it.
 *
 * AIMD on a paced schedule: starts are spaced 1/rate apart. The rate is unlimited until the first 429; then it
 * is set just under the number of requests that started in the second before the refused one and were not
 * refused themselves (in flight ones included: that is what the provider's window held, its real limit), and
 * every 429 after cuts it by BETA. Each success adds INCREASE/rate, i.e. about INCREASE requests/s per second,
 * so the pool speeds up again when the provider allows. A Retry-After pauses every start until it has passed. Several 429s from
 * requests that were already in flight count as one cut: only a request started after the last cut can cut again.
 *
 * Below the rate the provider last accepted (`known`), the pool climbs back RECOVER times faster: that rate is
 * known to be fine, and a cut under it is there only to let the provider's window drain. A slow climb there (the
 * first version) left a 20 requests/s provider served at 16-17/s on average between cuts. Above it the climb is
 * the slow probe, so a provider that raised its limit is still found.
 */

export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realClock: Clock = {
  now: () => performance.now(),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      if (ms <= 0 || signal?.aborted) return resolve();
      const done = () => {
        clearTimeout(t);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const t = setTimeout(done, ms);
      signal?.addEventListener('abort', done, { once: true });
    }),
};

/** Multiplicative decrease on a 429. */
export const BETA = 0.92;
/** Additive increase, requests/s gained per second of successes. */
export const INCREASE = 1;
/** How much faster the rate climbs back up to the last rate the provider accepted. */
export const RECOVER = 6;
/** The window over which accepted requests are counted to learn the provider's rate. */
const WINDOW_MS = 1000;
const MIN_RATE = 0.2;
/** The share of the learned rate the quick climb aims at: a little under, so the next 429 is not at once. */
const KNOWN_MARGIN = 0.97;

interface Waiter {
  signal: AbortSignal | undefined;
  resolve: (startedAt: number) => void;
  onAbort: (() => void) | null;
}

export class RateLimiter {
  /** Requests per second; Infinity until the provider has refused one. */
  private rate = Number.POSITIVE_INFINITY;
  private nextAt = 0;
  private pausedUntil = 0;
  private lastCutAt = Number.NEGATIVE_INFINITY;
  /** Just under the rate the provider accepted before its last 429 (requests/s); 0 until one. */
  private known = 0;
  /** Start times of recent requests not refused for rate, in order (the last two seconds' worth). */
  private starts: number[] = [];
  /** Callers waiting for a slot, in order. */
  private readonly line: Waiter[] = [];
  private serving = false;
  private readonly clock: Clock;
  constructor(clock: Clock = realClock) {
    this.clock = clock;
  }

  /** The current rate in requests/s, or null while unlimited. */
  get ratePerS(): number | null {
    return Number.isFinite(this.rate) ? this.rate : null;
  }

  /** How long starts are paused for from now (a Retry-After), in ms. */
  pausedMs(): number {
    return Math.max(0, this.pausedUntil - this.clock.now());
  }

  /**
   * Waits for this caller's turn and returns its start time (pass it back to `rateLimited`). Resolves early,
   * with the time it was stopped, when `signal` aborts: the caller checks the signal before sending.
   *
   * Callers wait in line and only the first one sleeps: with the whole pool waiting, each start used to wake
   * every waiter (a timer, a promise and a listener each, 20 times a second) for one of them to go.
   */
  async acquire(signal?: AbortSignal): Promise<number> {
    if (signal?.aborted) return this.clock.now();
    if (this.line.length === 0) {
      const now = this.clock.now();
      if (Math.max(this.nextAt, this.pausedUntil) <= now) return this.take(now);
    }
    return new Promise<number>((resolve) => {
      const waiter: Waiter = { signal, resolve, onAbort: null };
      if (signal) {
        waiter.onAbort = () => {
          const i = this.line.indexOf(waiter);
          if (i >= 0) this.line.splice(i, 1);
          resolve(this.clock.now());
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      this.line.push(waiter);
      if (!this.serving) void this.serve();
    });
  }

  /** Lets the waiters go one by one, each at its slot; runs while anyone waits. */
  private async serve(): Promise<void> {
    this.serving = true;
    try {
      await this.serveLine();
    } finally {
      this.serving = false;
    }
  }

  private async serveLine(): Promise<void> {
    for (let head = this.line[0]; head; head = this.line[0]) {
      const now = this.clock.now();
      const at = Math.max(this.nextAt, this.pausedUntil);
      if (at > now) {
        // Woken early by the head's abort: its listener has taken it out of the line already.
        await this.clock.sleep(at - now, head.signal);
        continue;
      }
      this.line.shift();
      if (head.onAbort) head.signal?.removeEventListener('abort', head.onAbort);
      head.resolve(this.take(now));
    }
  }

  /** Reserves the slot at `now`: starts are spaced even when many wait at once. */
  private take(now: number): number {
    this.nextAt = Math.max(now, this.nextAt) + (Number.isFinite(this.rate) ? 1000 / this.rate : 0);
    this.starts.push(now);
    while ((this.starts[0] ?? now) < now - 2 * WINDOW_MS) this.starts.shift();
    return now;
  }

  /** A request that started at `startedAt` was accepted (not refused for rate). */
  succeeded(_startedAt: number): void {
    if (!Number.isFinite(this.rate)) return;
    this.rate += (this.rate < this.known ? RECOVER * INCREASE : INCREASE) / this.rate;
  }

  /** A request started at `startedAt` got a 429; `retryAfterS` is its Retry-After, if any. */
  rateLimited(startedAt: number, retryAfterS: number | null): void {
    const now = this.clock.now();
    if (retryAfterS !== null) this.pausedUntil = Math.max(this.pausedUntil, now + retryAfterS * 1000);
    const at = this.starts.indexOf(startedAt);
    if (at >= 0) this.starts.splice(at, 1);
    if (startedAt <= this.lastCutAt) return;
    let learned = 0;
    for (const t of this.starts) if (t > startedAt - WINDOW_MS && t <= startedAt) learned++;
    this.rate = Math.max(MIN_RATE, Math.min(this.rate, Math.max(1, learned)) * BETA);
    // What the window held, a little under: with a Retry-After the provider said when to go on, so this is a rate it
    // takes; without one it is the same guess the cut makes.
    this.known = retryAfterS !== null ? Math.max(1, learned) * KNOWN_MARGIN : this.rate;
    this.lastCutAt = now;
    // Without a Retry-After, wait one slot at the new rate before anyone starts again.
    this.nextAt = Math.max(this.nextAt, now + 1000 / this.rate);
  }
}
