/**
 * iPhone photos (HEIC) and AVIF were taken for MP4 video because only `ftyp` was read. The brands decide now, and
 * both decode: AVIF through libvips, HEIC through libheif compiled to WebAssembly (heic-decode), offline.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { toFailure } from '../../../../electron/host/failure.ts';
import { prepareImage } from '../../../../electron/host/media/image-prep.ts';
import { ftypBrands, sniff } from '../../../../electron/host/media/sniff.ts';
import { useTestHosts } from '../test-host.ts';

const hosts = useTestHosts('glimpse-heic-');
/** 96x64, left half red, right half blue. */
const heic = () => readFileSync(join(import.meta.dirname, '../../../fixtures/media/photo-96x64.heic'));

/** An `ftyp` box with these brands, then filler: what the first bytes of such a file look like. */
function ftyp(major: string, ...compatible: string[]): Uint8Array {
  const size = 16 + 4 * compatible.length;
  const b = Buffer.alloc(size + 16);
  b.writeUInt32BE(size, 0);
  b.write('ftyp', 4, 'latin1');
  b.write(major, 8, 'latin1');
  compatible.forEach((c, i) => b.write(c, 16 + 4 * i, 'latin1'));
  return b;
}

/** Whether the left half of a sent JPEG is red and the right half blue (mean colour of each half). */
async function halves(dataUrl: string) {
  const { data, info } = await sharp(Buffer.from(dataUrl.split(',')[1], 'base64'))
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const mean = (x0: number, x1: number) => {
    const sum = [0, 0, 0];
    for (let y = 0; y < info.height; y++)
      for (let x = x0; x < x1; x++) for (let c = 0; c < 3; c++) sum[c] += data[(y * info.width + x) * 3 + c];
    return sum.map((v) => v / ((x1 - x0) * info.height));
  };
  const [l, r] = [mean(0, info.width / 2 - 4), mean(info.width / 2 + 4, info.width)];
  return { leftRed: l[0] > 150 && l[2] < 80, rightBlue: r[2] > 150 && r[0] < 80 };
}

describe('ISO-BMFF brands', () => {
  it('tells HEIC and AVIF stills from MP4 and MOV by the major and compatible brands', () => {
    expect(ftypBrands(heic())).toEqual(['heic', 'mif1', 'heic', 'miaf']);
    expect(sniff(heic())).toEqual({ kind: 'image', mime: 'image/heic' });
    expect(sniff(ftyp('heix', 'mif1'))).toEqual({ kind: 'image', mime: 'image/heic' });
    expect(sniff(ftyp('mif1', 'heic', 'miaf'))).toEqual({ kind: 'image', mime: 'image/heic' });
    expect(sniff(ftyp('avif', 'mif1', 'miaf'))).toEqual({ kind: 'image', mime: 'image/avif' });
    expect(sniff(ftyp('msf1', 'avis'))).toEqual({ kind: 'image', mime: 'image/avif' });
    expect(sniff(ftyp('mif1', 'miaf'))).toEqual({ kind: 'image', mime: 'image/heif' });
    expect(sniff(ftyp('isom', 'iso2', 'avc1', 'mp41'))).toEqual({ kind: 'video', mime: 'video/mp4' });
    // An MP4 that also lists an image brand among many is still a video: the major brand decides.
    expect(sniff(ftyp('mp42', 'isom', 'heic'))).toEqual({ kind: 'video', mime: 'video/mp4' });
    expect(sniff(ftyp('qt  '))).toEqual({ kind: 'video', mime: 'video/quicktime' });
  });
});

describe('HEIC and AVIF photos', () => {
  it('stores an iPhone-style HEIC as an image and sends it as a JPEG, colours where they were', async () => {
    const info = await hosts.newHost().methods.putAttachment({ name: 'IMG_0001.HEIC', mime: '', bytes: heic() });
    expect([info.kind, info.mime, info.width, info.height, info.notice]).toEqual(['image', 'image/heic', 96, 64, undefined]);
    const sent = await prepareImage(heic(), 256, 'IMG_0001.HEIC');
    expect([sent.width, sent.height]).toEqual([84, 56]);
    expect(await halves(sent.dataUrl)).toEqual({ leftRed: true, rightBlue: true });
  });

  it('stores an AVIF as an image and sends it as a JPEG', async () => {
    const avif = await sharp(Buffer.alloc(96 * 64 * 3), { raw: { width: 96, height: 64, channels: 3 } })
      .composite([
        { input: { create: { width: 48, height: 64, channels: 3, background: '#dc2814' } }, left: 0, top: 0 },
        { input: { create: { width: 48, height: 64, channels: 3, background: '#1428dc' } }, left: 48, top: 0 },
      ])
      .avif()
      .toBuffer();
    const info = await hosts.newHost().methods.putAttachment({ name: 'photo.avif', mime: '', bytes: avif });
    expect([info.kind, info.mime, info.width, info.height]).toEqual(['image', 'image/avif', 96, 64]);
    const sent = await prepareImage(avif, 256, 'photo.avif');
    expect(await halves(sent.dataUrl)).toEqual({ leftRed: true, rightBlue: true });
  });

  it('refuses a HEIC with its data cut off, naming the file', async () => {
    try {
      await hosts.newHost().methods.putAttachment({ name: 'cut.heic', mime: '', bytes: heic().subarray(0, 200) });
      throw new Error('accepted');
    } catch (e) {
      const f = toFailure(e);
      expect(f.kind).toBe('bad-input');
      expect(f.message).toMatch(/^“cut\.heic” could not be read: the HEIC file is damaged \(.+\)\.$/);
    }
  });
});
