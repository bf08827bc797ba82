/**
 * `glimpse ask` with a grounding answer (the fake provider's `boxes` option), run in-process: --json fills
 * `boxes` in fractions with the image each belongs to and keeps the special tokens out of `answer`, the streamed
 * text has no tokens either, and --boxes-out draws the boxes on the right pixels of the right image.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAsk } from '../../../electron/cli/args.ts';
import { ask } from '../../../electron/cli/ask.ts';
import { boxColour } from '../../../shared/grounding/palette.ts';
import { startFakeProvider, type FakeProvider } from '../../fixtures/fake-provider.ts';

let fake: FakeProvider;
let dir: string;
let grey: string;
let white: string;

beforeAll(async () => {
  fake = await startFakeProvider();
  dir = mkdtempSync(join(tmpdir(), 'glimpse-grounding-cli-'));
  grey = join(dir, 'grey.png');
  white = join(dir, 'white.png');
  writeFileSync(
    grey,
    await sharp({ create: { width: 400, height: 300, channels: 3, background: '#808080' } })
      .png()
      .toBuffer(),
  );
  writeFileSync(
    white,
    await sharp({ create: { width: 800, height: 600, channels: 3, background: '#ffffff' } })
      .png()
      .toBuffer(),
  );
});
afterAll(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

async function run(argv: string[]) {
  let out = '';
  let err = '';
  const io = { out: (s: string) => void (out += s), err: (s: string) => void (err += s), isTty: false, errIsTty: false };
  const code = await ask(
    parseAsk(['--base-url', `${fake.url}/zai/boxes`, '--model', 'glm-4.5v', '--data-dir', dir, '--thinking', 'off', ...argv]),
    io,
    {},
  );
  return { code, out, err };
}

const hex = (c: string) => [1, 3, 5].map((i) => Number.parseInt(c.slice(i, i + 2), 16));

async function pixel(file: string, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(file).raw().toBuffer({ resolveWithObject: true });
  const i = (y * info.width + x) * info.channels;
  return [data[i], data[i + 1], data[i + 2]];
}

describe('glimpse ask and boxes', () => {
  it('--json: boxes in fractions with label, kind and image; no special token in the answer', async () => {
    const r = await run(['--image', grey, '--image', white, '--json', 'Locate the red square']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out.answer).not.toMatch(/<\|/);
    expect(out.answer).toContain('In image 2 the red square is at [[250,250,750,750]].');
    // The square is named on image 2; the corner, the point and the JSON detection follow in the same stretch.
    expect(out.boxes).toEqual([
      { x1: 0.25, y1: 0.25, x2: 0.75, y2: 0.75, label: null, image: 1, kind: 'box' },
      { x1: 0, y1: 0, x2: 0.1, y2: 0.1, label: null, image: 1, kind: 'box' },
      { x1: 0.5, y1: 0.5, x2: 0.5, y2: 0.5, label: null, image: 1, kind: 'point' },
      { x1: 0.25, y1: 0.25, x2: 0.75, y2: 0.75, label: 'square', image: 1, kind: 'box' },
    ]);
  });

  it('streams the answer without special tokens', async () => {
    const r = await run(['--image', grey, 'Locate the red square']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('The red square is at [[250,250,750,750]].');
    expect(r.out).not.toMatch(/<\||\|>/);
  });

  it('--boxes-out draws the boxes on the image they belong to, at their pixels', async () => {
    const file = join(dir, 'drawn.png');
    const r = await run(['--image', grey, '--image', white, '--boxes-out', file, 'Locate the red square']);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`boxes drawn: ${file}`);
    const meta = await sharp(file).metadata();
    expect([meta.width, meta.height]).toEqual([800, 600]); // image 2, the white one
    // The square spans x 200..600, y 150..450, its stroke just inside; box 4 (the JSON square) is drawn last on top.
    expect(await pixel(file, 400, 151)).toEqual(hex(boxColour(4)));
    expect(await pixel(file, 201, 300)).toEqual(hex(boxColour(4)));
    expect(await pixel(file, 598, 300)).toEqual(hex(boxColour(4)));
    expect(await pixel(file, 300, 300)).toEqual([255, 255, 255]);
    expect(await pixel(file, 400, 140)).toEqual([255, 255, 255]);
    expect(await pixel(file, 610, 300)).toEqual([255, 255, 255]);
    // The corner box, 0..80 x 0..60; the point, a dot at the centre.
    expect(await pixel(file, 60, 1)).toEqual(hex(boxColour(2)));
    expect(await pixel(file, 79, 30)).toEqual(hex(boxColour(2)));
    expect(await pixel(file, 400, 300)).toEqual(hex(boxColour(3)));
  });

  it('--boxes-out with no boxes writes nothing and says so', async () => {
    const file = join(dir, 'none.png');
    let err = '';
    const io = { out: () => {}, err: (s: string) => void (err += s), isTty: false, errIsTty: false };
    const code = await ask(
      parseAsk(['--base-url', `${fake.url}/zai`, '--model', 'm', '--data-dir', dir, '--image', grey, '--boxes-out', file, 'hi']),
      io,
      {},
    );
    expect(code).toBe(0);
    expect(err).toContain('no boxes in the answer');
    expect(existsSync(file)).toBe(false);
  });

  it('--boxes-out to a folder that does not exist: a clear message, exit 1, the answer still printed', async () => {
    const file = join(dir, 'no-such-dir', 'x.png');
    const r = await run(['--image', grey, '--boxes-out', file, 'Locate']);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`could not write ${file}`);
    expect(r.out).toContain('red square');
  });
});
