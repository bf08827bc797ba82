/**
 * `npm run bench:engine`: what the engine costs, printed as figures (a benchmark, not a timed test).
 *
 * 1. Normalising throughput of a 1 MB recorded-shape stream (Z.AI dialect: reasoning_content, then content, then
 *    usage), in chunks/s, through the whole engine (runChat: the openai SDK's request and response handling, the
 *    SSE parse of electron/host/sse-reader.ts, StreamNormalizer, the runner's events) with a fetch that serves
 *    the bytes in 16 KB pieces, against a bare
 *    `JSON.parse` per `data:` line of the same bytes (decoded and split). Alternated in one process, medians.
 *    Goal: the engine costs <= 2x the bare parse.
 * 2. The CLI's start-up to first request byte: spawn `node dist/cli/glimpse.mjs ask ...` (and `node bin/glimpse.js`,
 *    the `npx glimpse` entry) against a local server that stamps the first byte of the request on its socket.
 *    Medians of several runs. Goal: <= 300 ms.
 *
 * Env: BENCH_REPS (default 15) normalising repetitions; BENCH_CLI_RUNS (default 11) CLI launches.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runChat } from '../../electron/host/chat-runner.ts';
import { catalogEntry } from '../../shared/providers/catalog.ts';

const REPS = Number(process.env.BENCH_REPS ?? 15);
const CLI_RUNS = Number(process.env.BENCH_CLI_RUNS ?? 11);
const TARGET_BYTES = 1_000_000;
const PIECE = 16 * 1024;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (n: number) => Math.round(n).toLocaleString('en');

// ---------- the recorded stream ----------
/** Chunks shaped like Z.AI's (ids, created, model, one choice), mixed English and CJK text, ending with usage. */
function recordedStream(): { bytes: Uint8Array; chunks: number } {
  const words = ['The', 'receipt', 'shows', 'three', 'items', '收据', '总计', '10.50', 'and', 'a', 'total', '。'];
  const lines: string[] = [];
  let size = 0;
  let i = 0;
  const push = (obj: unknown) => {
    const line = `data: ${JSON.stringify(obj)}\n\n`;
    lines.push(line);
    size += Buffer.byteLength(line);
  };
  const base = { id: '2025111512000012345678', object: 'chat.completion.chunk', created: 1763208000, model: 'glm-4.5v' };
  while (size < TARGET_BYTES) {
    const text = `${words[i % words.length]} `;
    const delta =
      size < TARGET_BYTES * 0.4 ? { role: 'assistant', reasoning_content: text } : { role: 'assistant', content: text };
    push({ ...base, choices: [{ index: 0, delta }] });
    i++;
  }
  push({ ...base, choices: [{ index: 0, finish_reason: 'stop', delta: { role: 'assistant', content: '' } }] });
  push({
    ...base,
    choices: [],
    usage: { prompt_tokens: 1290, completion_tokens: i, total_tokens: 1290 + i, prompt_tokens_details: { cached_tokens: 0 } },
  });
  lines.push('data: [DONE]\n\n');
  return { bytes: new TextEncoder().encode(lines.join('')), chunks: i + 2 };
}

function bareParse(bytes: Uint8Array): number {
  const text = new TextDecoder().decode(bytes);
  let n = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith('data: ')) continue;
    const data = line.slice(6);
    if (data === '[DONE]') continue;
    JSON.parse(data);
    n++;
  }
  return n;
}

function servingFetch(bytes: Uint8Array): typeof fetch {
  return (async () => {
    let at = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(ctrl) {
        if (at >= bytes.length) return ctrl.close();
        ctrl.enqueue(bytes.subarray(at, at + PIECE));
        at += PIECE;
      },
    });
    return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
  }) as typeof fetch;
}

async function engineRun(bytes: Uint8Array): Promise<number> {
  const entry = catalogEntry('zai');
  let deltas = 0;
  const r = await runChat({
    entry,
    baseUrl: 'http://bench.invalid/v1',
    apiKey: 'bench',
    model: 'glm-4.5v',
    thinking: true,
    messages: [{ role: 'user', content: 'Read the receipt' }],
    price: null,
    estimate: { prompt_tokens: 0, usd: null },
    fetch: servingFetch(bytes),
    onEvent: (e) => {
      if (e.type === 'delta') deltas++;
    },
  });
  if (r.error) throw new Error(`engine run failed: ${r.error.kind} ${r.error.message}`);
  return deltas;
}

async function normalising() {
  const { bytes, chunks } = recordedStream();
  console.log(
    `\n1. Normalising a ${(bytes.length / 1e6).toFixed(2)} MB stream of ${fmt(chunks)} chunks (${REPS} reps each, alternated, medians)`,
  );
  // Warm both paths up so the JIT has compiled them before anything is timed.
  for (let k = 0; k < 3; k++) {
    bareParse(bytes);
    await engineRun(bytes);
  }
  const bare: number[] = [];
  const engine: number[] = [];
  for (let k = 0; k < REPS; k++) {
    let t = performance.now();
    bareParse(bytes);
    bare.push(performance.now() - t);
    t = performance.now();
    await engineRun(bytes);
    engine.push(performance.now() - t);
  }
  const b = median(bare);
  const e = median(engine);
  const ratio = e / b;
  console.log(`   bare JSON.parse per line: ${b.toFixed(1)} ms  -> ${fmt((chunks / b) * 1000)} events/s`);
  console.log(
    `   engine (runChat: SDK request + SSE parse + normalizer + events): ${e.toFixed(1)} ms  -> ${fmt((chunks / e) * 1000)} events/s`,
  );
  console.log(`   engine / bare: ${ratio.toFixed(2)}x   (goal <= 2x: ${ratio <= 2 ? 'PASS' : 'MISS'})`);
}

// ---------- CLI start-up ----------
async function cliStartup() {
  let arrival = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(`data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: 'ok' }, finish_reason: 'stop' }] })}\n\n`);
      res.end('data: [DONE]\n\n');
    });
  });
  // The first byte of the request on the socket, before HTTP parsing: what "first request byte" means.
  server.on('connection', (socket) => socket.once('data', () => (arrival ||= performance.now())));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const dataDir = mkdtempSync(join(tmpdir(), 'glimpse-bench-'));
  const ask = ['ask', '--base-url', `http://127.0.0.1:${port}/v1`, '--model', 'm', '--thinking', 'off', '--json', 'hi'];
  // The built CLI as such, and through bin/glimpse.js (what `npx glimpse` runs: it adds Node's compile cache).
  const entries = ['dist/cli/glimpse.mjs', 'bin/glimpse.js'];
  const times: Record<string, number[]> = Object.fromEntries(entries.map((e) => [e, []]));
  const launch = async (entry: string): Promise<number> => {
    arrival = 0;
    const t0 = performance.now();
    const child = spawn(process.execPath, [entry, ...ask], {
      env: { PATH: process.env.PATH, GLIMPSE_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    const code = await new Promise<number | null>((r) => child.on('close', r));
    if (code !== 0 || !arrival) throw new Error(`CLI run failed (exit ${code}): ${out}`);
    return arrival - t0;
  };
  // The first launch also creates and migrates the data dir's database (and fills the compile cache): apart.
  const first = await launch('bin/glimpse.js');
  for (let k = 0; k < CLI_RUNS; k++) for (const e of entries) times[e].push(await launch(e));
  server.close();
  rmSync(dataDir, { recursive: true, force: true });
  console.log(
    `\n2. CLI start-up to first request byte (node ${process.version}, ${CLI_RUNS} runs each, alternated, existing data dir)`,
  );
  for (const [entry, xs] of Object.entries(times)) {
    const m = median(xs);
    console.log(
      `   ${entry}: median ${m.toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)})  goal <= 300 ms: ${m <= 300 ? 'PASS' : 'MISS'}`,
    );
  }
  console.log(`   first run with a new data dir: ${first.toFixed(0)} ms`);
}

await normalising();
await cliStartup();
