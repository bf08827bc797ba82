/**
 * Every error kind of issue #3, reached over real HTTP against the fake provider, through the same host services
 * the app and the CLI use; plus the promise that a key never shows up in anything that leaves the host.
 */
import { describe, expect, it } from 'vitest';
import type { ChatEvent, ChatResult } from '../../../shared/engine/types.ts';
import { useTestHosts } from './test-host.ts';

const KEY = 'zk-secret-4f9a8b7c6d5e';

const hosts = useTestHosts('glimpse-faults-');
const newHost = () => hosts.newHost({ idleTimeoutMs: 800 });

async function ask(path: string, opts: { catalogId?: string; thinking?: boolean; key?: string } = {}) {
  const h = newHost();
  const p = h.providers.save({
    catalogId: opts.catalogId ?? 'zai',
    name: 'Fake',
    baseUrl: `${hosts.fake.url}/${path}`,
    model: 'glm-4.5v',
    apiKey: opts.key ?? KEY,
  });
  const events: ChatEvent[] = [];
  const result: ChatResult = await h.chat.run(
    { providerId: p.id, thinking: opts.thinking ?? false, prompt: 'What is this?', attachments: [], history: [] },
    new AbortController(),
    (e) => events.push(e),
  );
  return { result, events, h, p };
}

describe('every error kind is reached and mapped', () => {
  it.each([
    ['zai/401', 'auth', 401, '1000', null],
    ['zai/429', 'rate-limit', 429, '1302', 30],
    ['zai/1113', 'quota', 429, '1113', null],
    ['openrouter/402', 'quota', 402, '402', null],
    ['zai/1261', 'context-length', 400, '1261', null],
    ['zai/1301', 'content-filter', 400, '1301', null],
    ['zai/1211', 'bad-request', 400, '1211', null],
    ['zai/500', 'server', 500, 'internal', null],
  ] as const)('HTTP fault %s -> %s', async (path, kind, status, code, retryAfter) => {
    const { result, events } = await ask(path);
    expect(result.error).toMatchObject({ kind, status, code, retry_after_s: retryAfter });
    expect(result.error!.message.length).toBeGreaterThan(5);
    // Refused before any output: not retried (429 asks for 30 s, longer than we wait silently) and not billed.
    expect(events.filter((e) => e.type === 'retry')).toHaveLength(0);
    expect(result.cost).toEqual({ usd: 0, source: 'estimate' });
  });

  it('content filter mid-stream (finish_reason "sensitive") keeps the text that arrived', async () => {
    const { result } = await ask('zai/sensitive');
    expect(result.error).toMatchObject({ kind: 'content-filter', code: 'sensitive' });
    expect(result.answer).toMatch(/^Answer in fast mode/);
  });

  it('an OpenRouter error event inside an HTTP 200 stream is a server error and keeps the text', async () => {
    const { result } = await ask('openrouter/sse-error', { catalogId: 'openrouter' });
    expect(result.error).toMatchObject({ kind: 'server', status: null, code: '502', message: 'Upstream provider went away' });
    expect(result.answer.length).toBeGreaterThan(0);
  });

  it('a malformed chunk is a protocol error and keeps the text', async () => {
    const { result } = await ask('zai/malformed');
    expect(result.error?.kind).toBe('protocol');
    expect(result.answer.length).toBeGreaterThan(0);
  });

  it('a stream that ends early (no finish reason, no usage) is a protocol error, text kept, cost estimated', async () => {
    const { result } = await ask('zai/end-early');
    expect(result.error).toMatchObject({ kind: 'protocol', message: /ended before the answer was finished/ });
    expect(result.answer.length).toBeGreaterThan(0);
    expect(result.cost.source).toBe('estimate');
    expect(result.cost.usd).toBeGreaterThan(0);
  });

  it('no bytes for the idle timeout is a timeout', async () => {
    const { result } = await ask('zai/stall');
    expect(result.error).toMatchObject({ kind: 'timeout' });
    expect(result.answer).toBe('');
  });

  it('a dropped connection is a network error with the text kept', async () => {
    const { result } = await ask('zai/die-mid');
    expect(result.error?.kind).toBe('network');
    expect(result.answer.length).toBeGreaterThan(0);
  });

  it('an empty prompt is refused on our side as bad-input and nothing is sent', async () => {
    const h = newHost();
    const before = hosts.fake.requests.length;
    const p = h.providers.save({ catalogId: 'zai', name: 'Fake', baseUrl: `${hosts.fake.url}/zai`, model: 'glm-4.5v' });
    const r = await h.chat.run(
      { providerId: p.id, thinking: false, prompt: '   ', attachments: [], history: [] },
      new AbortController(),
      () => {},
    );
    expect(r.error?.kind).toBe('bad-input');
    expect(hosts.fake.requests.length).toBe(before);
  });
});

describe('retries', () => {
  it.each([
    ['zai/429-short', 'rate-limit', 1000],
    ['zai/502-once', 'server', 500],
    ['zai/503-once', 'server', 500],
  ])('%s is retried once, visibly, before any answer byte', async (path, kind, delayMs) => {
    const { result, events } = await ask(`${path}/r${Math.random().toString(36).slice(2)}`);
    expect(result.error).toBeNull();
    expect(result.answer).toMatch(/^Answer in fast mode/);
    const retries = events.filter((e) => e.type === 'retry');
    expect(retries).toEqual([expect.objectContaining({ attempt: 1, delayMs, error: expect.objectContaining({ kind }) })]);
    // The retry is announced before the first text.
    expect(events.findIndex((e) => e.type === 'retry')).toBeLessThan(events.findIndex((e) => e.type === 'delta'));
  });

  it('never retries once text has arrived', async () => {
    const { events } = await ask('zai/die-mid');
    expect(events.filter((e) => e.type === 'retry')).toHaveLength(0);
  });
});

describe('keys never leave the host', () => {
  it('redacts a key the server echoes back in its error message, in the result and every event', async () => {
    const { result, events, h } = await ask('zai/echo-auth');
    expect(result.error?.kind).toBe('bad-request');
    expect(result.error!.message).toContain('Malformed header');
    expect(result.error!.message).not.toContain(KEY);
    expect(JSON.stringify(events)).not.toContain(KEY);
    expect(JSON.stringify(await h.methods.listProviders())).not.toContain(KEY);
  });

  it('the sent request carries the key only as the bearer token', async () => {
    await ask('zai');
    expect(hosts.fake.requests.at(-1)!.authorization).toBe(`Bearer ${KEY}`);
    expect(JSON.stringify(hosts.fake.requests.at(-1)!.body)).not.toContain(KEY);
  });
});

describe('Test connection', () => {
  async function test(path: string, catalogId = 'zai', key: string | undefined = KEY, model = 'glm-4.5v') {
    const h = newHost();
    const p = h.providers.save({
      catalogId,
      name: 'T',
      baseUrl: `${hosts.fake.url}/${path}`,
      model,
      ...(key === undefined ? {} : { apiKey: key }),
    });
    return h.methods.testProvider(p.id);
  }

  it('lists models, says the model is available and the key valid', async () => {
    expect(await test('zai')).toMatchObject({ ok: true, modelAvailable: true, keyStatus: 'valid', checkedBy: 'models' });
    expect(await test('zai', 'zai', KEY, 'glm-9')).toMatchObject({ ok: true, modelAvailable: false });
  });

  it('reports a refused key as invalid, without echoing it', async () => {
    const r = await test('zai', 'zai', 'bad-key');
    expect(r).toMatchObject({ ok: false, keyStatus: 'invalid', error: { kind: 'auth' } });
  });

  it('checks an OpenRouter key on its key endpoint, because OpenRouter lists models to anyone', async () => {
    expect(await test('openrouter', 'openrouter', 'bad-key', 'z-ai/glm-4.5v')).toMatchObject({
      ok: false,
      keyStatus: 'invalid',
      modelAvailable: true,
    });
    expect(await test('openrouter', 'openrouter', KEY, 'z-ai/glm-4.5v')).toMatchObject({
      ok: true,
      keyStatus: 'valid',
      modelAvailable: true,
    });
    expect(await test('openrouter', 'openrouter', '', 'z-ai/glm-4.5v')).toMatchObject({ keyStatus: 'missing' });
  });

  it('probes with one token where the server lists no models', async () => {
    const r = await test('vllm/no-models', 'custom', '');
    expect(r).toMatchObject({ ok: true, checkedBy: 'probe', modelAvailable: true, keyStatus: 'not-needed' });
    expect(hosts.fake.requests.at(-1)!.body).toMatchObject({ max_tokens: 1, chat_template_kwargs: { enable_thinking: false } });
    const bad = await test('zai/no-models/1211');
    expect(bad).toMatchObject({
      ok: false,
      checkedBy: 'probe',
      modelAvailable: false,
      keyStatus: 'valid',
      error: { kind: 'bad-request' },
    });
  });

  it('says the server cannot be reached', async () => {
    const h = newHost();
    const p = h.providers.save({ catalogId: 'custom', name: 'Gone', baseUrl: 'http://127.0.0.1:9/v1', model: 'x' });
    expect(await h.methods.testProvider(p.id)).toMatchObject({
      ok: false,
      error: { kind: 'network', message: /Could not reach http:\/\/127\.0\.0\.1:9\/v1/ },
    });
  });
});
