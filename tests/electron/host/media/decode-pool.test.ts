/**
 * The decode pool runs a batch on several children at once, and a crash still takes down only the child that
 * was decoding the bad file: the other child's image is read, and the next job gets a fresh child.
 */
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { DecodeFailure, DecodePool, defaultPoolSize } from '../../../../electron/host/media/decode-pool.ts';

let pool: DecodePool | null = null;
afterEach(() => pool?.close());

const png = async (w: number, h: number) =>
  new Uint8Array(
    await sharp({ create: { width: w, height: h, channels: 3, background: '#3b6fd8' } })
      .png()
      .toBuffer(),
  );

describe('the decode pool', () => {
  it('is one child per spare core, at most two, at least one', () => {
    expect([1, 2, 3, 4, 16].map((cores) => defaultPoolSize(cores))).toEqual([1, 1, 2, 2, 2]);
  });

  it('decodes two images on two children at once; a crash fails only the image on the child that died', async () => {
    pool = new DecodePool({ size: 2 });
    const [big, other] = await Promise.all([png(3000, 2000), png(2000, 1500)]);
    const first = pool.probe(big);
    const second = pool.probe(other);
    // Both are in flight, each on its own child.
    expect(pool.spawned).toBe(2);
    process.kill(pool.pid!, 'SIGSEGV');
    await expect(first).rejects.toThrow(
      new DecodeFailure('crashed', 'made the image decoder crash (SIGSEGV); the file is damaged or not a real image'),
    );
    expect(await second).toMatchObject({ width: 2000, height: 1500 });
    expect(await pool.probe(await png(32, 8))).toMatchObject({ width: 32, height: 8 });
    expect(pool.spawned).toBe(3);
  });

  it('fails a job in flight when it is closed, instead of leaving it waiting', async () => {
    pool = new DecodePool({ size: 1 });
    const pending = pool.probe(await png(3000, 2000));
    pool.close();
    await expect(pending).rejects.toThrow(/shut down/);
  });
});
