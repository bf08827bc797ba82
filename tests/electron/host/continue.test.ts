/**
 * Continue (issue #10) through the host and the fake provider over HTTP: the request each provider kind is sent,
 * the stored answer that grows in place, and the ledger row of each request, linked to the answer it extends.
 */
import { describe, expect, it } from 'vitest';
import type { Host } from '../../../electron/host/host.ts';
import type { ChatRequest } from '../../../shared/bridge/chat.ts';
import type { ServerKind } from '../../../shared/params/server-kind.ts';
import { CONTINUE_PROMPT } from '../../../shared/params/continuation.ts';
import { STORY } from '../../fixtures/fake-provider.ts';
import { useTestHosts } from './test-host.ts';

const hosts = useTestHosts('glimpse-continue-');

function provider(h: Host, path: string, catalogId: string, server?: ServerKind) {
  return h.providers.save({
    catalogId,
    name: 'Fake',
    baseUrl: `${hosts.fake.url}/${path}`,
    model: 'glm-4.5v',
    apiKey: 'k',
    ...(server ? { server } : {}),
  });
}

const QUESTION = 'Tell me a story';

async function run(h: Host, req: ChatRequest, requestId: string) {
  return h.chat.run(req, new AbortController(), () => {}, requestId);
}

/** Asks, then continues the answer once; returns both results and the body the continuation sent. */
async function askAndContinue(path: string, catalogId: string, server?: ServerKind) {
  const h = hosts.newHost({ idleTimeoutMs: 2000 });
  const p = provider(h, path, catalogId, server);
  const base: ChatRequest = { providerId: p.id, thinking: false, prompt: QUESTION, attachments: [], history: [], sessionId: 'S' };
  const first = await run(h, base, '00000000-0000-4000-8000-000000000001');
  const second = await run(
    h,
    { ...base, continues: { requestId: '00000000-0000-4000-8000-000000000001', answer: first.answer } },
    '00000000-0000-4000-8000-000000000002',
  );
  return { h, p, first, second, body: hosts.fake.requests.at(-1)!.body };
}

describe('Continue', () => {
  it('vLLM: the partial answer goes last, and the body leaves it open', async () => {
    const { first, second, body } = await askAndContinue('vllm/story', 'custom');
    expect(first.finish_reason).toBe('length');
    expect(first.answer).toBe(STORY[0]);
    expect(body.messages).toEqual([
      { role: 'user', content: QUESTION },
      { role: 'assistant', content: STORY[0] },
    ]);
    expect(body.continue_final_message).toBe(true);
    expect(body.add_generation_prompt).toBe(false);
    expect(second.answer).toBe(STORY[1]);
    expect(second.finish_reason).toBe('length');
  });

  it('SGLang: the same two fields', async () => {
    const { body, second } = await askAndContinue('vllm/story', 'custom', 'sglang');
    expect(body).toMatchObject({ continue_final_message: true, add_generation_prompt: false });
    expect(second.answer).toBe(STORY[1]);
  });

  it('OpenRouter: a trailing assistant message is a prefill, nothing else is added', async () => {
    const { body, second } = await askAndContinue('openrouter/story', 'openrouter');
    expect(body.messages).toEqual([
      { role: 'user', content: QUESTION },
      { role: 'assistant', content: STORY[0] },
    ]);
    expect(body).not.toHaveProperty('continue_final_message');
    expect(body).not.toHaveProperty('add_generation_prompt');
    expect(second.answer).toBe(STORY[1]);
  });

  it('Z.AI and Ollama document no prefill: the answer is history and a new message asks for the rest', async () => {
    for (const [path, catalogId, server] of [
      ['zai/story', 'zai', undefined],
      ['zai/story', 'custom', 'ollama'],
    ] as const) {
      const { body, second } = await askAndContinue(path, catalogId, server);
      expect(body.messages).toEqual([
        { role: 'user', content: QUESTION },
        { role: 'assistant', content: STORY[0] },
        { role: 'user', content: CONTINUE_PROMPT },
      ]);
      expect(body).not.toHaveProperty('continue_final_message');
      expect(second.answer).toBe(STORY[1]);
    }
  });

  it('grows the stored answer in place and keeps one ledger row per request, linked to it', async () => {
    const { h, first, second } = await askAndContinue('vllm/story', 'custom');
    const [turn, ...rest] = (await h.methods.getSession('S')).turns;
    expect(rest).toHaveLength(0);
    expect(turn.answer).toBe(STORY[0] + STORY[1]);
    expect(turn.status).toBe('done');
    expect(turn.result?.answer).toBe(STORY[0] + STORY[1]);
    expect(turn.result?.finish_reason).toBe('length');
    expect(turn.result?.usage.completion_tokens).toBe(first.usage.completion_tokens + second.usage.completion_tokens);
    expect(turn.result?.usage.prompt_tokens).toBe(first.usage.prompt_tokens + second.usage.prompt_tokens);
    expect(turn.result?.continued).toEqual({
      requests: ['00000000-0000-4000-8000-000000000002'],
      mode: 'continue-final-message',
      from: STORY[0].length,
      reasoningFrom: 0,
    });
    const rows = h.db.prepare('SELECT request_id, continues, finish_reason FROM ledger ORDER BY started_at').all();
    expect(rows).toEqual([
      { request_id: '00000000-0000-4000-8000-000000000001', continues: null, finish_reason: 'length' },
      {
        request_id: '00000000-0000-4000-8000-000000000002',
        continues: '00000000-0000-4000-8000-000000000001',
        finish_reason: 'length',
      },
    ]);
  });

  it('a continuation that fails keeps the answer it had', async () => {
    const h = hosts.newHost({ idleTimeoutMs: 2000 });
    const ok = provider(h, 'vllm/story', 'custom');
    const base: ChatRequest = {
      providerId: ok.id,
      thinking: false,
      prompt: QUESTION,
      attachments: [],
      history: [],
      sessionId: 'S',
    };
    const first = await run(h, base, '00000000-0000-4000-8000-000000000001');
    const bad = h.providers.save({
      catalogId: 'custom',
      name: 'Down',
      baseUrl: `${hosts.fake.url}/vllm/500`,
      model: 'm',
      apiKey: 'k',
    });
    const failed = await run(
      h,
      { ...base, providerId: bad.id, continues: { requestId: '00000000-0000-4000-8000-000000000001', answer: first.answer } },
      '00000000-0000-4000-8000-000000000002',
    );
    expect(failed.error?.kind).toBe('server');
    const [turn] = (await h.methods.getSession('S')).turns;
    expect(turn.answer).toBe(STORY[0]);
    expect(turn.status).toBe('error');
  });

  it('View code rebuilds the continue request: the same body the continuation sent', async () => {
    const { h, p, first } = await askAndContinue('vllm/story', 'custom');
    const code = await h.methods.requestCode({
      providerId: p.id,
      thinking: false,
      prompt: QUESTION,
      attachments: [],
      history: [],
      continues: { requestId: '00000000-0000-4000-8000-000000000001', answer: first.answer },
    });
    expect(code.body).toEqual(hosts.fake.requests.at(-1)!.body);
  });
});
