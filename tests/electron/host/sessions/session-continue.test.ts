/**
 * The session store's side of Continue (issue #10): the stored answer grows in place, as it streams and at its
 * end, with its boxes parsed over the joined text.
 */
import { describe, expect, it, vi } from 'vitest';
import type { ChatRequest } from '../../../../shared/bridge/chat.ts';
import type { ChatEvent, ChatResult } from '../../../../shared/engine/types.ts';
import { emptyUsage } from '../../../../shared/engine/types.ts';
import type { RequestMeta } from '../../../../electron/host/chat-service.ts';
import { SessionObserver } from '../../../../electron/host/sessions/session-observer.ts';
import { useTestHosts } from '../test-host.ts';

const hosts = useTestHosts('glimpse-session-continue-');

const FIRST = '11111111-1111-4111-8111-111111111111';
const NEXT = '22222222-2222-4222-8222-222222222222';

const request = (patch: Partial<ChatRequest> = {}): ChatRequest => ({
  providerId: 'p',
  thinking: false,
  prompt: 'Where is the cat?',
  attachments: [],
  history: [],
  sessionId: 'S',
  ...patch,
});
const meta = (requestId: string, req: ChatRequest): RequestMeta => ({
  requestId,
  request: req,
  providerId: 'p',
  catalogId: 'openrouter',
  model: 'm',
});
const start: ChatEvent = {
  type: 'start',
  provider: 'openrouter',
  model: 'm',
  thinking: false,
  startedAt: 1,
  estimate: { prompt_tokens: 1, usd: null },
};
const end = (answer: string, finish: string, completion: number): ChatEvent => {
  const result: ChatResult = {
    answer,
    reasoning: '',
    boxes: [],
    usage: { ...emptyUsage(), prompt_tokens: 10, completion_tokens: completion },
    cost: { usd: 0.5, source: 'provider' },
    estimate: { prompt_tokens: 10, usd: null },
    finish_reason: finish,
    timings: { ttft_ms: 1, total_ms: 2 },
    error: null,
  };
  return { type: 'end', result };
};

function setUp(flushMs = 60_000) {
  const h = hosts.newHost();
  const store = h.records.sessions;
  const errors: unknown[] = [];
  const observer = new SessionObserver({ store, provider: () => null, onWriteError: (e) => errors.push(e), flushMs });
  return { h, store, observer, errors };
}

describe('session store: Continue', () => {
  it('joins the answer in place, sums its figures, and parses boxes over the joined text', async () => {
    const { h, observer, errors } = setUp();
    const first = request();
    observer.onEvent(meta(FIRST, first), start);
    // The answer was cut inside a box token: neither half has a box on its own.
    observer.onEvent(meta(FIRST, first), end('The cat is at [[100, 200, ', 'length', 7));
    const next = request({ continues: { requestId: FIRST, answer: 'The cat is at [[100, 200, ' } });
    observer.onEvent(meta(NEXT, next), start);
    observer.onEvent(meta(NEXT, next), { type: 'delta', content: '300, 400]].' });
    observer.onEvent(meta(NEXT, next), end('300, 400]].', 'stop', 5));
    expect(errors).toEqual([]);
    const { turns } = await h.methods.getSession('S');
    expect(turns).toHaveLength(1);
    expect(turns[0]).toMatchObject({ answer: 'The cat is at [[100, 200, 300, 400]].', status: 'done', requestId: FIRST });
    expect(turns[0]!.result).toMatchObject({
      finish_reason: 'stop',
      usage: { prompt_tokens: 20, completion_tokens: 12 },
      cost: { usd: 1, source: 'provider' },
      continued: { requests: [NEXT], mode: 'prefill', from: 26 },
    });
    expect(turns[0]!.boxes).toHaveLength(1);
    expect(turns[0]!.boxes[0]).toMatchObject({ x1: 0.1, y1: 0.2, x2: 0.3, y2: 0.4 });
  });

  it('saves the growing answer while the continuation streams, marked streaming', async () => {
    const { h, observer, store } = setUp(0);
    const first = request();
    observer.onEvent(meta(FIRST, first), start);
    observer.onEvent(meta(FIRST, first), end('Once upon ', 'length', 2));
    expect(store.beginContinuation('other-session', FIRST)).toBeNull();
    const next = request({ continues: { requestId: FIRST, answer: 'Once upon ' } });
    observer.onEvent(meta(NEXT, next), start);
    observer.onEvent(meta(NEXT, next), { type: 'delta', content: 'a time' });
    // The save is throttled (here to the next tick): wait for it, not for a fixed time.
    const [t] = await vi.waitFor(async () => {
      const turns = (await h.methods.getSession('S')).turns;
      expect(turns[0]).toMatchObject({ answer: 'Once upon a time', status: 'streaming' });
      return turns;
    });
    // The answer it extends is still its result until the continuation ends.
    expect(t!.result?.answer).toBe('Once upon ');
  });

  it('a continuation of an exchange no longer in the session stores nothing', async () => {
    const { h, observer, errors } = setUp();
    const next = request({ continues: { requestId: FIRST, answer: 'gone' } });
    observer.onEvent(meta(NEXT, next), start);
    observer.onEvent(meta(NEXT, next), end('more', 'stop', 1));
    expect(errors).toEqual([]);
    await expect(h.methods.getSession('S')).rejects.toThrow();
  });
});
