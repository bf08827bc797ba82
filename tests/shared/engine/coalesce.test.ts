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
  it('merges consecutive deltas into one event per 16 ms', () => {
    c.push({ type: 'delta', reasoning: 'Let ' });
    c.push({ type: 'delta', reasoning: 'me look.' });
    c.push({ type: 'delta', content: 'A ' });
    c.push({ type: 'delta', content: 'cat.' });
    expect(emitted).toEqual([]);
    vi.advanceTimersByTime(15);
    expect(emitted).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(emitted).toEqual([{ type: 'delta', reasoning: 'Let me look.', content: 'A cat.' }]);
  });

  it('starts a new batch after a flush', () => {
    c.push({ type: 'delta', content: 'one' });
    vi.advanceTimersByTime(16);
    c.push({ type: 'delta', content: 'two' });
    c.push({ type: 'delta', content: 'three' });
    vi.advanceTimersByTime(16);
    expect(emitted).toEqual([
      { type: 'delta', content: 'one' },
      { type: 'delta', content: 'twothree' },
    ]);
  });

  it('omits the empty half of a delta', () => {
    c.push({ type: 'delta', content: 'only content' });
    vi.advanceTimersByTime(16);
    expect(emitted[0]).not.toHaveProperty('reasoning');
  });

  it('flushes pending deltas before a non-delta event and keeps order', () => {
    const usage = { prompt_tokens: 1, completion_tokens: 2, reasoning_tokens: 0, cached_tokens: 0 };
    c.push({ type: 'delta', content: 'before ' });
    c.push({ type: 'delta', content: 'usage' });
    c.push({ type: 'usage', usage });
    c.push({ type: 'delta', content: 'after' });
    c.push({ type: 'retry', attempt: 1, delayMs: 500, reason: 'Bad gateway', error: makeError('server', 'Bad gateway', { status: 502 }) });
    expect(emitted).toEqual([
      { type: 'delta', content: 'before usage' },
      { type: 'usage', usage },
      { type: 'delta', content: 'after' },
      { type: 'retry', attempt: 1, delayMs: 500, reason: 'Bad gateway', error: makeError('server', 'Bad gateway', { status: 502 }) },
    ]);
    // The timer of the flushed batch must not fire an empty or duplicate delta later.
    vi.advanceTimersByTime(100);
    expect(emitted).toHaveLength(4);
  });

  it('emits nothing for empty deltas', () => {
    c.push({ type: 'delta' });
    c.push({ type: 'delta', content: '' });
    vi.advanceTimersByTime(16);
    c.flush();
    expect(emitted).toEqual([]);
  });

  it('an explicit flush releases what is pending at once', () => {
    c.push({ type: 'delta', reasoning: 'r' });
    c.flush();
    expect(emitted).toEqual([{ type: 'delta', reasoning: 'r' }]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('honours a custom interval', () => {
    const out: ChatEvent[] = [];
    const slow = new DeltaCoalescer((e) => out.push(e), 100);
    slow.push({ type: 'delta', content: 'x' });
    vi.advanceTimersByTime(99);
    expect(out).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(out).toHaveLength(1);
  });
});
