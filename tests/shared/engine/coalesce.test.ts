import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DeltaCoalescer } from '../../../shared/engine/coalesce.ts';
import { makeError } from '../../../shared/engine/errors.ts';
import type { ChatEvent } from '../../../shared/engine/types.ts';

let emitted: ChatEvent[];
let c: DeltaCoalescer;

beforeEach(() => {
  vi.useFakeTimers();
  emitted = [];
  c = new DeltaCoalescer((e) => emitted.push(e));
});
afterEach(() => {
  vi.useRealTimers();
});

describe('DeltaCoalescer', () => {
  it('sends a delta after a quiet spell at once, then merges what follows into one event per 8 ms', () => {
    c.push({ type: 'delta', reasoning: 'Let ' });
    expect(emitted).toEqual([{ type: 'delta', reasoning: 'Let ' }]);
    c.push({ type: 'delta', reasoning: 'me look.' });
    c.push({ type: 'delta', content: 'A ' });
    c.push({ type: 'delta', content: 'cat.' });
    expect(emitted).toHaveLength(1);
    vi.advanceTimersByTime(7);
    expect(emitted).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(emitted).toEqual([
      { type: 'delta', reasoning: 'Let ' },
      { type: 'delta', reasoning: 'me look.', content: 'A cat.' },
    ]);
  });

  it('waits only the rest of the interval, and not at all after a long pause', () => {
    c.push({ type: 'delta', content: 'one' });
    vi.advanceTimersByTime(5);
    c.push({ type: 'delta', content: 'two' });
    c.push({ type: 'delta', content: 'three' });
    vi.advanceTimersByTime(2);
    expect(emitted).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(emitted).toEqual([
      { type: 'delta', content: 'one' },
      { type: 'delta', content: 'twothree' },
    ]);
    vi.advanceTimersByTime(500);
    c.push({ type: 'delta', content: 'four' });
    expect(emitted.at(-1)).toEqual({ type: 'delta', content: 'four' });
  });

  it('omits the empty half of a delta', () => {
    c.push({ type: 'delta', content: 'only content' });
    vi.advanceTimersByTime(16);
    expect(emitted[0]).not.toHaveProperty('reasoning');
  });

  it('flushes pending deltas before a non-delta event and keeps order', () => {
    const usage = { prompt_tokens: 1, completion_tokens: 2, reasoning_tokens: 0, cached_tokens: 0 };
    c.push({ type: 'delta', content: 'first ' });
    c.push({ type: 'delta', content: 'before ' });
    c.push({ type: 'delta', content: 'usage' });
    c.push({ type: 'usage', usage });
    c.push({ type: 'delta', content: 'after' });
    c.push({
      type: 'retry',
      attempt: 1,
      delayMs: 500,
      reason: 'Bad gateway',
      error: makeError('server', 'Bad gateway', { status: 502 }),
    });
    expect(emitted).toEqual([
      { type: 'delta', content: 'first ' },
      { type: 'delta', content: 'before usage' },
      { type: 'usage', usage },
      { type: 'delta', content: 'after' },
      {
        type: 'retry',
        attempt: 1,
        delayMs: 500,
        reason: 'Bad gateway',
        error: makeError('server', 'Bad gateway', { status: 502 }),
      },
    ]);
    // The timer of the flushed batch must not fire an empty or duplicate delta later.
    vi.advanceTimersByTime(100);
    expect(emitted).toHaveLength(5);
  });

  it('emits nothing for empty deltas', () => {
    c.push({ type: 'delta' });
    c.push({ type: 'delta', content: '' });
    vi.advanceTimersByTime(16);
    c.flush();
    expect(emitted).toEqual([]);
  });

  it('an explicit flush releases what is pending at once', () => {
    c.push({ type: 'delta', reasoning: 'q' });
    c.push({ type: 'delta', reasoning: 'r' });
    c.flush();
    expect(emitted).toEqual([
      { type: 'delta', reasoning: 'q' },
      { type: 'delta', reasoning: 'r' },
    ]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('honours a custom interval', () => {
    const out: ChatEvent[] = [];
    const slow = new DeltaCoalescer((e) => out.push(e), 100);
    slow.push({ type: 'delta', content: 'x' });
    slow.push({ type: 'delta', content: 'y' });
    vi.advanceTimersByTime(99);
    expect(out).toEqual([{ type: 'delta', content: 'x' }]);
    vi.advanceTimersByTime(1);
    expect(out).toEqual([
      { type: 'delta', content: 'x' },
      { type: 'delta', content: 'y' },
    ]);
  });
});
