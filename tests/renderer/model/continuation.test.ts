/** Continue in the window (issue #10): a continuation's events grow the same turn, and its end joins the result. */
import { describe, expect, it } from 'vitest';
import type { ProviderView } from '../../../shared/bridge/providers.ts';
import { requestOf } from '../../../renderer/model/branches.ts';
import { applyChatEvents } from '../../../renderer/model/chat-reducer.ts';
import { applyContinuationEvents, startContinuation } from '../../../renderer/model/continuation.ts';
import { env, result, turn } from './turns.ts';

const vllm: ProviderView = {
  id: 'p1',
  catalogId: 'custom',
  name: 'Mine',
  baseUrl: 'http://127.0.0.1:8000/v1',
  model: 'glm',
  models: [],
  hasKey: false,
  upstream: [],
};
const zai: ProviderView = { ...vllm, id: 'p2', catalogId: 'zai', name: 'Z.AI' };

const cut = () =>
  turn('a', {
    answer: 'Once upon',
    reasoning: 'Hm.',
    result: { ...result('Once upon'), reasoning: 'Hm.', finish_reason: 'length' },
  });

/** What the store does on a frame: the ordinary reducer, then the continuations. */
const apply = (turns: ReturnType<typeof turn>[], batch: ReturnType<typeof env>[]) =>
  applyContinuationEvents(applyChatEvents(turns, batch), batch);

describe('a continuation grows the same turn', () => {
  const base = requestOf(cut(), [], [vllm], vllm.id, {})!;

  it('sends the question again with the answer so far, and shows the turn running', () => {
    const { request, turn: t } = startContinuation(cut(), base, vllm, 'c1');
    expect(request).toMatchObject({ requestId: 'c1', prompt: 'q a', continues: { requestId: 'r-a', answer: 'Once upon' } });
    expect(t.status).toBe('sending');
    expect(t.continuing).toMatchObject({ requestId: 'c1', mode: 'continue-final-message', answer: 'Once upon' });
    expect(t.request).toBe(request);
  });

  it('appends its text, then holds the whole answer with summed usage; the limit note goes when it ends normally', () => {
    const { turn: t } = startContinuation(cut(), base, vllm, 'c1');
    let turns = apply(
      [t],
      [
        env('c1', {
          type: 'start',
          provider: 'custom',
          model: 'glm',
          thinking: false,
          startedAt: 1,
          estimate: { prompt_tokens: 5, usd: null },
        }),
      ],
    );
    expect(turns[0]!.status).toBe('streaming');
    turns = apply(turns, [env('c1', { type: 'delta', content: ' a time' })]);
    expect(turns[0]!.answer).toBe('Once upon a time');
    expect(turns).toHaveLength(1);
    const end = {
      ...result(' a time.'),
      reasoning: '',
      finish_reason: 'stop',
      usage: { prompt_tokens: 3, completion_tokens: 4, reasoning_tokens: 0, cached_tokens: 0 },
    };
    turns = apply(turns, [env('c1', { type: 'end', result: end })]);
    const done = turns[0]!;
    expect(done).toMatchObject({ answer: 'Once upon a time.', reasoning: 'Hm.', status: 'done', error: null });
    expect(done.continuing).toBeUndefined();
    expect(done.result?.finish_reason).toBe('stop');
    expect(done.result?.usage.completion_tokens).toBe(4);
    expect(done.result?.continued).toEqual({ requests: ['c1'], mode: 'continue-final-message', from: 9, reasoningFrom: 3 });
  });

  it('stopping at the limit again offers Continue again; a provider without prefill says so', () => {
    const { turn: t } = startContinuation(cut(), requestOf(cut(), [], [zai], zai.id, {})!, zai, 'c2');
    const [done] = apply([t], [env('c2', { type: 'end', result: { ...result(' more'), finish_reason: 'length' } })]);
    expect(done!.result?.finish_reason).toBe('length');
    expect(done!.result?.continued?.mode).toBe('new-message');
  });

  it('a stopped continuation keeps what it had and what arrived', () => {
    const { turn: t } = startContinuation(cut(), base, vllm, 'c3');
    let turns = apply([t], [env('c3', { type: 'delta', content: ' a' })]);
    turns = apply(turns, [env('c3', { type: 'end', result: { ...result(' a', 'cancelled'), reasoning: '' } })]);
    expect(turns[0]).toMatchObject({ answer: 'Once upon a', status: 'cancelled' });
  });

  it('leaves the other turns alone', () => {
    const { turn: t } = startContinuation(cut(), base, vllm, 'c4');
    const other = turn('b', { status: 'streaming', answer: '' });
    const turns = apply([t, other], [env('r-b', { type: 'delta', content: 'hi' })]);
    expect(turns[0]).toBe(t);
    expect(turns[1]!.answer).toBe('hi');
  });
});

describe('View code of a reopened, continued answer', () => {
  it('rebuilds the continue request from where the last continuation began', () => {
    const stored = turn('s', {
      answer: 'Once upon a time.',
      result: { ...result('Once upon a time.'), continued: { requests: ['c1'], mode: 'prefill', from: 9, reasoningFrom: 0 } },
    });
    expect(requestOf(stored, [], [vllm], vllm.id, {})?.continues).toEqual({ requestId: 'r-s', answer: 'Once upon' });
    expect(requestOf(turn('plain', { answer: 'x', result: result('x') }), [], [vllm], vllm.id, {})).not.toHaveProperty(
      'continues',
    );
  });
});
