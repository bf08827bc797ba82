/**
 * Local OCR's accuracy, measured on scans drawn with known text at known positions: the character error rate of
 * what it reads, and how many of the drawn lines it boxes (IoU >= 0.5 against the ink box of each line).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OcrPool } from '../../../../electron/host/ocr/ocr-pool.ts';
import { recognizeImage } from '../../../../electron/host/ocr/recognize.ts';
import { linesOf, plainText } from '../../../../shared/ocr/ocr-result.ts';
import { characterErrorRate, lineBoxRecall } from '../../../../shared/ocr/ocr-metrics.ts';
import { CHINESE_LINES, drawScan, RECEIPT_LINES } from '../../../fixtures/ocr/draw-scan.ts';

const dir = mkdtempSync(join(tmpdir(), 'glimpse-ocr-accuracy-'));
const pool = new OcrPool({ dataDir: dir, size: 1 });
afterAll(async () => {
  await pool.close();
  rmSync(dir, { recursive: true, force: true });
});

async function read(scan: ReturnType<typeof drawScan>, langs: string) {
  const page = await pool.run(langs, (w) => recognizeImage(w, scan, { image: 0, label: null }));
  const truth = scan.lines.map((l) => l.text).join('\n');
  return {
    page,
    cer: characterErrorRate(truth, plainText(page)),
    recall: lineBoxRecall(
      scan.lines.map((l) => l.box),
      linesOf(page).map((l) => l.box),
    ),
  };
}

describe('Local OCR accuracy', () => {
  it('reads an English receipt with a CER of at most 2% and boxes at least 95% of its lines', async () => {
    const scan = drawScan({ lines: RECEIPT_LINES, font: 'latin', size: 32, width: 900 });
    const { page, cer, recall } = await read(scan, 'eng');
    expect(linesOf(page).length).toBe(RECEIPT_LINES.length);
    expect(cer).toBeLessThanOrEqual(0.02);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  }, 120_000);

  it('reads a page of Simplified Chinese with a CER of at most 5% and boxes at least 95% of its lines', async () => {
    const scan = drawScan({ lines: CHINESE_LINES, font: 'cjk', size: 36, width: 1200 });
    const { cer, recall } = await read(scan, 'chi_sim');
    expect(cer).toBeLessThanOrEqual(0.05);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  }, 120_000);
});
