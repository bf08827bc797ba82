/**
 * `glimpse ask --provider local-ocr` as a person runs it offline: the process runs with every way out to the
 * network made to throw (tests/fixtures/block-net.cjs, preloaded into its worker threads too), reads a scan and a
 * PDF, writes a $0 `local` ledger row, and refuses a missing language or a corrupt file with a clear message.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawScan, RECEIPT_LINES } from '../../fixtures/ocr/draw-scan.ts';
import { letterLines, makeScanPdf } from '../../fixtures/ocr/scan-pdf.ts';
import { bundleCli, dataDirEnv, runNode, type Run } from './run-cli.ts';

const CLI = 'dist/test/glimpse-ocr.mjs';
const BLOCK_NET = resolve('tests/fixtures/block-net.cjs');
let dir: string;
let receipt: string;

beforeAll(async () => {
  await bundleCli(CLI);
  dir = mkdtempSync(join(tmpdir(), 'glimpse-ocr-cli-'));
  receipt = join(dir, 'receipt.png');
  writeFileSync(receipt, drawScan({ lines: RECEIPT_LINES, font: 'latin', size: 32, width: 900 }).png);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function offline(args: string[]): Promise<Run> {
  return runNode(['--require', BLOCK_NET, CLI, ...args], dataDirEnv(join(dir, 'data')));
}

describe('glimpse ask --provider local-ocr, offline', () => {
  it('reads a receipt: text, a line box per line, words with confidences, $0 from source local', async () => {
    const r = await offline(['ask', '--provider', 'local-ocr', '--image', receipt, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.error).toBeNull();
    expect(out.answer).toContain('CORNER BAKERY & CAFE');
    expect(out.answer).toContain('Thank you for visiting!');
    expect(out.cost).toEqual({ usd: 0, source: 'local' });
    expect(out.ocr.languages).toBe('eng');
    const page = out.ocr.pages[0];
    expect(page.lines).toHaveLength(RECEIPT_LINES.length);
    expect(out.boxes).toHaveLength(RECEIPT_LINES.length);
    expect(out.boxes.every((b: { image: number }) => b.image === 0)).toBe(true);
    const word = page.lines[0].words[0];
    expect(word.text).toBe('CORNER');
    expect(word.confidence).toBeGreaterThan(60);
    expect(word.box.x2).toBeGreaterThan(word.box.x1);

    const db = new DatabaseSync(join(dir, 'data', 'glimpse.db'), { readOnly: true });
    const row = db.prepare('SELECT catalog_id, status, cost_usd, cost_source FROM ledger').get();
    db.close();
    expect(row).toEqual({ catalog_id: 'local-ocr', status: 'done', cost_usd: 0, cost_source: 'local' });
  }, 120_000);

  it('reads a PDF: a page with a text layer says so and uses it, a scanned page is read at 300 dpi', async () => {
    const pdf = join(dir, 'report.pdf');
    writeFileSync(pdf, (await makeScanPdf(2, { textPage: true, width: 1240 })).bytes);
    const r = await offline(['ask', '--provider', 'local-ocr', '--pdf', pdf, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.ocr.pages.map((p: { source: string; label: string }) => [p.label, p.source])).toEqual([
      ['page 1', 'text-layer'],
      ['page 2', 'ocr'],
    ]);
    expect(out.answer).toContain('Page 1 has a text layer');
    expect(out.ocr.pages[1].width).toBe(Math.floor((595.28 * 300) / 72));
    expect(out.ocr.pages[1].text).toContain(letterLines(2)[0]);
    // Boxes are the scanned page's lines, on the second image.
    expect(out.boxes.length).toBe(letterLines(2).length);
    expect(out.boxes.every((b: { image: number }) => b.image === 1)).toBe(true);
  }, 120_000);

  it('refuses a language that is not installed, naming the installed ones', async () => {
    const r = await offline(['ask', '--provider', 'local-ocr', '--lang', 'fra', '--image', receipt, '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.error.kind).toBe('bad-input');
    expect(out.error.message).toBe(
      'The OCR language “fra” is not installed. Installed: eng (English), chi_sim (Chinese (Simplified)). Combine them with +, e.g. eng+chi_sim.',
    );
  }, 60_000);

  it('refuses a corrupt file with the message every provider gives', async () => {
    const junk = join(dir, 'scan.png');
    writeFileSync(junk, Buffer.from('this is not a picture at all'));
    const r = await offline(['ask', '--provider', 'local-ocr', '--image', junk, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).error).toMatchObject({
      kind: 'bad-input',
      message: expect.stringMatching(/^“scan\.png” is not an image, PDF or video Glimpse can read/),
    });
  }, 60_000);
});
