import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runChat } from '../../../electron/host/chat-runner.ts';
import { StreamNormalizer, usageFrom, type NormalizedDelta } from '../../../shared/engine/normalize.ts';
import type { ChatResult } from '../../../shared/engine/types.ts';
import { catalogEntry } from '../../../shared/providers/catalog.ts';

type Chunk = Record<string, unknown>;

const chunk = (delta: Chunk, finish: string | null = null): Chunk => ({
  id: 'chatcmpl-rec',
  object: 'chat.completion.chunk',
  created: 1_760_000_000,
  model: 'glm-4.5v',
  choices: [{ index: 0, delta, finish_reason: finish }],
});
const usageChunk = (usage: Chunk): Chunk => ({
  id: 'chatcmpl-rec',
  object: 'chat.completion.chunk',
  created: 1_760_000_000,
  model: 'glm-4.5v',
  choices: [],
  usage,
});

const USAGE = {
  prompt_tokens: 1290,
  completion_tokens: 57,
  total_tokens: 1347,
  prompt_tokens_details: { cached_tokens: 1024 },
  completion_tokens_details: { reasoning_tokens: 31 },
};

/** Recorded-shape streams, one per dialect of docs/providers.md; text includes CJK and emoji. */
const STREAMS: Record<string, { chunks: Chunk[]; reasoning: string; answer: string }> = {
  zai: {
    chunks: [
      chunk({ role: 'assistant', reasoning_content: '图片里有' }),
      chunk({ reasoning_content: '一只猫 🐱，' }),
      chunk({ reasoning_content: 'on a sofa.' }),
      chunk({ content: '猫在' }),
      chunk({ content: '沙发上 🛋️。' }),
      chunk({}, 'stop'),
      usageChunk(USAGE),
    ],
    reasoning: '图片里有一只猫 🐱，on a sofa.',
    answer: '猫在沙发上 🛋️。',
  },
  openrouter: {
    chunks: [
      chunk({
        role: 'assistant',
        content: '',
        reasoning: '思考：',
        reasoning_details: [{ type: 'reasoning.text', text: '思考：' }],
      }),
      chunk({ content: '', reasoning: 'a cat 🐈', reasoning_details: [{ type: 'reasoning.text', text: 'a cat 🐈' }] }),
      chunk({ content: 'It is ', reasoning: '', reasoning_details: [] }),
      chunk({ content: 'a cat 😺.', reasoning: '', reasoning_details: [] }),
      chunk({ content: '', reasoning: '', reasoning_details: [] }, 'stop'),
      usageChunk({ ...USAGE, cost: 0.000877 }),
    ],
    reasoning: '思考：a cat 🐈',
    answer: 'It is a cat 😺.',
  },
  vllm: {
    chunks: [
      chunk({ role: 'assistant', reasoning: 'Looking… 看看' }),
      chunk({ reasoning: ' done.' }),
      chunk({ content: 'Answer: 猫。' }),
      chunk({ content: '' }, 'stop'),
      usageChunk({ prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 }),
    ],
    reasoning: 'Looking… 看看 done.',
    answer: 'Answer: 猫。',
  },
  think: {
    chunks: [
      chunk({ role: 'assistant', content: '<th' }),
      chunk({ content: 'ink>推理 🤔 ' }),
      chunk({ content: 'here</thi' }),
      chunk({ content: 'nk>\n\n' }),
      chunk({ content: '答案 ✅' }),
      chunk({}, 'stop'),
      usageChunk({ prompt_tokens: 10, completion_tokens: 8, total_tokens: 18 }),
    ],
    reasoning: '推理 🤔 here',
    answer: '答案 ✅',
  },
};

function feed(chunks: unknown[]) {
  const n = new StreamNormalizer();
  const out: NormalizedDelta = { reasoning: '', content: '' };
  for (const d of [...chunks.map((c) => n.push(c)), n.end()]) {
    out.reasoning += d.reasoning;
    out.content += d.content;
  }
  return { ...out, meta: n.meta };
}

describe('StreamNormalizer on recorded-shape chunks', () => {
  it.each(Object.keys(STREAMS))('separates reasoning from the answer in the %s dialect', (name) => {
    const s = STREAMS[name];
    const r = feed(s.chunks);
    expect(r.reasoning).toBe(s.reasoning);
    expect(r.content).toBe(s.answer);
    expect(r.meta.finishReason).toBe('stop');
  });

  it('counts OpenRouter reasoning once when reasoning and reasoning_details carry the same text', () => {
    const r = feed([chunk({ reasoning: 'once', reasoning_details: [{ type: 'reasoning.text', text: 'once' }] })]);
    expect(r.reasoning).toBe('once');
  });

  it('treats empty "reasoning" and empty "reasoning_details" as absent on content chunks', () => {
    const n = new StreamNormalizer();
    expect(n.push(chunk({ content: 'text', reasoning: '', reasoning_details: [] }))).toEqual({ reasoning: '', content: 'text' });
  });

  it('reads reasoning_details alone (Novita)', () => {
    const r = feed([
      chunk({
        reasoning_details: [
          { type: 'reasoning.text', text: 'a' },
          { type: 'reasoning.text', text: 'b' },
        ],
      }),
    ]);
    expect(r.reasoning).toBe('ab');
  });

  it('reads usage from a final chunk with empty choices, including cached and reasoning tokens', () => {
    const r = feed(STREAMS.zai.chunks);
    expect(r.meta.usage).toEqual({ prompt_tokens: 1290, completion_tokens: 57, reasoning_tokens: 31, cached_tokens: 1024 });
    expect(r.meta.providerCostUsd).toBeNull();
  });

  it('fills absent usage details with 0', () => {
    expect(usageFrom({ prompt_tokens: 5, completion_tokens: 2 })).toEqual({
      prompt_tokens: 5,
      completion_tokens: 2,
      reasoning_tokens: 0,
      cached_tokens: 0,
    });
    expect(usageFrom(null)).toBeNull();
  });

  it('takes OpenRouter usage.cost as the provider cost', () => {
    expect(feed(STREAMS.openrouter.chunks).meta.providerCostUsd).toBe(0.000877);
  });

  it('ignores the `usage: null` OpenAI-style servers put on every non-final chunk', () => {
    const r = feed([
      { ...chunk({ content: 'x' }), usage: null },
      usageChunk({ prompt_tokens: 3, completion_tokens: 1 }),
      { ...chunk({}), usage: null },
    ]);
    expect(r.meta.usage?.prompt_tokens).toBe(3);
  });

  it.each(['stop', 'length', 'sensitive', 'model_context_window_exceeded'])('captures finish_reason %s', (reason) => {
    expect(feed([chunk({ content: 'partial' }), chunk({}, reason)]).meta.finishReason).toBe(reason);
  });

  it('keeps the last finish_reason when later chunks carry null', () => {
    expect(feed([chunk({}, 'length'), usageChunk({ prompt_tokens: 1 })]).meta.finishReason).toBe('length');
  });

  it('reads a non-streaming `message` shape', () => {
    const r = feed([
      {
        id: 'chatcmpl-rec',
        object: 'chat.completion',
        choices: [
          { index: 0, message: { role: 'assistant', reasoning_content: '想一想', content: 'A cat.' }, finish_reason: 'stop' },
        ],
        usage: { prompt_tokens: 9, completion_tokens: 4, completion_tokens_details: { reasoning_tokens: 2 } },
      },
    ]);
    expect(r).toMatchObject({ reasoning: '想一想', content: 'A cat.' });
    expect(r.meta.usage).toEqual({ prompt_tokens: 9, completion_tokens: 4, reasoning_tokens: 2, cached_tokens: 0 });
    expect(r.meta.finishReason).toBe('stop');
  });

  it('survives junk chunks', () => {
    expect(feed([null, 'text', 42, { choices: [null, 'x'] }])).toMatchObject({ reasoning: '', content: '' });
  });
});

// ---- Through the real `openai` SDK SSE parser, with the byte stream cut anywhere ----

const enc = new TextEncoder();
const sseBytes = (chunks: Chunk[]): Uint8Array =>
  enc.encode(chunks.map((c) => `data: ${JSON.stringify(c)}\n\n`).join('') + 'data: [DONE]\n\n');

/** Cuts the bytes at the given offsets: boundaries may fall inside a UTF-8 character or a `data:` line. */
function cutBytes(bytes: Uint8Array, offsets: number[]): Uint8Array[] {
  const at = [...new Set(offsets.map((o) => o % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let prev = 0;
  for (const o of [...at, bytes.length]) {
    if (o > prev) out.push(bytes.slice(prev, o));
    prev = o;
  }
  return out;
}

function fetchServing(pieces: Uint8Array[]): typeof fetch {
  return async () => {
    let i = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(ctrl) {
        if (i < pieces.length) ctrl.enqueue(pieces[i++]);
        else ctrl.close();
      },
    });
    return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
  };
}

async function runOver(catalogId: string, pieces: Uint8Array[]): Promise<ChatResult> {
  const entry = catalogEntry(catalogId);
  return runChat({
    entry,
    baseUrl: 'http://fake.invalid/v1',
    apiKey: 'sk-test-0000000000',
    model: entry.models[0]?.id ?? 'glm-4.5v',
    thinking: true,
    messages: [{ role: 'user', content: 'What is this?' }],
    price: entry.models[0]?.price ? { ...entry.models[0].price, catalogId, model: entry.models[0].id, origin: 'catalog' } : null,
    estimate: { prompt_tokens: 10, usd: null },
    fetch: fetchServing(pieces),
    onEvent: () => {},
  });
}

const DIALECT_CATALOG: Record<string, string> = { zai: 'zai', openrouter: 'openrouter', vllm: 'custom', think: 'custom' };
const comparable = (r: ChatResult) => ({
  answer: r.answer,
  reasoning: r.reasoning,
  usage: r.usage,
  cost: r.cost,
  finish_reason: r.finish_reason,
  error: r.error,
});

describe('SSE bytes through the openai SDK, cut at arbitrary boundaries', () => {
  it.each(Object.keys(STREAMS))('reads the %s stream whole', async (name) => {
    const r = await runOver(DIALECT_CATALOG[name], [sseBytes(STREAMS[name].chunks)]);
    expect(r.error).toBeNull();
    expect(r.answer).toBe(STREAMS[name].answer);
    expect(r.reasoning).toBe(STREAMS[name].reasoning);
  });

  it('gives the same ChatResult for every chunking (property)', async () => {
    const expected: Record<string, ReturnType<typeof comparable>> = {};
    for (const name of Object.keys(STREAMS))
      expected[name] = comparable(await runOver(DIALECT_CATALOG[name], [sseBytes(STREAMS[name].chunks)]));
    expect(expected.openrouter.cost).toEqual({ usd: 0.000877, source: 'provider' });
    expect(expected.zai.usage).toEqual({ prompt_tokens: 1290, completion_tokens: 57, reasoning_tokens: 31, cached_tokens: 1024 });

    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...Object.keys(STREAMS)),
        fc.oneof(fc.array(fc.nat(), { maxLength: 40 }), fc.constant('every-byte' as const)),
        async (name, offsets) => {
          const bytes = sseBytes(STREAMS[name].chunks);
          const pieces = offsets === 'every-byte' ? Array.from(bytes, (b) => Uint8Array.of(b)) : cutBytes(bytes, offsets);
          expect(comparable(await runOver(DIALECT_CATALOG[name], pieces))).toEqual(expected[name]);
        },
      ),
      { numRuns: 150 },
    );
  });
});
