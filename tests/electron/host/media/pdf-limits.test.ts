/**
 * PDFs at the edges on Node: a scan far larger than any one canvas, and AES-256 passwords that are not ASCII.
 */
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { openPdf } from '../../../../electron/host/media/pdf-render.ts';
import { pageFit } from '../../../../shared/media/pages.ts';
import { makeEncryptedPdf, makeHugeScanPdf } from '../../../fixtures/media/make-media.ts';

/** Mean brightness (0-255) of a square of the rendered page, at fractions of its width and height. */
async function brightness(png: Buffer, fx: number, fy: number): Promise<number> {
  const { width, height } = await sharp(png).metadata();
  const side = Math.max(4, Math.round(width! / 40));
  const region = {
    left: Math.round(width! * fx - side / 2),
    top: Math.round(height! * fy - side / 2),
    width: side,
    height: side,
  };
  // stats() reads the input, not the extract: take the region's pixels and average them here.
  const px = await sharp(png).extract(region).removeAlpha().greyscale().raw().toBuffer();
  return px.reduce((sum, v) => sum + v, 0) / px.length;
}

describe('a page too large for one canvas', () => {
  it('a 35,000 px scan is drawn from a reduced copy, at the budget size, with its content', { timeout: 180_000 }, async () => {
    const pdf = await openPdf(readFileSync(await makeHugeScanPdf('host-huge-scan.pdf')), { name: 'huge.pdf' });
    const page = await pdf.renderPage(1, { budget: 1024 });
    await pdf.close();
    const fit = pageFit(8400, 8400, 1024);
    expect([page.width, page.height]).toEqual([fit.width, fit.height]);
    // The scan: a black band across the top quarter and down the left quarter, white elsewhere.
    expect(await brightness(page.png, 0.5, 0.1)).toBeLessThan(40);
    expect(await brightness(page.png, 0.1, 0.6)).toBeLessThan(60);
    expect(await brightness(page.png, 0.6, 0.6)).toBeGreaterThan(215);
  });
});

describe('AES-256 passwords that are not ASCII', () => {
  it('opens revision 6 when the password is typed decomposed (NFD), as SASLprep requires', async () => {
    const bytes = readFileSync(await makeEncryptedPdf('host-umlaut-r6.pdf', 'pässwört'));
    expect((await openPdf(bytes, { password: 'pässwört' })).pageCount).toBe(3);
    expect((await openPdf(bytes, { password: 'pässwört'.normalize('NFD') })).pageCount).toBe(3);
    await expect(openPdf(bytes, { name: 'u.pdf', password: 'passwort' })).rejects.toThrow(
      'u.pdf is encrypted and that password is wrong.',
    );
  });

  it('opens revision 5 (the older AES-256) with its UTF-8 password', async () => {
    const bytes = readFileSync(await makeEncryptedPdf('host-umlaut-r5.pdf', 'pässwört', { r5: true }));
    expect((await openPdf(bytes, { password: 'pässwört' })).pageCount).toBe(3);
  });
});
