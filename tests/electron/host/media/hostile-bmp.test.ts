/**
 * Any file starting "BM" used to crash the whole host inside Skia's BMP decoder. Now the headers are checked first,
 * the decoder refuses what it cannot read, and decoding happens in a child process: the host answers `bad-input`
 * naming the file, and lives on to read the next image.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBmpHeader } from '../../../../electron/host/media/bmp-header.ts';
import { decoder } from '../../../../electron/host/media/decode-pool.ts';
import { toFailure } from '../../../../electron/host/failure.ts';
import { useTestHosts } from '../test-host.ts';
import { makeImageAs } from '../../../fixtures/media/make-media.ts';

const suite = join(import.meta.dirname, '../../../fixtures/media/bmpsuite');
const hosts = useTestHosts('glimpse-bmp-');

async function refusalOf(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    return toFailure(e);
  }
  throw new Error('the upload was accepted');
}

describe('hostile BMPs', () => {
  it('refuses a 3-byte "BM" file with bad-input naming it, and still reads the next image', async () => {
    const host = hosts.newHost();
    const failure = await refusalOf(
      host.methods.putAttachment({ name: 'three.bmp', mime: 'image/bmp', bytes: new Uint8Array([0x42, 0x4d, 0x78]) }),
    );
    expect(failure.kind).toBe('bad-input');
    expect(failure.message).toBe('“three.bmp” is not a valid BMP: it is 3 bytes, shorter than a BMP header.');
    const good = await host.methods.putAttachment({
      name: 'ok.bmp',
      mime: 'image/bmp',
      bytes: readFileSync(await makeImageAs('hostile-ok.bmp', 'bmp', 64, 48)),
    });
    expect([good.kind, good.mime, good.width, good.height]).toEqual(['image', 'image/bmp', 64, 48]);
  });

  for (const [file, problem] of [
    ['b-badbitcount.bmp', 'is not a valid BMP: its bit depth (30000) is not one BMP uses'],
    ['b-badwidth.bmp', "is not a valid BMP: its size (-127x64) is not a picture's"],
    ['b-reallybig.bmp', 'is not a valid BMP: its size (3000000x2000000) is beyond any real picture'],
  ] as const) {
    it(`refuses bmpsuite's ${file}: ${problem}`, async () => {
      const host = hosts.newHost();
      const failure = await refusalOf(
        host.methods.putAttachment({ name: file, mime: '', bytes: readFileSync(join(suite, file)) }),
      );
      const message = `“${file}” ${problem}.`;
      expect(failure).toEqual({
        kind: 'bad-input',
        message,
        summary: { code: 'image.unreadable', params: { name: file, reason: problem }, message },
      });
    });
  }

  it('reads the damaged but readable bmpsuite files as every viewer does (RLE past the end, truncated, OS/2 header)', async () => {
    const host = hosts.newHost();
    for (const file of ['b-badrle.bmp', 'b-shortfile.bmp', 'g-pal8os2.bmp', 'g-pal4rle.bmp']) {
      const info = await host.methods.putAttachment({ name: file, mime: '', bytes: readFileSync(join(suite, file)) });
      expect([file, info.kind, info.width, info.height]).toEqual([file, 'image', 127, 64]);
    }
  });
});

describe('checkBmpHeader', () => {
  const header = (
    over: Partial<Record<'fileSize' | 'offset' | 'dib' | 'width' | 'height' | 'bpp' | 'compression', number>> = {},
    length = 200,
  ) => {
    const b = new Uint8Array(length);
    const v = new DataView(b.buffer);
    b[0] = 0x42;
    b[1] = 0x4d;
    v.setUint32(2, over.fileSize ?? length, true);
    v.setUint32(10, over.offset ?? 54, true);
    v.setUint32(14, over.dib ?? 40, true);
    v.setInt32(18, over.width ?? 4, true);
    v.setInt32(22, over.height ?? 4, true);
    v.setUint16(26, 1, true);
    v.setUint16(28, over.bpp ?? 24, true);
    v.setUint32(30, over.compression ?? 0, true);
    return b;
  };

  it('passes a sane header and names the first insane field', () => {
    expect(checkBmpHeader(header())).toEqual({ width: 4, height: 4, bitsPerPixel: 24 });
    expect(checkBmpHeader(header({ height: -4 }))).toEqual({ width: 4, height: 4, bitsPerPixel: 24 });
    expect(checkBmpHeader(header({ dib: 41 }))).toEqual({ problem: 'its DIB header size (41) is not one BMP uses' });
    expect(checkBmpHeader(header({ fileSize: 20 }))).toEqual({ problem: 'its file size field (20) is smaller than its header' });
    expect(checkBmpHeader(header({ width: 0 }))).toEqual({ problem: "its size (0x4) is not a picture's" });
    expect(checkBmpHeader(header({ width: 40_000 }))).toEqual({ problem: 'its size (40000x4) is beyond any real picture' });
    expect(checkBmpHeader(header({ bpp: 7 }))).toEqual({ problem: 'its bit depth (7) is not one BMP uses' });
    expect(checkBmpHeader(header({ compression: 4 }))).toEqual({ problem: 'its compression (4) is not supported' });
    expect(checkBmpHeader(header({ offset: 200 }))).toEqual({ problem: 'its pixel data offset (200) is outside the file' });
    expect(checkBmpHeader(header({ offset: 20 }))).toEqual({ problem: 'its pixel data offset (20) is outside the file' });
    expect(checkBmpHeader(header({}, 40))).toEqual({ problem: 'it ends inside its header' });
  });
});

describe('the decode child', () => {
  it('dies alone: a decoder crash mid-image is bad-input naming the file, and the next image is read by a new child', async () => {
    const host = hosts.newHost();
    const bytes = readFileSync(await makeImageAs('hostile-big.png', 'png', 3000, 2000));
    const put = host.methods.putAttachment({ name: 'big.png', mime: '', bytes });
    // The request is on its way; the child dies as a native decoder crash would end it.
    const spawned = decoder.spawned;
    process.kill(decoder.pid!, 'SIGSEGV');
    const failure = await refusalOf(put);
    expect(failure).toMatchObject({
      kind: 'bad-input',
      message: '“big.png” made the image decoder crash (SIGSEGV); the file is damaged or not a real image.',
      summary: { code: 'image.unreadable', params: { name: 'big.png' } },
    });
    const again = await host.methods.putAttachment({ name: 'big.png', mime: '', bytes });
    expect([again.width, again.height]).toEqual([3000, 2000]);
    expect(decoder.spawned).toBe(spawned + 1);
  });
});
