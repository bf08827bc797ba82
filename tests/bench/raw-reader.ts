/**
 * The baseline: the plainest Node SSE reader (fetch, read the body, split on blank lines, JSON.parse each
 * `data:` line, append the content). It runs in a worker thread so it does not share an event loop with the
 * fake provider, which lives on the bench's main thread (the app's host runs in its own process, too).
 */
import { Worker } from 'node:worker_threads';
import { calibrate } from './bench-stats.ts';

export interface RawReadResult {
  /** Epoch ms on the worker's clock, already aligned to the system clock. */
  fetchAt: number;
  firstContentAt: number | null;
  lastContentAt: number | null;
  doneAt: number;
  chars: number;
  deltas: number;
}

// Plain JavaScript, evaluated as the worker's script (with the bench's own clock calibration).
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const now = () => performance.timeOrigin + performance.now();
${calibrate.toString()}
parentPort.on('message', async ({ url, body }) => {
  const off = calibrate();
  const fetchAt = now();
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buf = '', text = '', deltas = 0, first = null, last = null, done = false;
  while (!done) {
    const r = await reader.read();
    if (r.done) break;
    buf += r.value;
    let cut;
    while ((cut = buf.indexOf('\\n\\n')) !== -1) {
      const event = buf.slice(0, cut);
      buf = buf.slice(cut + 2);
      for (const line of event.split('\\n')) {
        if (!line.startsWith('data:')) continue;
        const data = line.slice(5).trim();
        if (data === '[DONE]') { done = true; break; }
        const chunk = JSON.parse(data);
        const c = chunk.choices && chunk.choices[0] && chunk.choices[0].delta && chunk.choices[0].delta.content;
        if (c) {
          text += c;
          deltas++;
          last = now();
          if (first === null) first = last;
        }
      }
    }
  }
  const doneAt = now();
  const fix = (t) => (t === null ? null : t + off);
  parentPort.postMessage({ fetchAt: fix(fetchAt), firstContentAt: fix(first), lastContentAt: fix(last), doneAt: fix(doneAt), chars: text.length, deltas });
});
`;

export class RawReader {
  private readonly worker = new Worker(WORKER_SOURCE, { eval: true });

  read(url: string, body: unknown): Promise<RawReadResult> {
    return new Promise((resolve, reject) => {
      const onError = (e: Error) => reject(e);
      this.worker.once('error', onError);
      this.worker.once('message', (r: RawReadResult) => {
        this.worker.off('error', onError);
        resolve(r);
      });
      this.worker.postMessage({ url, body: JSON.stringify(body) });
    });
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}
