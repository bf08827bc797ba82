/**
 * The OCR pool's warm-up: a worker started in the background (Local OCR picked, a file attached) is the one that
 * reads the next page, with its language loaded once; a request that comes while it is starting waits for it
 * instead of starting another; it idles out like any worker; a closed pool starts nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { OcrPool } from '../../../../electron/host/ocr/ocr-pool.ts';
import { recognizeImage } from '../../../../electron/host/ocr/recognize.ts';
import { plainText } from '../../../../shared/ocr/ocr-result.ts';
import { drawScan, RECEIPT_LINES } from '../../../fixtures/ocr/draw-scan.ts';

const dir = mkdtempSync(join(tmpdir(), 'glimpse-ocr-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const scan = drawScan({ lines: RECEIPT_LINES.slice(0, 3), font: 'latin', size: 32, width: 700 });
const read = (pool: OcrPool) =>
  pool.run('eng', (w) => recognizeImage(w, scan, { image: 0, label: null })).then((p) => plainText(p));

describe('OcrPool.warm', () => {
  it('starts one worker that the next requests reuse, waiting for it while it starts', async () => {
    const pool = new OcrPool({ dataDir: dir, size: 2 });
    try {
      pool.warm('eng');
      pool.warm('eng'); // already starting: nothing more
      // Sent before the warm worker is up: waits for it rather than starting (and loading eng into) a second.
      const first = await read(pool);
      expect(first).toContain(RECEIPT_LINES[0]!);
      await read(pool);
      expect(pool.started).toBe(1);
      expect(pool.workers).toBe(1);
      pool.warm('eng'); // a worker with eng exists
      expect(pool.started).toBe(1);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('ends a warmed worker that stays idle, and starts nothing once closed', async () => {
    const pool = new OcrPool({ dataDir: dir, size: 1, idleMs: 50 });
    pool.warm('eng');
    await vi.waitFor(() => expect(pool.started).toBe(1), { timeout: 30_000, interval: 50 });
    await vi.waitFor(() => expect(pool.workers).toBe(0), { timeout: 10_000, interval: 20 });
    await pool.close();
    pool.warm('eng');
    expect(pool.started).toBe(1);
    await expect(read(pool)).rejects.toThrow('OCR was stopped.');
  }, 60_000);
});
