/**
 * `glimpse batch` as a script uses it: the estimate before anything is sent, --yes, the outputs, a rerun that does
 * nothing twice, an out folder that cannot be written, a bad schema, `--via batch-api` against the fake's files and
 * batches endpoints (resumed by the provider's batch id), and `glimpse usage --batch`.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeBatchProvider, startFakeBatchProvider } from '../../fixtures/fake-batch-provider.ts';
import { runNode } from './run-cli.ts';

let root: string;
let scans: string;
let fake: FakeBatchProvider;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'glimpse-batch-cli-'));
  scans = join(root, 'scans');
  mkdirSync(scans);
  for (let i = 0; i < 4; i++)
    await sharp({ create: { width: 50 + i, height: 30, channels: 3, background: { r: 200, g: i * 50, b: 0 } } })
      .png()
      .toFile(join(scans, `receipt-${i}.png`));
  writeFileSync(join(scans, 'notes.txt'), 'not a scan');
  fake = await startFakeBatchProvider({ answer: () => '```json\n{"total": 12.5}\n```', pollsToComplete: 2 });
});
afterAll(async () => {
  await fake.close();
  rmSync(root, { recursive: true, force: true });
});

function glimpse(args: string[], dataDir: string) {
  return runNode(['electron/cli/glimpse.ts', ...args], {
    PATH: process.env.PATH,
    HOME: dataDir,
    GLIMPSE_DATA_DIR: dataDir,
    GLIMPSE_BATCH_POLL_MS: '20',
  });
}

const provider = () => ['--provider', 'bigmodel', '--base-url', fake.url, '--api-key', 'cli-key', '--thinking', 'off'];

describe('glimpse batch', () => {
  // Each case starts the CLI from TypeScript source a few times: slow on a loaded machine, so generous timeouts.
  it('shows the estimate and sends nothing without --yes when stdin is not a terminal', { timeout: 60_000 }, async () => {
    const data = join(root, 'd1');
    const before = fake.stats.chat;
    const r = await glimpse(['batch', '--in', scans, '--prompt', 'Total?', '--out', join(root, 'o1'), ...provider()], data);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Found 5 file\(s\): 4 image\(s\)/);
    expect(r.stderr).toMatch(/notes\.txt: not an image or PDF/);
    expect(r.stderr).toMatch(/To send: 4 file\(s\), about [\d,]+ prompt tokens/);
    expect(r.stderr).toMatch(/Completion: fast mode: answer only/);
    expect(r.stderr).toMatch(/Cost: \$[\d.]+ to \$[\d.]+ \(at \$0\.6\/\$1\.8 per 1M/);
    expect(r.stderr).toMatch(/pass --yes/);
    expect(fake.stats.chat).toBe(before);
  });

  it('runs with --yes, writes the outputs, and a rerun sends nothing again; usage filters by batch', {
    timeout: 90_000,
  }, async () => {
    const data = join(root, 'd2');
    const out = join(root, 'o2');
    const schema = join(root, 'total.json');
    writeFileSync(schema, JSON.stringify({ type: 'object', properties: { total: { type: 'number' } }, required: ['total'] }));
    const args = ['batch', '--in', scans, '--prompt', 'Total?', '--json-schema', schema, '--out', out, ...provider(), '--yes'];
    const before = fake.stats.accepted;
    const r = await glimpse(args, data);
    expect(r.code).toBe(0);
    expect(fake.stats.accepted - before).toBe(4);
    expect(readdirSync(out).sort()).toEqual([
      'receipt-0.json',
      'receipt-1.json',
      'receipt-2.json',
      'receipt-3.json',
      'results.csv',
      'results.jsonl',
      'summary.json',
    ]);
    expect(readFileSync(join(out, 'results.csv'), 'utf8').split('\r\n')[1]).toMatch(/receipt-0\.png,done,12\.5,true,/);
    const id = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).batch_id as string;
    const again = await glimpse(args, data);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/Already done: 4 file\(s\)/);
    expect(fake.stats.accepted - before).toBe(4);
    const usage = await glimpse(['usage', '--batch', id, '--json'], data);
    expect(JSON.parse(usage.stdout)).toMatchObject({ batch: id, requests: 4 });
  });

  it('refuses an output folder it cannot write before any request', { timeout: 60_000 }, async () => {
    const data = join(root, 'd3');
    const blocker = join(root, 'a-file');
    writeFileSync(blocker, 'x');
    const before = fake.stats.chat;
    const r = await glimpse(
      ['batch', '--in', scans, '--prompt', 'Total?', '--out', join(blocker, 'out'), ...provider(), '--yes'],
      data,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Cannot write to the output folder .*a-file\/out \((ENOTDIR|EEXIST)\)\. Nothing was sent\./);
    expect(fake.stats.chat).toBe(before);
    const bad = join(root, 'bad-schema.json');
    writeFileSync(bad, '{"type": "nope"}');
    const s = await glimpse(
      ['batch', '--in', scans, '--prompt', 'x', '--json-schema', bad, '--out', join(root, 'o3'), ...provider(), '--yes'],
      data,
    );
    expect(s.code).toBe(1);
    expect(s.stderr).toMatch(/bad-schema\.json is not a valid JSON Schema/);
  });

  it('--via batch-api uploads one JSONL, creates one provider batch, polls it and records the batch price', {
    timeout: 90_000,
  }, async () => {
    const data = join(root, 'd4');
    const out = join(root, 'o4');
    const before = { ...fake.stats };
    const r = await glimpse(
      ['batch', '--in', scans, '--prompt', 'Total?', '--out', out, ...provider(), '--via', 'batch-api', '--yes', '--json'],
      data,
    );
    expect(r.code).toBe(0);
    expect(fake.stats.uploads - before.uploads).toBe(1);
    expect(fake.stats.batches - before.batches).toBe(1);
    expect(fake.stats.chat - before.chat).toBe(0);
    const events = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(events[0]).toMatchObject({ type: 'estimate', estimate: { discount: 0.5 } });
    expect(events.at(-1)).toMatchObject({ type: 'summary', status: 'done', counts: { done: 4 } });
    // What the memory was made of, for whoever sizes a machine for a night's batch (and the benchmark).
    const memory = events.at(-1).memory_mb;
    expect(Object.keys(memory).sort()).toEqual(['array_buffers', 'external', 'heap_total', 'heap_used', 'rss']);
    expect(memory.heap_used).toBeLessThanOrEqual(memory.heap_total);
    expect(events.at(-1).peak_rss_mb).toBeGreaterThanOrEqual(memory.rss);
    expect(readFileSync(join(out, 'receipt-2.md'), 'utf8')).toContain('"total": 12.5');
    const usage = JSON.parse((await glimpse(['usage', '--batch', events[0].batchId, '--json'], data)).stdout);
    expect(usage.requests).toBe(4);
    // Billed at half the standard $0.60/$1.80 per 1M tokens.
    const line = JSON.parse(readFileSync(join(out, 'results.jsonl'), 'utf8').split('\n')[0] ?? '{}');
    const full = (line.usage.prompt_tokens * 0.6 + line.usage.completion_tokens * 1.8) / 1e6;
    expect(line.cost.usd).toBeCloseTo(full / 2, 12);
  });
});
