/**
 * Reads a streaming `/chat/completions` body as server-sent events with eventsource-parser. The openai SDK still
 * sends the request and turns HTTP errors into typed errors; only the body is read here, because the SDK's own
 * SSE decoder costs ~10x a bare JSON.parse per line (measured by `npm run bench:engine`), this ~1.4x.
 */
import { createParser } from 'eventsource-parser';

/**
 * A body, or one event of it, grew past what any answer needs without ending: the reader stops there rather than
 * hold it all (eventsource-parser keeps an unfinished line in memory, and a 500 MB `data:` line would be 500 MB).
 */
export class OversizeBodyError extends Error {
  readonly limitChars: number;
  constructor(limitChars: number) {
    super(`A single message from the provider passed ${limitChars} characters without ending.`);
    this.limitChars = limitChars;
  }
}

/** The `data` payloads that arrived with one read of the body, in order; `[DONE]` ends the stream. */
export interface SseBatch {
  data: string[];
  done: boolean;
}

/**
 * Yields one batch per network read, so the caller can reset its idle timer per read and parse payloads in order
 * (a malformed one then fails after the good ones before it were used). Comments (`: OPENROUTER PROCESSING`)
 * and the `event:`/`id:` fields carry nothing the engine needs and are skipped.
 */
export async function* sseBatches(body: ReadableStream<Uint8Array>, maxEventChars: number): AsyncGenerator<SseBatch> {
  let pending: string[] = [];
  let done = false;
  // What the parser may be holding: the text fed since the last event or comment ended (over by at most one read).
  let unfinished = 0;
  let ended = 0;
  const parser = createParser({
    onEvent(e) {
      ended++;
      if (done) return;
      if (e.data === '[DONE]') done = true;
      else pending.push(e.data);
    },
    onComment() {
      ended++;
    },
  });
  const feed = (text: string) => {
    const before = ended;
    parser.feed(text);
    unfinished = (ended === before ? unfinished : 0) + text.length;
    if (unfinished > maxEventChars) throw new OversizeBodyError(maxEventChars);
  };
  const decoder = new TextDecoder();
  const reader = body.getReader();
  try {
    while (!done) {
      const { value, done: ended } = await reader.read();
      if (ended) {
        // A last event without its closing blank line still counts: the text is the person's. (A truncated one then
        // fails to parse, which is the truth: the stream broke mid-chunk.)
        feed(`${decoder.decode()}\n\n`);
        yield { data: flush(), done };
        return;
      }
      feed(decoder.decode(value, { stream: true }));
      yield { data: flush(), done };
    }
  } finally {
    // Hanging up releases the socket: after [DONE], on an error, or when the caller stops reading.
    reader.cancel().catch(() => {});
  }

  function flush(): string[] {
    const out = pending;
    pending = [];
    return out;
  }
}

/**
 * The whole body as text (a server that ignored `stream: true` and sent one JSON completion), refused past
 * `maxChars` so a giant or endless body is dropped at the cap instead of filling memory.
 */
export async function readCappedText(body: ReadableStream<Uint8Array>, maxChars: number): Promise<string> {
  const decoder = new TextDecoder();
  const reader = body.getReader();
  const parts: string[] = [];
  let size = 0;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      const text = done ? decoder.decode() : decoder.decode(value, { stream: true });
      size += text.length;
      if (size > maxChars) throw new OversizeBodyError(maxChars);
      parts.push(text);
      if (done) return parts.join('');
    }
  } finally {
    reader.cancel().catch(() => {});
  }
}
