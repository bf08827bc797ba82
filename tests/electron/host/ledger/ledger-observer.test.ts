import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatRequest } from '../../../../shared/bridge/chat.ts';
import type { LedgerRow } from '../../../../shared/bridge/usage.ts';
import { makeError } from '../../../../shared/engine/errors.ts';
import type { ChatEvent, ChatResult } from '../../../../shared/engine/types.ts';
import type { RequestMeta } from '../../../../electron/host/chat-service.ts';
import { openDb, type Db } from '../../../../electron/host/db.ts';
import { LedgerObserver } from '../../../../electron/host/ledger/ledger-observer.ts';
import { LedgerQueries } from '../../../../electron/host/ledger/ledger-queries.ts';
import { LedgerStore, recoverInterruptedLedger } from '../../../../electron/host/ledger/ledger-store.ts';
import { processState } from '../../../../electron/host/ledger/owner.ts';

let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'glimpse-ledger-'));
  db = openDb(dir);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const PRICE = { prompt: 0.6, completion: 1.8, cachedRead: 0.11, recorded: '2026-11-01' };

function meta(requestId: string, over: Partial<ChatRequest> = {}, catalogId = 'zai'): RequestMeta {
  const request: ChatRequest = {
    providerId: 'p1',
    thinking: true,
    prompt: 'hi',
    attachments: [],
    history: [],
    sessionId: 's1',
    ...over,
  };
  return { requestId, request, providerId: 'p1', catalogId, model: 'glm-4.5v' };
}

function result(over: Partial<ChatResult> = {}): ChatResult {
  return {
    answer: 'The answer.',
    reasoning: 'Thinking.',
    boxes: [],
    usage: { prompt_tokens: 100, completion_tokens: 50, reasoning_tokens: 20, cached_tokens: 10 },
    cost: { usd: 0.00015, source: 'price-table' },
    estimate: { prompt_tokens: 90, usd: 0.000054 },
    finish_reason: 'stop',
    timings: { ttft_ms: 120, total_ms: 900 },
    error: null,
    ...over,
  };
}

const start = (price: typeof PRICE | null = PRICE): ChatEvent => ({
  type: 'start',
  provider: 'zai',
  model: 'glm-4.5v',
  thinking: true,
  startedAt: Date.now(),
  estimate: { prompt_tokens: 90, usd: 0.000054 },
  price,
});

function observer(
  onWriteError: (e: unknown) => void = (e) => {
    throw e;
  },
) {
  return new LedgerObserver({
    store: new LedgerStore(db),
    provider: () => ({
      id: 'p1',
      catalogId: 'openrouter',
      name: 'My Router',
      baseUrl: 'x',
      model: 'glm-4.5v',
      models: [],
      hasKey: true,
      upstream: ['z-ai', 'novita'],
    }),
    onWriteError,
    flushMs: 0,
  });
}

const rows = () => db.prepare('SELECT * FROM ledger ORDER BY started_at, attempt').all() as unknown as LedgerRow[];

describe('ledger observer', () => {
  it('inserts the row when the request starts and completes it when it ends', () => {
    const o = observer();
    const m = meta('r1', { compareGroup: 'g1' });
    o.onEvent(m, start());
    const open = rows();
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({
      id: 'r1',
      status: 'streaming',
      session_id: 's1',
      provider: 'My Router',
      upstream: 'z-ai,novita',
      mode: 'thinking',
      compare_group: 'g1',
      preferred: null,
      cost_usd: null,
    });
    expect(JSON.parse(open[0].price_snapshot!)).toEqual(PRICE);

    o.onEvent(m, { type: 'usage', usage: result().usage });
    o.onEvent(m, { type: 'end', result: result() });
    const [done] = rows();
    expect(done).toMatchObject({
      status: 'done',
      prompt_tokens: 100,
      completion_tokens: 50,
      reasoning_tokens: 20,
      cached_tokens: 10,
      tokens_estimated: 0,
      cost_usd: 0.00015,
      cost_source: 'price-table',
      ttft_ms: 120,
      total_ms: 900,
      finish_reason: 'stop',
      error_kind: null,
      estimate_prompt_tokens: 90,
    });
    expect(done.ended_at).not.toBeNull();
  });

  it('saves estimated tokens while streaming, so a kill leaves a row that says what was used', async () => {
    const o = observer();
    const m = meta('r1');
    o.onEvent(m, start());
    o.onEvent(m, { type: 'delta', reasoning: 'a'.repeat(40) });
    o.onEvent(m, { type: 'delta', content: 'b'.repeat(80) });
    await new Promise<void>((resolve) => {
      const check = () => (rows()[0].tokens_estimated ? resolve() : setImmediate(check));
      check();
    });
    expect(rows()[0]).toMatchObject({
      status: 'streaming',
      prompt_tokens: 90,
      completion_tokens: 30,
      reasoning_tokens: 10,
      tokens_estimated: 1,
    });
  });

  it('gives a retried attempt its own row carrying the error that caused the retry', () => {
    const o = observer();
    const m = meta('r1');
    o.onEvent(m, start());
    o.onEvent(m, { type: 'retry', attempt: 1, delayMs: 500, reason: 'Bad gateway', error: makeError('server', 'Bad gateway') });
    o.onEvent(m, { type: 'end', result: result() });
    const [first, second] = rows();
    expect(first).toMatchObject({
      id: 'r1',
      attempt: 1,
      status: 'retried',
      error_kind: 'server',
      cost_usd: 0,
      cost_source: 'estimate',
      prompt_tokens: 0,
    });
    expect(second).toMatchObject({ id: 'r1#2', request_id: 'r1', attempt: 2, status: 'done', cost_usd: 0.00015 });
    const t = new LedgerQueries(db).tally('s1');
    expect(t.last?.id).toBe('r1#2');
    expect(t.session?.requests).toBe(2);
  });

  it('keeps an unknown cost null and counts it, never as 0', () => {
    const o = observer();
    o.onEvent(meta('known'), start());
    o.onEvent(meta('known'), { type: 'end', result: result() });
    o.onEvent(meta('unknown'), start(null));
    o.onEvent(meta('unknown'), { type: 'end', result: result({ cost: { usd: null, source: 'unknown' } }) });
    expect(rows().find((r) => r.id === 'unknown')).toMatchObject({
      cost_usd: null,
      cost_source: 'unknown',
      price_snapshot: null,
    });
    const t = new LedgerQueries(db).tally('s1');
    expect(t.all).toMatchObject({ requests: 2, unknown_cost_requests: 1 });
    expect(t.all.cost_usd).toBeCloseTo(0.00015, 12);
    expect(t.today.unknown_cost_requests).toBe(1);
  });

  it('records cancelled and failed requests too', () => {
    const o = observer();
    o.onEvent(meta('c'), start());
    o.onEvent(meta('c'), { type: 'end', result: result({ error: makeError('cancelled'), finish_reason: null }) });
    o.onEvent(meta('e', { thinking: false }), { ...start(), thinking: false } as ChatEvent);
    o.onEvent(meta('e'), {
      type: 'end',
      result: result({
        error: makeError('auth', 'Bad key'),
        usage: { prompt_tokens: 0, completion_tokens: 0, reasoning_tokens: 0, cached_tokens: 0 },
      }),
    });
    expect(rows().map((r) => [r.id, r.status, r.error_kind, r.mode])).toEqual([
      ['c', 'cancelled', 'cancelled', 'thinking'],
      ['e', 'error', 'auth', 'fast'],
    ]);
    // The code beside the English, so a reader in another language gets its own words (the provider's stay).
    const stored = db.prepare("SELECT error_message, error_code, error_params FROM ledger WHERE id = 'e'").get();
    expect(stored).toEqual({ error_message: 'Bad key', error_code: 'error.auth', error_params: '{}' });
  });

  it('reports a failed write and lets the request go on', () => {
    const errors: unknown[] = [];
    const o = observer((e) => errors.push(e));
    o.onEvent(meta('r1'), start());
    o.onEvent(meta('r1'), start()); // the same id again: the insert fails
    expect(errors).toHaveLength(1);
    expect(rows()).toHaveLength(1);
  });
});

describe('start-up recovery', () => {
  it('marks rows of a dead process incomplete with an estimated cost, and leaves live ones alone', () => {
    const store = new LedgerStore(db);
    const base = {
      requestId: '',
      attempt: 1,
      startedAt: Date.now(),
      sessionId: null,
      providerId: 'p',
      catalogId: 'zai',
      provider: 'Z.AI',
      upstream: null,
      model: 'glm-4.5v',
      mode: 'fast' as const,
      compareGroup: null,
      estimate: { prompt_tokens: 1000, usd: null },
    };
    store.start({ ...base, id: 'dead', requestId: 'dead', price: PRICE });
    store.progress('dead', { prompt_tokens: 1000, completion_tokens: 500, reasoning_tokens: 0, cached_tokens: 0 });
    store.start({ ...base, id: 'dead-unpriced', requestId: 'dead-unpriced', price: null });
    store.start({ ...base, id: 'live', requestId: 'live', price: PRICE });
    const deadPid = spawnSync(process.execPath, ['-e', '0']).pid;
    db.prepare("UPDATE ledger SET owner_pid = ? WHERE id LIKE 'dead%'").run(deadPid);
    // A live owner is known by its pid and its start time (owner.ts).
    db.prepare("UPDATE ledger SET owner_pid = ?, owner_started = ? WHERE id = 'live'").run(
      process.ppid,
      processState(process.ppid)?.started ?? null,
    );

    expect(recoverInterruptedLedger(db).sort()).toEqual(['dead', 'dead-unpriced']);
    const byId = Object.fromEntries(rows().map((r) => [r.id, r]));
    expect(byId.dead).toMatchObject({
      status: 'incomplete',
      tokens_estimated: 1,
      prompt_tokens: 1000,
      completion_tokens: 500,
      cost_source: 'estimate',
      // Said again later in the reader's language from the code; the English stays for the CSV and old readers.
      error_code: 'ledger.interrupted',
      error_params: '{}',
      error_message: 'Glimpse stopped before this request finished; tokens are estimated from what had arrived.',
    });
    expect(byId.dead.cost_usd).toBeCloseTo((1000 * 0.6 + 500 * 1.8) / 1e6, 12);
    expect(byId['dead-unpriced']).toMatchObject({
      status: 'incomplete',
      cost_usd: null,
      cost_source: 'unknown',
      prompt_tokens: 1000,
    });
    expect(byId.live.status).toBe('streaming');
    expect(new LedgerQueries(db).tally(null).all.unknown_cost_requests).toBe(1);
  });
});
