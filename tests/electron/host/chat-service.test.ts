import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { ChatEvent, ChatResult } from '../../../shared/engine/types.ts';
import { useTestHosts } from './test-host.ts';

const hosts = useTestHosts('glimpse-host-');
const newHost = () => hosts.newHost({ idleTimeoutMs: 1500 });

async function ask(path: string, thinking: boolean, opts: { catalogId?: string; attach?: boolean } = {}) {
  const h = newHost();
  const p = h.providers.save({
    catalogId: opts.catalogId ?? 'zai',
    name: 'Fake',
    baseUrl: `${hosts.fake.url}/${path}`,
    model: 'glm-4.5v',
    apiKey: 'test-key',
  });
  const attachments = [];
  if (opts.attach) {
    const png = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#3366cc' } })
      .png()
      .toBuffer();
    attachments.push({ id: (await h.attachments.put({ name: 'blue.png', mime: 'image/png', bytes: new Uint8Array(png) })).id });
  }
  const events: ChatEvent[] = [];
  const result: ChatResult = await h.chat.run(
    { providerId: p.id, thinking, prompt: 'What is this?', attachments, history: [] },
    new AbortController(),
    (e) => events.push(e),
  );
  return { result, events, sent: hosts.fake.requests.at(-1)! };
}

describe('chat service against the fake provider over HTTP', () => {
  it('streams Z.AI reasoning_content apart from the answer, with usage and a price-table cost', async () => {
    const { result, events, sent } = await ask('zai', true, { attach: true });
    expect(result.error).toBeNull();
    expect(result.reasoning).toMatch(/^Let me look carefully/);
    expect(result.answer).toMatch(/^Answer in thinking mode: I received 1 image/);
    expect(sent.body.thinking).toEqual({ type: 'enabled' });
    expect(sent.authorization).toBe('Bearer test-key');
    expect(sent.images[0].width % 28).toBe(0);
    expect(result.usage.prompt_tokens).toBeGreaterThan(0);
    expect(result.cost.source).toBe('price-table');
    expect(events[0].type).toBe('start');
    expect(events.at(-1)!.type).toBe('end');
  });

  it('sends thinking off in each dialect and gets no reasoning back', async () => {
    const z = await ask('zai', false);
    expect(z.sent.body.thinking).toEqual({ type: 'disabled' });
    expect(z.result.reasoning).toBe('');
    const o = await ask('openrouter', false, { catalogId: 'openrouter' });
    expect(o.sent.body.reasoning).toEqual({ enabled: false });
    const v = await ask('vllm', false, { catalogId: 'custom' });
    expect(v.sent.body.chat_template_kwargs).toEqual({ enable_thinking: false });
  });

  it('reads OpenRouter reasoning once although it arrives in two fields, and prefers its usage.cost', async () => {
    const { result } = await ask('openrouter', true, { catalogId: 'openrouter' });
    expect(result.reasoning).toMatch(/^Let me look carefully\. There are 0 images\./);
    expect(result.reasoning.match(/Let me/g)).toHaveLength(1);
    expect(result.cost.source).toBe('provider');
  });

  it('splits raw <think> tags even when they are split across chunks', async () => {
    const { result } = await ask('think', true, { catalogId: 'custom' });
    expect(result.reasoning).toMatch(/^Let me look carefully/);
    expect(result.answer).toMatch(/^Answer in thinking mode/);
    expect(result.answer).not.toContain('think>');
  });

  it.each([
    ['zai/401', 'auth'],
    ['zai/429', 'rate-limit'],
    ['zai/1113', 'quota'],
    ['zai/500', 'server'],
    ['zai/1301', 'content-filter'],
    ['zai/1261', 'context-length'],
  ])('maps %s to %s', async (path, kind) => {
    const { result } = await ask(path, true);
    expect(result.error?.kind).toBe(kind);
    expect(result.error?.message).not.toContain('test-key');
  });

  it('keeps the partial answer when the provider dies mid-stream', async () => {
    const { result } = await ask('zai/die-mid', false);
    expect(result.error?.kind).toBe('network');
    expect(result.answer.length).toBeGreaterThan(0);
  });

  it('times out a stalled stream and keeps what arrived', async () => {
    const { result } = await ask('zai/stall-mid', false);
    expect(result.error?.kind).toBe('timeout');
    expect(result.answer.length).toBeGreaterThan(0);
  });

  it('reports network for an unreachable provider', async () => {
    const h = newHost();
    const p = h.providers.save({ catalogId: 'custom', name: 'Gone', baseUrl: 'http://127.0.0.1:9/v1', model: 'x' });
    const r = await h.chat.run(
      { providerId: p.id, thinking: false, prompt: 'hi', attachments: [], history: [] },
      new AbortController(),
      () => {},
    );
    expect(r.error?.kind).toBe('network');
  });

  it('cancels and keeps what arrived', async () => {
    const h = newHost();
    const p = h.providers.save({
      catalogId: 'zai',
      name: 'Slow',
      baseUrl: `${hosts.fake.url}/zai/slow`,
      model: 'glm-4.5v',
      apiKey: 'k',
    });
    const ctrl = new AbortController();
    const r = await h.chat.run({ providerId: p.id, thinking: true, prompt: 'hi', attachments: [], history: [] }, ctrl, (e) => {
      if (e.type === 'delta') ctrl.abort();
    });
    expect(r.error?.kind).toBe('cancelled');
    expect(r.reasoning.length).toBeGreaterThan(0);
  });

  it('refuses a file that is not an image with bad-input and sends nothing', async () => {
    const h = newHost();
    await expect(
      h.attachments.put({ name: 'notes.png', mime: 'image/png', bytes: new TextEncoder().encode('hello') }),
    ).rejects.toThrow(/not an image/);
  });

  it('refuses a request over the model’s context with context-length before any byte goes out', { timeout: 60_000 }, async () => {
    const h = newHost();
    const p = h.providers.save({
      catalogId: 'zai',
      name: 'Fake',
      baseUrl: `${hosts.fake.url}/zai`,
      model: 'glm-4.5v',
      apiKey: 'k',
    });
    const png = await sharp({ create: { width: 2000, height: 2000, channels: 3, background: '#3366cc' } })
      .png()
      .toBuffer();
    const img = await h.attachments.put({ name: 'page.png', mime: 'image/png', bytes: new Uint8Array(png) });
    // 20 pages at 4,096 tokens each: ~82k tokens against GLM-4.5V's 65,536.
    const attachments = Array.from({ length: 20 }, (_, i) => ({ id: img.id, label: `page ${i + 1}` }));
    const before = hosts.fake.requests.length;
    const events: ChatEvent[] = [];
    const r = await h.chat.run(
      { providerId: p.id, thinking: false, prompt: 'Read them', attachments, history: [], budget: 4096 },
      new AbortController(),
      (e) => events.push(e),
    );
    expect(r.error?.kind).toBe('context-length');
    expect(r.error?.message).toMatch(
      /^This request is about [\d,]+ tokens, past the model's 65,536-token context, so it was not sent\. Pick fewer pages/,
    );
    expect(r.estimate.prompt_tokens).toBeGreaterThan(20 * 4000);
    expect(events.map((e) => e.type)).toEqual(['start', 'end']);
    expect(hosts.fake.requests.length).toBe(before);
    // The same pages within the window go out.
    const ok = await h.chat.run(
      {
        providerId: p.id,
        thinking: false,
        prompt: 'Read them',
        attachments: attachments.slice(0, 10),
        history: [],
        budget: 4096,
      },
      new AbortController(),
      () => {},
    );
    expect(ok.error).toBeNull();
    expect(hosts.fake.requests.length).toBe(before + 1);
  });
});
