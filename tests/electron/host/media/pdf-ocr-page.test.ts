/**
 * Local OCR's PDF pages are taken in the decode child, not in the host process: its text layer when it has one,
 * else the page drawn at 300 dpi; a damaged file and a page that does not exist are refused naming the file.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DecodePool } from '../../../../electron/host/media/decode-pool.ts';
import { makeScanPdf } from '../../../fixtures/ocr/scan-pdf.ts';

const dir = mkdtempSync(join(tmpdir(), 'glimpse-pdf-ocr-page-'));
const pool = new DecodePool({ size: 1 });
afterAll(() => {
  pool.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('PDF pages for Local OCR in the decode child', () => {
  it('gives a text layer as text and draws a scanned page at 300 dpi, one child for both', async () => {
    const path = join(dir, 'report.pdf');
    writeFileSync(path, (await makeScanPdf(2, { textPage: true, width: 1240 })).bytes);
    const req = { path, dpi: 300, minTextChars: 16, name: '“report.pdf”' };
    const text = await pool.pdfPageForOcr({ ...req, page: 1 });
    expect(text.text).toContain('Quarterly report, page 1');
    const scan = await pool.pdfPageForOcr({ ...req, page: 2 });
    expect(scan.text).toBeNull();
    if (scan.text !== null) return;
    // A4 is 595.28 x 841.89 pt: at 300 dpi, 2480 x 3507 px (whole pixels, rounded down).
    expect([scan.width, scan.height]).toEqual([2480, 3507]);
    expect(Buffer.from(scan.png.subarray(1, 4)).toString()).toBe('PNG');
    expect(pool.spawned).toBe(1);
    await expect(pool.pdfPageForOcr({ ...req, page: 3 })).rejects.toThrow('“report.pdf” has no page 3 (it has 2).');
  }, 60_000);

  it('refuses a damaged PDF naming it', async () => {
    const path = join(dir, 'broken.pdf');
    writeFileSync(path, '%PDF-1.7\nthis is not a PDF body');
    await expect(pool.pdfPageForOcr({ path, page: 1, dpi: 300, minTextChars: 16, name: '“broken.pdf”' })).rejects.toThrow(
      /^“broken\.pdf” (is damaged or not a PDF|could not be opened)/,
    );
  }, 30_000);
});
