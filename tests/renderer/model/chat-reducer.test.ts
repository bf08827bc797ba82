import { describe, expect, it } from 'vitest';
import { applyChatEvents, batchMilestones, requestsWithText, textFirst } from '../../../renderer/model/chat-reducer.ts';
import { env, result, turn } from './turns.ts';

const start = {
  type: 'start',
  provider: 'zai',
  model: 'glm-4.5v',
  thinking: true,
  startedAt: 1,
  estimate: { prompt_tokens: 900, usd: 0.001 },
} as const;

describe('applyChatEvents', () => {
  it('streams a turn from sent to done: estimate on start, text from deltas, the result replaces the pieces', () => {
    const t = turn('a', { status: 'sending' });
    let turns = applyChatEvents([t], [env('r-a', start)]);
    expect(turns[0]).toMatchObject({ status: 'streaming', estimate: { prompt_tokens: 900, usd: 0.001 } });
    turns = applyChatEvents(turns, [
      env('r-a', { type: 'delta', reasoning: 'hm' }),
      env('r-a', { type: 'delta', content: 'Two ' }),
      env('r-a', { type: 'delta', content: 'cats' }),
    ]);
    expect(turns[0]).toMatchObject({ reasoning: 'hm', answer: 'Two cats', status: 'streaming' });
    turns = applyChatEvents(turns, [env('r-a', { type: 'end', result: result('Two cats.') })]);
    expect(turns[0]).toMatchObject({
      status: 'done',
      answer: 'Two cats.',
      reasoning: 'thought about Two cats.',
      error: null,
      retryNote: null,
    });
    expect(turns[0].result?.answer).toBe('Two cats.');
  });

  it('says when it retries, and clears the note once text arrives', () => {
    const error = { kind: 'rate-limit', status: 429, code: null, message: 'slow down', retry_after_s: 2 } as const;
    let turns = applyChatEvents(
      [turn('a', { status: 'streaming' })],
      [env('r-a', { type: 'retry', attempt: 1, delayMs: 1500, reason: 'Rate limited.', error })],
    );
    expect(turns[0].retryNote).toBe('Rate limited. Retrying in 2 s (attempt 2).');
    turns = applyChatEvents(turns, [env('r-a', { type: 'delta', content: 'ok' })]);
    expect(turns[0].retryNote).toBeNull();
  });

  it('ends a stopped request as cancelled and a failed one as error, keeping the kind', () => {
    const turns = applyChatEvents(
      [turn('a', { status: 'streaming' }), turn('b', { status: 'streaming' })],
      [
        env('r-a', { type: 'end', result: result('partial', 'cancelled') }),
        env('r-b', { type: 'end', result: result('', 'auth') }),
      ],
    );
    expect(turns.map((t) => [t.status, t.error?.kind])).toEqual([
      ['cancelled', 'cancelled'],
      ['error', 'auth'],
    ]);
    expect(turns[0].answer).toBe('partial');
  });

  it("ignores other requests' events and leaves untouched turns as they were (same object)", () => {
    const a = turn('a', { status: 'streaming' });
    const b = turn('b', { status: 'streaming' });
    const turns = applyChatEvents(
      [a, b],
      [env('r-b', { type: 'delta', content: 'x' }), env('elsewhere', { type: 'delta', content: 'y' })],
    );
    expect(turns[0]).toBe(a);
    expect(turns[1].answer).toBe('x');
  });
});

it('tells when a batch started or ended a request', () => {
  expect(batchMilestones([env('r', { type: 'delta', content: 'x' })])).toEqual({ started: false, ended: false });
  expect(batchMilestones([env('r', start), env('r', { type: 'end', result: result('a') })])).toEqual({
    started: true,
    ended: true,
  });
});

describe('textFirst', () => {
  const end = { type: 'end', result: result('Hi there') } as const;
  const usage = { type: 'usage', usage: result('x').usage } as const;

  it('holds an end that arrives with new text of its request for the next frame, in order', () => {
    const batch = [
      env('r-a', start),
      env('r-a', { type: 'delta', content: 'Hi' }),
      env('r-a', { type: 'delta', content: ' there' }),
      env('r-a', usage),
      env('r-a', end),
    ];
    const { now, later } = textFirst(batch);
    expect(now).toEqual(batch.slice(0, 3));
    expect(later).toEqual(batch.slice(3));
    // Next frame: nothing grows, so all of it applies, and the turn ends with the whole text.
    expect(textFirst(later)).toEqual({ now: later, later: [] });
    const turns = applyChatEvents(applyChatEvents([turn('a', { status: 'sending' })], now), later);
    expect(turns[0]).toMatchObject({ status: 'done', answer: 'Hi there' });
  });

  it('applies an end at once when its request showed no new text this frame, and keeps other requests going', () => {
    const batch = [
      env('r-a', { type: 'delta', content: 'more' }),
      env('r-b', end),
      env('r-a', end),
      env('r-c', { type: 'delta', reasoning: 'hm' }),
    ];
    const { now, later } = textFirst(batch);
    expect(now).toEqual([batch[0], batch[1], batch[3]]);
    expect(later).toEqual([batch[2]]);
  });

  it('holds the events of a request whose text, applied before this frame, is not painted yet', () => {
    const batch = [env('r-a', usage), env('r-a', end), env('r-b', end)];
    expect(textFirst(batch, new Set(['r-a']))).toEqual({ now: [batch[2]], later: batch.slice(0, 2) });
    expect(
      requestsWithText([env('r-a', { type: 'delta' }), env('r-b', { type: 'delta', reasoning: 'hm' }), env('r-c', end)]),
    ).toEqual(new Set(['r-b']));
  });

  it('does not hold anything for an empty delta', () => {
    const batch = [env('r-a', { type: 'delta' }), env('r-a', end)];
    expect(textFirst(batch)).toEqual({ now: batch, later: [] });
  });
});
