/**
 * Thousands of mutated headers of every format Glimpse reads (PNG, JPEG, BMP, GIF, WebP, HEIC, PDF), seeded and
 * so the same on every run: bit flips, truncations, length fields set to extremes. Each goes through
 * AttachmentStore.put and, when accepted, prepareImage; each must be accepted or refused with `bad-input`, and
 * the test process (the host) must live through all of them. Then the real-world corpus's damaged files.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { toFailure } from '../../../../electron/host/failure.ts';
import { decoder } from '../../../../electron/host/media/decode-pool.ts';
import { prepareImage } from '../../../../electron/host/media/image-prep.ts';
import type { Host } from '../../../../electron/host/host.ts';
import { useTestHosts } from '../test-host.ts';

const hosts = useTestHosts('glimpse-fuzz-');
const fixtures = join(import.meta.dirname, '../../../fixtures/media');
const REALWORLD = process.env.GLIMPSE_REALWORLD_MEDIA ?? '/work/shared/realworld-media';

/** mulberry32: a small seeded PRNG, so every run feeds the same mutants. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EXTREMES = [0, 1, 0x7fffffff, 0xffffffff, 0x80000000, 0xffff, 0x10000];

/** One mutant of `seed`: its header region (first 128 bytes) is where parsers trust lengths and sizes. */
function mutate(seed: Uint8Array, rnd: () => number): Uint8Array {
  const b = new Uint8Array(seed);
  const header = Math.min(b.length, 128);
  const at = () => Math.floor(rnd() * header);
  switch (Math.floor(rnd() * 4)) {
    case 0: {
      const flips = 1 + Math.floor(rnd() * 8);
      for (let i = 0; i < flips; i++) b[at()] ^= 1 << Math.floor(rnd() * 8);
      return b;
    }
    case 1:
      return b.subarray(0, Math.floor(rnd() * b.length));
    case 2: {
      // A 32-bit length, size or offset field set to an extreme, big- or little-endian.
      const i = Math.min(at(), b.length - 4);
      const v = EXTREMES[Math.floor(rnd() * EXTREMES.length)];
      new DataView(b.buffer).setUint32(i, v, rnd() < 0.5);
      return b;
    }
    default: {
      // A 16-bit field (JPEG segment lengths, BMP bit depth, GIF sizes) set to an extreme, then truncated a little.
      const i = Math.min(at(), b.length - 2);
      new DataView(b.buffer).setUint16(i, rnd() < 0.5 ? 0xffff : Math.floor(rnd() * 0x10000), rnd() < 0.5);
      return b.subarray(0, b.length - Math.floor(rnd() * 16));
    }
  }
}

/** A 24-bit BMP written by hand (sharp writes none). */
function bmp(width: number, height: number): Uint8Array {
  const row = Math.ceil((width * 3) / 4) * 4;
  const b = Buffer.alloc(54 + row * height, 0x80);
  b.write('BM', 0, 'latin1');
  b.writeUInt32LE(b.length, 2);
  b.writeUInt32LE(54, 10);
  b.writeUInt32LE(40, 14);
  b.writeInt32LE(width, 18);
  b.writeInt32LE(height, 22);
  b.writeUInt16LE(1, 26);
  b.writeUInt16LE(24, 28);
  b.writeUInt32LE(0, 30);
  b.writeUInt32LE(row * height, 34);
  return b;
}

const MINIMAL_PDF = `%PDF-1.4
1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj
2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj
3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 100]>>endobj
trailer<</Root 1 0 R>>
%%EOF`;

let seeds: Record<string, Uint8Array>;
beforeAll(async () => {
  const base = sharp({ create: { width: 24, height: 16, channels: 3, background: '#3b6fd8' } });
  const enc = async (f: 'png' | 'jpeg' | 'gif' | 'webp') => new Uint8Array(await base.clone().toFormat(f).toBuffer());
  seeds = {
    png: await enc('png'),
    jpeg: await enc('jpeg'),
    gif: await enc('gif'),
    webp: await enc('webp'),
    bmp: bmp(24, 16),
    heic: new Uint8Array(readFileSync(join(fixtures, 'photo-96x64.heic'))),
    pdf: new Uint8Array(Buffer.from(MINIMAL_PDF, 'latin1')),
  };
});

/** 'ok' or 'bad-input'; anything else (an internal error) is returned as its message, to fail the test with. */
async function outcome(host: Host, name: string, bytes: Uint8Array): Promise<string> {
  try {
    const info = await host.attachments.put({ name, mime: '', bytes });
    if (info.kind === 'image') await prepareImage(bytes, 256, name);
    return 'ok';
  } catch (e) {
    const f = toFailure(e);
    return f.kind === 'bad-input' && f.message.includes(name) ? 'bad-input' : `${f.kind}: ${f.message}`;
  }
}

describe('mutated headers', () => {
  const PER_FORMAT = 250;
  it(`accepts or refuses with bad-input every one of ${PER_FORMAT} mutants per format, and the host lives`, async () => {
    const host = hosts.newHost();
    const spawnedBefore = decoder.spawned;
    const tally: Record<string, Record<string, number>> = {};
    const odd: string[] = [];
    for (const [format, seed] of Object.entries(seeds)) {
      const rnd = prng(0x5eed + format.length * 7919 + format.charCodeAt(0));
      tally[format] = {};
      for (let i = 0; i < PER_FORMAT; i++) {
        const name = `${format}-${i}.bin`;
        const result = await outcome(host, name, mutate(seed, rnd));
        const key = result === 'ok' || result === 'bad-input' ? result : 'other';
        tally[format][key] = (tally[format][key] ?? 0) + 1;
        if (key === 'other') odd.push(`${name}: ${result}`);
      }
    }
    const spawned = decoder.spawned - spawnedBefore;
    console.log(`fuzz: ${JSON.stringify(tally)}; decode children started: ${spawned}`);
    expect(odd).toEqual([]);
    // Both outcomes occur for every format: the mutants really reach the decoders.
    for (const [format, t] of Object.entries(tally)) expect([format, t.ok > 0, t['bad-input'] > 0]).toEqual([format, true, true]);
  }, 120_000);
});

describe('damaged files from the real world', () => {
  it('the committed bmpsuite files: each accepted or refused with bad-input', async () => {
    const host = hosts.newHost();
    const dir = join(fixtures, 'bmpsuite');
    const results = [];
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.bmp')))
      results.push([f, await outcome(host, f, readFileSync(join(dir, f)))]);
    expect(results.filter(([, r]) => r !== 'ok' && r !== 'bad-input')).toEqual([]);
    expect(results.filter(([f]) => f.startsWith('g-')).every(([, r]) => r === 'ok')).toBe(true);
  });

  it.skipIf(!existsSync(REALWORLD))(
    'the corpus images (Pillow, PngSuite, libwebp, EXIF): each accepted or refused with bad-input',
    async () => {
      const host = hosts.newHost();
      const files: string[] = [];
      const walk = (d: string) => {
        for (const e of readdirSync(d, { withFileTypes: true })) {
          if (e.isDirectory()) walk(join(d, e.name));
          else if (/\.(png|jpe?g|gif|webp|bmp)$/i.test(e.name)) files.push(join(d, e.name));
        }
      };
      for (const sub of ['pillow', 'pngsuite', 'libwebp', 'exif'])
        if (existsSync(join(REALWORLD, sub))) walk(join(REALWORLD, sub));
      const odd = [];
      for (const f of files) {
        const name = f.slice(REALWORLD.length + 1);
        const r = await outcome(host, name, readFileSync(f));
        if (r !== 'ok' && r !== 'bad-input') odd.push(`${name}: ${r}`);
      }
      expect(files.length).toBeGreaterThan(100);
      expect(odd).toEqual([]);
    },
    120_000,
  );
});
