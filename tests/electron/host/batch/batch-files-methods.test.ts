/**
 * The Batch view's files in and results out, through a host with its door: uploads staged into a folder a batch
 * reads, a finished file opened as a session with its picture and boxes, and the usage report of one batch.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHost, type Host } from '../../../../electron/host/host.ts';
import { FileKeyStore } from '../../../../electron/host/key-store.ts';
import { type FakeBatchProvider, startFakeBatchProvider } from '../../../fixtures/fake-batch-provider.ts';

let dir: string;
let fake: FakeBatchProvider;
let host: Host;
let providerId: string;
const png = (w: number, colour: string) =>
  sharp({ create: { width: w, height: 40, channels: 3, background: colour } })
    .png()
    .toBuffer();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'glimpse-batch-files-'));
  fake = await startFakeBatchProvider({ answer: () => 'The mark is at <|begin_of_box|>[[100,100,300,300]]<|end_of_box|>.' });
  const data = join(dir, 'data');
  mkdirSync(data);
  host = createHost({ dataDir: data, keys: new FileKeyStore(data), shell: 'browser', env: {} });
  providerId = host.providers.save({ catalogId: 'zai', name: 'Fake', baseUrl: fake.url, model: 'glm-4.5v', apiKey: 'k' }).id;
});
afterAll(async () => {
  host.close();
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Plans and runs a batch over `inputs` to its end. */
async function runBatch(inputs: string[], out: string) {
  const plan = await host.methods.planBatch({ inputs, prompt: 'Where is the mark?', providerId, thinking: false, outDir: out });
  const ended = new Promise<void>((resolve) => {
    const off = host.subscribe((e) => {
      if (e.channel === 'batch' && e.event.type === 'end' && e.event.batchId === plan.batchId) {
        off();
        resolve();
      }
    });
  });
  await host.methods.startBatch(plan.batchId);
  await ended;
  return plan;
}

describe('batch files and results', () => {
  it('stages dropped uploads under their paths, and a batch reads them with their names', async () => {
    const a = await host.methods.putAttachment({
      name: 'a.png',
      mime: 'image/png',
      bytes: new Uint8Array(await png(40, '#a33')),
    });
    const b = await host.methods.putAttachment({
      name: 'b.png',
      mime: 'image/png',
      bytes: new Uint8Array(await png(41, '#3a3')),
    });
    const staged = await host.methods.stageBatchFiles({
      files: [
        { attachmentId: a.id, path: 'receipts/a.png' },
        { attachmentId: b.id, path: 'receipts/2024/b.png' },
      ],
    });
    expect(staged.files).toBe(2);
    expect(readFileSync(join(staged.dir, 'receipts', '2024', 'b.png'))).toEqual(
      Buffer.from((await host.methods.getAttachment(b.id)).bytes),
    );
    const plan = await runBatch([staged.dir], join(dir, 'out-staged'));
    expect(plan.found).toMatchObject({ files: 2, images: 2 });
    const items = await host.methods.getBatchItems({ batchId: plan.batchId });
    expect(items.map((i) => [i.name, i.status])).toEqual([
      ['receipts__2024__b', 'done'],
      ['receipts__a', 'done'],
    ]);
    // A path that would leave the folder is refused at the door; an id never uploaded is named.
    await expect(host.methods.stageBatchFiles({ files: [{ attachmentId: a.id, path: '../a.png' }] })).rejects.toThrow(
      /stageBatchFiles/,
    );
    await expect(host.methods.stageBatchFiles({ files: [{ attachmentId: 'f'.repeat(64), path: 'gone.png' }] })).rejects.toThrow(
      /gone\.png was not uploaded/,
    );
  });

  it("opens a finished file's result as a session with its picture and boxes, once", async () => {
    const scans = join(dir, 'scans');
    mkdirSync(scans);
    await sharp(await png(60, '#338')).toFile(join(scans, 'letter.png'));
    const plan = await runBatch([scans], join(dir, 'out-open'));
    const { sessionId } = await host.methods.openBatchResult({ batchId: plan.batchId, idx: 0 });
    const s = await host.methods.getSession(sessionId);
    expect(s.session.title).toBe('letter');
    expect(s.turns).toHaveLength(1);
    expect(s.turns[0]).toMatchObject({ prompt: 'Where is the mark?', answer: expect.stringContaining('The mark is at') });
    expect(s.turns[0]!.attachments).toHaveLength(1);
    expect(s.turns[0]!.boxes).toHaveLength(1);
    expect(await host.methods.openBatchResult({ batchId: plan.batchId, idx: 0 })).toEqual({ sessionId });
    await expect(host.methods.openBatchResult({ batchId: plan.batchId, idx: 7 })).rejects.toThrow(/No such file/);
  });

  it('reports the usage of one batch, and exports only its rows', async () => {
    const one = join(dir, 'one');
    mkdirSync(one);
    await sharp(await png(70, '#883')).toFile(join(one, 'x.png'));
    const plan = await runBatch([one], join(dir, 'out-usage'));
    const all = await host.methods.getUsage({});
    const mine = await host.methods.getUsage({ batchId: plan.batchId });
    expect(mine.totals.requests).toBe(1);
    expect(all.totals.requests).toBeGreaterThan(1);
    expect(mine.range).toEqual({ from: null, to: null, batchId: plan.batchId });
    expect(mine.by_mode.fast?.requests).toBe(1);
    expect(mine.days).toHaveLength(1);
    const csv = await host.methods.exportLedgerCsv({ batchId: plan.batchId });
    expect(csv.trim().split('\n')).toHaveLength(2);
    expect((await host.methods.getUsage({ batchId: 'no-such-batch' })).totals.requests).toBe(0);
    expect(existsSync(join(dir, 'out-usage', 'x.md'))).toBe(true);
  });
});
