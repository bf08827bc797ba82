/**
 * The batch half of the bridge through a host with its door (as the app and the browser shell call it): plan,
 * start, `batch` events with progress, the file table, export, and a batch a quit left unfinished.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHost } from '../../../../electron/host/host.ts';
import { FileKeyStore } from '../../../../electron/host/key-store.ts';
import type { BatchEvent } from '../../../../shared/batch/types.ts';
import { type FakeBatchProvider, startFakeBatchProvider } from '../../../fixtures/fake-batch-provider.ts';

let dir: string;
let scans: string;
let fake: FakeBatchProvider;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'glimpse-batch-methods-'));
  scans = join(dir, 'scans');
  mkdirSync(scans);
  for (let i = 0; i < 3; i++)
    await sharp({ create: { width: 40 + i, height: 40, channels: 3, background: '#888' } })
      .png()
      .toFile(join(scans, `p${i}.png`));
  fake = await startFakeBatchProvider({ latencyMs: 30 });
});
afterAll(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('batch bridge methods', () => {
  it('plans, runs with progress events, lists the files and exports the results', async () => {
    const data = join(dir, 'data');
    mkdirSync(data);
    const host = createHost({ dataDir: data, keys: new FileKeyStore(data), shell: 'browser', env: {} });
    try {
      const p = host.providers.save({ catalogId: 'zai', name: 'Fake', baseUrl: fake.url, model: 'glm-4.5v', apiKey: 'k' });
      const plan = await host.methods.planBatch({
        inputs: [scans],
        prompt: 'Read',
        providerId: p.id,
        thinking: false,
        outDir: join(dir, 'out'),
      });
      expect(plan).toMatchObject({ found: { files: 3, images: 3 }, counts: { pending: 3 }, estimate: { files: 3 } });
      expect(plan.estimate.usd_high).toBeGreaterThan(0);
      const events: BatchEvent[] = [];
      const ended = new Promise<void>((resolve) =>
        host.subscribe((e) => {
          if (e.channel !== 'batch') return;
          events.push(e.event);
          if (e.event.type === 'end') resolve();
        }),
      );
      await host.methods.startBatch(plan.batchId);
      await ended;
      expect(events.filter((e) => e.type === 'progress').at(-1)).toMatchObject({ counts: { done: 3 } });
      const items = await host.methods.getBatchItems({ batchId: plan.batchId });
      expect(items.map((i) => i.status)).toEqual(['done', 'done', 'done']);
      expect(items[0]).toMatchObject({ name: 'p0', completion_tokens: expect.any(Number), cost_usd: expect.any(Number) });
      const jsonl = await host.methods.exportBatch({ batchId: plan.batchId, format: 'jsonl' });
      expect(jsonl.data.trim().split('\n')).toHaveLength(3);
      const zip = await host.methods.exportBatch({ batchId: plan.batchId, format: 'zip' });
      expect(Object.keys(unzipSync(Buffer.from(zip.data, 'base64'))).sort()).toEqual([
        'p0.md',
        'p1.md',
        'p2.md',
        'results.jsonl',
        'summary.json',
      ]);
      expect(await host.methods.interruptedBatches()).toEqual([]);
      await expect(
        host.methods.planBatch({
          inputs: [scans],
          prompt: 'x',
          providerId: p.id,
          thinking: false,
          outDir: join(dir, 'out2'),
          schema: '{"type": 5}',
        }),
      ).rejects.toThrow(/not a valid JSON Schema/);
    } finally {
      host.close();
    }
  });

  it('offers to resume a batch a quit left unfinished', async () => {
    const data = join(dir, 'data2');
    mkdirSync(data);
    const host = createHost({ dataDir: data, keys: new FileKeyStore(data), shell: 'browser', env: {} });
    try {
      const p = host.providers.save({ catalogId: 'zai', name: 'Fake', baseUrl: fake.url, model: 'glm-4.5v', apiKey: 'k' });
      const plan = await host.methods.planBatch({
        inputs: [scans],
        prompt: 'Read',
        providerId: p.id,
        thinking: false,
        outDir: join(dir, 'out3'),
        concurrency: 1,
      });
      const ended = new Promise<BatchEvent>((resolve) =>
        host.subscribe((e) => {
          if (e.channel === 'batch' && e.event.type === 'file-start')
            void host.methods.stopBatch({ batchId: plan.batchId, cancel: false });
          if (e.channel === 'batch' && e.event.type === 'end') resolve(e.event);
        }),
      );
      await host.methods.startBatch(plan.batchId);
      expect(await ended).toMatchObject({ status: 'stopped' });
      const waiting = await host.methods.interruptedBatches();
      expect(waiting).toEqual([
        expect.objectContaining({
          id: plan.batchId,
          status: 'stopped',
          counts: expect.objectContaining({ done: 1, pending: 2 }),
        }),
      ]);
    } finally {
      host.close();
    }
  });
});
