/** Continue (issue #10): the request each provider kind is sent, and the answer joined from two requests. */
import { describe, expect, it } from 'vitest';
import { chatRequestSchema } from '../../../shared/bridge/chat-schema.ts';
import { continueMessages, joinContinued } from '../../../shared/engine/continued.ts';
import { buildRequestBody, type ChatMessage } from '../../../shared/engine/request-body.ts';
import type { ChatResult } from '../../../shared/engine/types.ts';
import { CONTINUE_PROMPT, continueModeOf } from '../../../shared/params/continuation.ts';
import { catalogEntry } from '../../../shared/providers/catalog.ts';

const question: ChatMessage[] = [
  { role: 'user', content: 'Earlier' },
  { role: 'assistant', content: 'Earlier answer' },
  { role: 'user', content: 'Tell me a story' },
];

/** The body a Continue of "Once upon" sends to a provider of this catalog entry (and custom server kind). */
function continueBody(catalogId: string, server?: 'vllm' | 'sglang' | 'ollama' | 'lmstudio' | 'llamacpp') {
  const entry = catalogEntry(catalogId);
  const mode = continueModeOf(entry, server ? { server } : {});
  return buildRequestBody(entry, {
    model: 'glm-4.5v',
    thinking: false,
    messages: continueMessages(question, 'Once upon', mode),
    continueMode: mode,
    ...(server ? { paramDialect: server } : {}),
  });
}

describe('the continue request, per provider kind', () => {
  it.each(['vllm', 'sglang'] as const)('%s: the partial answer last, left open by the two body fields', (server) => {
    const body = continueBody('custom', server);
    expect(body.messages).toEqual([...question, { role: 'assistant', content: 'Once upon' }]);
    expect(body.continue_final_message).toBe(true);
    expect(body.add_generation_prompt).toBe(false);
  });

  it('OpenRouter: the partial answer last, as a prefill, with no other field', () => {
    const body = continueBody('openrouter');
    expect(body.messages).toEqual([...question, { role: 'assistant', content: 'Once upon' }]);
    expect(body).not.toHaveProperty('continue_final_message');
    expect(body).not.toHaveProperty('add_generation_prompt');
  });

  it.each([['zai'], ['bigmodel'], ['novita'], ['ollama'], ['lmstudio'], ['custom', 'ollama'], ['custom', 'llamacpp']] as const)(
    '%s %s: no documented prefill, so a new message asks for the rest',
    (catalogId, server?: 'ollama' | 'llamacpp') => {
      const body = continueBody(catalogId, server);
      expect(body.messages).toEqual([
        ...question,
        { role: 'assistant', content: 'Once upon' },
        { role: 'user', content: CONTINUE_PROMPT },
      ]);
      expect(body).not.toHaveProperty('continue_final_message');
    },
  );

  it('an extra parameter cannot switch the open last message off', () => {
    const entry = catalogEntry('custom');
    const body = buildRequestBody(entry, {
      model: 'm',
      thinking: true,
      messages: continueMessages(question, 'x', 'continue-final-message'),
      continueMode: 'continue-final-message',
      params: { extra: { continue_final_message: false, add_generation_prompt: true } },
    });
    expect(body).toMatchObject({ continue_final_message: true, add_generation_prompt: false });
  });

  it('a request that is not a continuation has neither field', () => {
    const body = buildRequestBody(catalogEntry('custom'), { model: 'm', thinking: true, messages: question });
    expect(body).not.toHaveProperty('continue_final_message');
    expect(body).not.toHaveProperty('add_generation_prompt');
  });
});

const res = (patch: Partial<ChatResult>): ChatResult => ({
  answer: '',
  reasoning: '',
  boxes: [],
  usage: { prompt_tokens: 100, completion_tokens: 50, reasoning_tokens: 10, cached_tokens: 5 },
  cost: { usd: 0.001, source: 'price-table' },
  estimate: { prompt_tokens: 90, usd: 0.0001 },
  finish_reason: 'length',
  timings: { ttft_ms: 200, total_ms: 1000 },
  error: null,
  ...patch,
});

describe('joinContinued', () => {
  const first = res({ answer: 'Once upon', reasoning: 'Hm.' });
  it('joins the texts, sums the figures, and takes the end of the continuation', () => {
    const next = res({ answer: ' a time.', reasoning: ' Yes.', finish_reason: 'stop', timings: { ttft_ms: 50, total_ms: 400 } });
    const joined = joinContinued({ answer: 'Once upon', reasoning: 'Hm.', result: first }, next, {
      requestId: 'c1',
      mode: 'prefill',
    });
    expect(joined).toMatchObject({
      answer: 'Once upon a time.',
      reasoning: 'Hm. Yes.',
      finish_reason: 'stop',
      usage: { prompt_tokens: 200, completion_tokens: 100, reasoning_tokens: 20, cached_tokens: 10 },
      cost: { usd: 0.002, source: 'price-table' },
      estimate: { prompt_tokens: 180, usd: 0.0002 },
      timings: { ttft_ms: 200, total_ms: 1400 },
      continued: { requests: ['c1'], mode: 'prefill', from: 9, reasoningFrom: 3 },
    });
    // A second continuation adds its request and moves `from`.
    const again = joinContinued({ answer: joined.answer, reasoning: joined.reasoning, result: joined }, res({ answer: '!' }), {
      requestId: 'c2',
      mode: 'new-message',
    });
    expect(again.continued).toEqual({ requests: ['c1', 'c2'], mode: 'new-message', from: 17, reasoningFrom: 8 });
    expect(again.usage.completion_tokens).toBe(150);
  });

  it('a cost unknown on either side is unknown, never a sum with a zero', () => {
    const next = res({ answer: 'x', cost: { usd: null, source: 'unknown' } });
    expect(joinContinued({ answer: 'a', reasoning: '', result: first }, next, { requestId: 'c', mode: 'prefill' }).cost).toEqual({
      usd: null,
      source: 'unknown',
    });
  });

  it('a failed or stopped continuation keeps the text before and what arrived, and says why it ended', () => {
    const stopped = res({
      answer: ' a ti',
      finish_reason: null,
      error: { kind: 'cancelled', status: null, code: null, message: 'Stopped.', retry_after_s: null },
    });
    const joined = joinContinued({ answer: 'Once upon', reasoning: '', result: first }, stopped, {
      requestId: 'c',
      mode: 'prefill',
    });
    expect(joined.answer).toBe('Once upon a ti');
    expect(joined.error?.kind).toBe('cancelled');
  });
});

describe("startChat's door", () => {
  const ok = { providerId: 'p', thinking: false, prompt: 'q', attachments: [], history: [] };
  it('takes a continue link, and refuses one without its answer or with a text that is not one', () => {
    expect(chatRequestSchema.safeParse({ ...ok, continues: { requestId: 'r1', answer: 'Once' } }).success).toBe(true);
    expect(chatRequestSchema.safeParse({ ...ok, continues: { requestId: 'r1' } }).success).toBe(false);
    expect(chatRequestSchema.safeParse({ ...ok, continues: { requestId: 'r1', answer: 5 } }).success).toBe(false);
    expect(chatRequestSchema.safeParse({ ...ok, continues: 'r1' }).success).toBe(false);
  });
});
