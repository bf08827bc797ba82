/**
 * `npm run bench:decode`: what decoding in a child process costs. The first request (forking the child, loading
 * sharp there), then per image: the same probe and prepare in this process (image-decode.ts directly) vs through
 * the reused child (decode-pool.ts), for a small PNG and a 12-megapixel JPEG. Goal: the child adds < 20% to a
 * photo's prepare. Then a batch of photos through one child and through two. Prints figures and PASS/MISS;
 * exits 0 either way.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { DecodePool, defaultPoolSize } from '../../electron/host/media/decode-pool.ts';
import { prepare, probe } from '../../electron/host/media/image-decode.ts';

// libvips caches operations on the same buffer; the child gets a fresh copy each time, so neither side may cache.
sharp.cache(false);
const RUNS = 20;
const small = new Uint8Array(
  await sharp({ create: { width: 640, height: 480, channels: 3, background: '#3b6fd8' } })
    .png()
    .toBuffer(),
);
const photo = new Uint8Array(
  await sharp({
    create: { width: 4000, height: 3000, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 30 } },
  })
    .jpeg({ quality: 90 })
    .toBuffer(),
);

const photoFile = join(mkdtempSync(join(tmpdir(), 'glimpse-decode-bench-')), 'photo.jpg');
writeFileSync(photoFile, photo);

async function time(fn: () => Promise<unknown>, runs = RUNS): Promise<number> {
  const t = performance.now();
  for (let i = 0; i < runs; i++) await fn();
  return (performance.now() - t) / runs;
}

const pool = new DecodePool();
const t0 = performance.now();
await pool.probe(small);
const first = performance.now() - t0;
await probe(small); // load sharp here too before timing

const rows: [string, number, number][] = [
  ['probe 640x480 PNG', await time(() => probe(small)), await time(() => pool.probe(small))],
  ['prepare 640x480 PNG', await time(() => prepare(small, 2560)), await time(() => pool.prepare(small, 2560))],
  ['probe 12 MP JPEG', await time(() => probe(photo), 5), await time(() => pool.probe(photo), 5)],
  ['prepare 12 MP JPEG', await time(() => prepare(photo, 2560), 5), await time(() => pool.prepare(photo, 2560), 5)],
  // As the host does at send time: the child reads the stored file.
  [
    'prepare 12 MP JPEG by path',
    await time(() => prepare(photo, 2560), 5),
    await time(() => pool.prepare({ path: photoFile }, 2560), 5),
  ],
];
pool.close();
console.log(`first request (fork + load sharp in the child): ${first.toFixed(0)} ms`);
for (const [what, inProc, child] of rows)
  console.log(
    `${what}: in process ${inProc.toFixed(1)} ms, in the child ${child.toFixed(1)} ms (${(child / inProc).toFixed(2)}x)`,
  );
const [, a, b] = rows[4];
console.log(`${b < a * 1.2 ? 'PASS' : 'MISS'} the child adds < 20% to a photo's prepare`);

// A batch as a send with several photos hands it over: every prepare at once, through pools of one and two
// children (each warmed first, so forking is not counted), and the host's own size for this machine.
const BATCH = 6;
async function batch(size: number): Promise<number> {
  const p = new DecodePool({ size });
  await Promise.all(Array.from({ length: size }, () => p.probe(small)));
  const t = performance.now();
  await Promise.all(Array.from({ length: BATCH }, () => p.prepare({ path: photoFile }, 2560)));
  const ms = performance.now() - t;
  p.close();
  return ms;
}
const one = await batch(1);
const two = await batch(2);
console.log(
  `batch of ${BATCH} 12 MP JPEGs by path: 1 child ${one.toFixed(0)} ms, 2 children ${two.toFixed(0)} ms (${(two / one).toFixed(2)}x); ` +
    `this machine's pool: ${defaultPoolSize()} (${availableParallelism()} cores)`,
);
