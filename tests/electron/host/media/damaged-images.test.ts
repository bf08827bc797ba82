/**
 * Damage every viewer shrugs off: a download cut short, junk before the JPEG header, an Ultra HDR JPEG. Glimpse
 * reads what is there, sends it, and says the file was damaged; a file with nothing readable is still refused.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { toFailure } from '../../../../electron/host/failure.ts';
import { DecodeFailure, DecodePool } from '../../../../electron/host/media/decode-pool.ts';
import { prepareImage } from '../../../../electron/host/media/image-prep.ts';
import { useTestHosts } from '../test-host.ts';

const hosts = useTestHosts('glimpse-damaged-');

/** A noisy picture, so the compressed data is long and a cut lands in the middle of it. */
async function noisy(format: 'jpeg' | 'png', width = 400, height = 300): Promise<Buffer> {
  const px = Buffer.alloc(width * height * 3);
  let x = 12345;
  for (let i = 0; i < px.length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    px[i] = (x >> 16) & 0xff;
  }
  return sharp(px, { raw: { width, height, channels: 3 } })
    .toFormat(format)
    .toBuffer();
}

const decodedSize = async (dataUrl: string) => {
  const meta = await sharp(Buffer.from(dataUrl.split(',')[1], 'base64')).metadata();
  return [meta.format, meta.width, meta.height];
};

describe('damaged images', () => {
  it('reads a JPEG cut short, sends it, and says it is damaged', async () => {
    const whole = await noisy('jpeg');
    const cut = whole.subarray(0, Math.floor(whole.length * 0.6));
    const host = hosts.newHost();
    const info = await host.methods.putAttachment({ name: 'cut.jpg', mime: 'image/jpeg', bytes: cut });
    expect([info.kind, info.width, info.height]).toEqual(['image', 400, 300]);
    expect(info.notice).toBe('“cut.jpg” is damaged (premature end of JPEG image); what could be read is sent.');
    const sent = await prepareImage(cut, 256, 'cut.jpg');
    expect(sent.damaged).toBe('premature end of JPEG image');
    expect(await decodedSize(sent.dataUrl)).toEqual(['jpeg', sent.width, sent.height]);
  });

  it('reads a PNG cut short', async () => {
    const whole = await noisy('png');
    const cut = whole.subarray(0, Math.floor(whole.length * 0.7));
    const info = await hosts.newHost().methods.putAttachment({ name: 'cut.png', mime: '', bytes: cut });
    expect([info.kind, info.mime, info.width, info.height]).toEqual(['image', 'image/png', 400, 300]);
    expect(info.notice).toMatch(/^“cut\.png” is damaged \(.+\); what could be read is sent\.$/);
  });

  it('skips junk before the JPEG header, and says so', async () => {
    const jpeg = await noisy('jpeg', 120, 80);
    const bytes = Buffer.concat([Buffer.from('Content-Type: image/jpeg\r\n\r\n'.padEnd(500, '#')), jpeg]);
    const info = await hosts.newHost().methods.putAttachment({ name: 'mail.jpg', mime: '', bytes });
    expect([info.kind, info.mime, info.width, info.height]).toEqual(['image', 'image/jpeg', 120, 80]);
    expect(info.notice).toBe('“mail.jpg” is damaged (500 bytes of junk came before the image); what could be read is sent.');
    const sent = await prepareImage(bytes, 256, 'mail.jpg');
    expect(await decodedSize(sent.dataUrl)).toEqual(['jpeg', 112, 56]);
  });

  it('reads a GIF whose data happens to hold a JPEG start marker as the GIF it is', async () => {
    const gif = Buffer.from(
      await sharp({ create: { width: 30, height: 20, channels: 3, background: '#3b6fd8' } })
        .gif()
        .toBuffer(),
    );
    // A comment extension carrying FF D8 FF, inserted after the header and logical screen descriptor.
    const at = 13 + (gif[10] & 0x80 ? 3 * 2 ** ((gif[10] & 7) + 1) : 0);
    const comment = Buffer.from([0x21, 0xfe, 0x03, 0xff, 0xd8, 0xff, 0x00]);
    const bytes = Buffer.concat([gif.subarray(0, at), comment, gif.subarray(at)]);
    const info = await hosts.newHost().methods.putAttachment({ name: 'odd.gif', mime: '', bytes });
    expect([info.mime, info.width, info.height, info.notice]).toEqual(['image/gif', 30, 20, undefined]);
  });

  it('reads an Ultra HDR JPEG (a gain map after the picture)', async () => {
    const bytes = readFileSync(join(import.meta.dirname, '../../../fixtures/media/ultrahdr.jpg'));
    const info = await hosts.newHost().methods.putAttachment({ name: 'hdr.jpg', mime: '', bytes });
    expect([info.kind, info.mime]).toEqual(['image', 'image/jpeg']);
    expect(info.width! * info.height!).toBeGreaterThan(0);
    const sent = await prepareImage(bytes, 256, 'hdr.jpg');
    expect(await decodedSize(sent.dataUrl)).toEqual(['jpeg', sent.width, sent.height]);
  });

  it('gives a clean file no notice, and still refuses a header with nothing after it, naming the file', async () => {
    const host = hosts.newHost();
    const clean = await host.methods.putAttachment({ name: 'clean.png', mime: '', bytes: await noisy('png', 40, 30) });
    expect(clean.notice).toBeUndefined();
    const jpeg = await noisy('jpeg', 40, 30);
    try {
      await host.methods.putAttachment({ name: 'stub.jpg', mime: '', bytes: jpeg.subarray(0, 40) });
      throw new Error('accepted');
    } catch (e) {
      expect(toFailure(e)).toEqual({
        kind: 'bad-input',
        message: '“stub.jpg” could not be read: the file is damaged or not an image.',
        // The same refusal as a code, for a window in another language.
        summary: {
          code: 'image.damaged',
          params: { name: 'stub.jpg' },
          message: '“stub.jpg” could not be read: the file is damaged or not an image.',
        },
      });
    }
  });

  it('refuses at once a header claiming far more pixels than the file can hold (it took minutes to fill them in)', async () => {
    const png = Buffer.from(await noisy('png', 24, 16));
    png.writeUInt32BE(9_849_368, 16); // IHDR width
    const failure = await hosts
      .newHost()
      .methods.putAttachment({ name: 'wide.png', mime: '', bytes: png })
      .then(() => null, toFailure);
    expect(failure).toMatchObject({
      kind: 'bad-input',
      message: `“wide.png” could not be read: its header claims 9849368x16 pixels, far more than its ${png.length} bytes can hold.`,
      summary: { code: 'image.unreadable', params: { name: 'wide.png' } },
    });
  });
});

describe('the decode child', () => {
  it('is stopped when a decode takes longer than its time limit, the file refused by name, and the next one gets a new child', async () => {
    const pool = new DecodePool({ timeoutMs: 20 });
    try {
      const png = await noisy('png', 400, 300);
      await expect(pool.probe(png)).rejects.toThrow(
        new DecodeFailure('crashed', 'took more than 0.02 s to decode and was stopped; the file is damaged or not a real image'),
      );
      expect(pool.spawned).toBe(1);
      await expect(pool.probe(png)).rejects.toThrow(/took more than/);
      expect(pool.spawned).toBe(2);
    } finally {
      pool.close();
    }
  });
});
