import { describe, expect, it } from 'vitest';
import { runChat } from '../../../electron/host/chat-runner.ts';
import { sseBatches } from '../../../electron/host/sse-reader.ts';
import type { ChatEvent, ChatResult } from '../../../shared/engine/types.ts';
import { catalogEntry } from '../../../shared/providers/catalog.ts';

const body = (...pieces: (string | Uint8Array)[]) =>
  new ReadableStream<Uint8Array>({
    start(c) {
      for (const p of pieces) c.enqueue(typeof p === 'string' ? new TextEncoder().encode(p) : p);
      c.close();
    },
  });

async function all(stream: ReadableStream<Uint8Array>) {
  const data: string[] = [];
  let done = false;
  for await (const b of sseBatches(stream, 1024 * 1024)) {
    data.push(...b.data);
    done ||= b.done;
  }
  return { data, done };
}

describe('sseBatches', () => {
  it('skips comments and event fields, stops at [DONE], and ignores anything after it', async () => {
    const r = await all(
      body(': OPENROUTER PROCESSING\n\n', 'event: message\nid: 1\ndata: {"a":1}\n\n', 'data: [DONE]\n\ndata: {"late":1}\n\n'),
    );
    expect(r).toEqual({ data: ['{"a":1}'], done: true });
  });

  it('joins an event split across reads, CRLF line ends, and a multi-byte character split between reads', async () => {
    const bytes = new TextEncoder().encode('data: {"t":"猫"}\r\n\r\n');
    const r = await all(body(bytes.subarray(0, 13), bytes.subarray(13, 15), bytes.subarray(15)));
    expect(r.data).toEqual(['{"t":"猫"}']);
  });

  it('keeps a last event whose closing blank line never came', async () => {
    expect((await all(body('data: {"a":1}\n\ndata: {"b":2}\n'))).data).toEqual(['{"a":1}', '{"b":2}']);
  });
});

describe('runChat on unusual bodies', () => {
  const run = (res: Response, onEvent: (e: ChatEvent) => void = () => {}, apiKey: string | null = null): Promise<ChatResult> =>
    runChat({
      entry: catalogEntry('custom'),
      baseUrl: 'http://fake.invalid/v1',
      apiKey,
      model: 'm',
      thinking: true,
      messages: [{ role: 'user', content: 'hi' }],
      price: null,
      estimate: { prompt_tokens: 1, usd: null },
      fetch: (async () => res) as typeof fetch,
      onEvent,
    });

  it("passes a network read's chunks on as one delta, before the usage that follows them, the key still masked", async () => {
    const key = 'sk-test-0123456789abcdef';
    const chunk = (delta: object, extra: object = {}) =>
      `data: ${JSON.stringify({ choices: [{ index: 0, delta, finish_reason: null }], ...extra })}\n\n`;
    // 1,000 token chunks in one read, the key split over two of them, then usage and the end in a second read.
    const tokens = Array.from({ length: 1_000 }, (_, i) => (i === 500 ? key.slice(0, 10) : i === 501 ? key.slice(10) : `t${i} `));
    const first = tokens.map((t) => chunk({ content: t })).join('');
    const last = `${chunk({}, { usage: { prompt_tokens: 3, completion_tokens: 1_000 } })}data: [DONE]\n\n`;
    const events: ChatEvent[] = [];
    const r = await run(
      new Response(body(first, last), { headers: { 'content-type': 'text/event-stream' } }),
      (e) => events.push(e),
      key,
    );
    const expected = tokens.join('').replace(key, '…');
    expect(r.answer).toBe(expected);
    const kinds = events.map((e) => e.type).filter((t) => t === 'delta' || t === 'usage');
    expect(kinds).toEqual(['delta', 'usage']);
    const deltas = events.flatMap((e) => (e.type === 'delta' ? [e.content ?? ''] : []));
    expect(deltas.join('')).toBe(expected);
  });

  it('reads a server that ignored stream:true and sent one JSON completion', async () => {
    const completion = {
      choices: [{ index: 0, message: { role: 'assistant', content: '<think>hmm</think>Yes.' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 5, completion_tokens: 3 },
    };
    const r = await run(new Response(JSON.stringify(completion), { headers: { 'content-type': 'application/json' } }));
    expect(r).toMatchObject({
      answer: 'Yes.',
      reasoning: 'hmm',
      error: null,
      finish_reason: 'stop',
      usage: { prompt_tokens: 5 },
    });
  });

  it('an error event first thing in a 200 stream is classified, nothing invented', async () => {
    const sse =
      'data: {"error":{"code":400,"message":"Provider returned error"},"choices":[{"delta":{"content":""},"finish_reason":"error"}]}\n\n';
    const r = await run(new Response(sse, { headers: { 'content-type': 'text/event-stream' } }));
    expect(r.error).toMatchObject({ kind: 'bad-request', status: null, code: '400', message: 'Provider returned error' });
    expect(r.answer).toBe('');
  });
});
