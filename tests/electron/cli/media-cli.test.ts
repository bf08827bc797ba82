/**
 * `glimpse ask` with media: --pdf with --pages and --pdf-password, --budget, the estimate from exactly what is
 * sent, and every unreadable input ending in `bad-input`, a non-zero exit and no request at the provider.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fitToBudget } from '../../../shared/media/budget.ts';
import { pagesThatFit } from '../../../shared/media/estimate.ts';
import { pageFit } from '../../../shared/media/pages.ts';
import { startFakeProvider, type FakeProvider } from '../../fixtures/fake-provider.ts';
import { makeCorruptPdf, makeEncryptedPdf, makeImageAs, makePdf, makePhoto } from '../../fixtures/media/make-media.ts';
import { makeTextFile } from '../../fixtures/media/make-image.ts';
import { bundleCli, dataDirEnv, runNode, type Run } from './run-cli.ts';

// Its own bundle, so a parallel test rebuilding dist/cli/glimpse.mjs never swaps the file under this one.
const CLI = 'dist/test/glimpse-media.mjs';
let fake: FakeProvider;
let dataDir: string;

beforeAll(async () => {
  await bundleCli(CLI);
  fake = await startFakeProvider();
  dataDir = mkdtempSync(join(tmpdir(), 'glimpse-media-cli-'));
});
afterAll(async () => {
  await fake.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function glimpse(args: string[]): Promise<Run> {
  return runNode([CLI, 'ask', '--base-url', `${fake.url}/zai`, '--model', 'glm-4.5v', '--json', ...args], dataDirEnv(dataDir));
}

describe('glimpse ask --pdf', () => {
  it('renders the picked pages at the budget, labels them, sends the text layer, and estimates what it sent', async () => {
    const pdf = await makePdf('cli-report.pdf', 6);
    const before = fake.requests.length;
    const r = await glimpse(['--pdf', pdf, '--pages', '2-3', '--pdf-text', '--budget', '1024', 'Read the table']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(fake.requests.length).toBe(before + 1);
    const sent = fake.requests.at(-1)!;
    const fit = pageFit(595, 842, 1024);
    expect(sent.images.map((i) => [i.width, i.height])).toEqual([
      [fit.width, fit.height],
      [fit.width, fit.height],
    ]);
    expect(sent.sequence[0]).toBe('page 2');
    expect(sent.sequence[1]).toBe(`[image ${fit.width}x${fit.height}]`);
    expect(sent.sequence[2]).toMatch(/^Text layer of page 2:\nQuarterly report, page 2/);
    expect(sent.sequence[3]).toBe('page 3');
    const out = JSON.parse(r.stdout);
    // Two pages of visual tokens plus the text actually sent (labels, text layers, prompt).
    expect(out.estimate.prompt_tokens).toBeGreaterThan(2 * fit.tokens);
    expect(out.estimate.prompt_tokens).toBeLessThan(2 * fit.tokens + 400);
    expect(out.usage.prompt_tokens - out.estimate.prompt_tokens).toBeLessThan(300);
  });

  it('opens an encrypted PDF with --pdf-password', async () => {
    const r = await glimpse([
      '--pdf',
      await makeEncryptedPdf('cli-locked.pdf', 'pw-123'),
      '--pdf-password',
      'pw-123',
      '--pages',
      '1',
      'Read it',
    ]);
    expect(r.code).toBe(0);
    expect(fake.requests.at(-1)!.images).toHaveLength(1);
  });

  it('opens an AES-256 PDF whose password is not ASCII, typed composed or decomposed', async () => {
    const pdf = await makeEncryptedPdf('cli-umlaut.pdf', 'pässwört');
    for (const pw of ['pässwört', 'pässwört'.normalize('NFD')]) {
      const r = await glimpse(['--pdf', pdf, '--pdf-password', pw, '--pages', '1', 'Read it']);
      expect(JSON.parse(r.stdout).error).toBeNull();
      expect(r.code).toBe(0);
      expect(fake.requests.at(-1)!.images).toHaveLength(1);
    }
  });

  it('refuses a 500-page PDF without --pages that would not fit the model’s context, saying how many pages fit', {
    timeout: 120_000,
  }, async () => {
    const pdf = await makePdf('cli-500.pdf', 500);
    const before = fake.requests.length;
    const zai = ['--provider', 'zai', '--api-key', 'k'];
    const r = await glimpse([...zai, '--pdf', pdf, 'Summarise it']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.error.kind).toBe('bad-input');
    const page = pageFit(595, 842, 2560).tokens;
    const fit = pagesThatFit(Array(500).fill(page), 65_536);
    expect(out.error.message).toBe(
      `cli-500.pdf: its 500 pages come to about ${(500 * page).toLocaleString('en-US')} tokens, past the model's 65,536-token context. ` +
        `Pick pages with --pages: ${fit} fit at this budget (e.g. --pages 1-${fit}), or lower --budget.`,
    );
    expect(fake.requests.length).toBe(before);
    // The pages it says fit do go out.
    const ok = await glimpse([...zai, '--pdf', pdf, '--pages', `1-${fit}`, 'Summarise it']);
    expect(JSON.parse(ok.stdout).error).toBeNull();
    expect(fake.requests.at(-1)!.images).toHaveLength(fit);
  });

  it('sends images with --budget: a 24-megapixel photo goes at the budget size, upright', async () => {
    const photo = await makePhoto('cli-photo.jpg', 6048, 4024, 6);
    const r = await glimpse([
      '--image',
      photo,
      '--image',
      await makeImageAs('cli.bmp', 'bmp'),
      '--budget',
      '2560',
      'What is it?',
    ]);
    expect(r.code).toBe(0);
    const fit = fitToBudget(4024, 6048, 2560);
    const bmp = fitToBudget(640, 480, 2560);
    expect(fake.requests.at(-1)!.images.map((i) => [i.width, i.height])).toEqual([
      [fit.width, fit.height],
      [bmp.width, bmp.height],
    ]);
    expect(JSON.parse(r.stdout).estimate.prompt_tokens).toBeGreaterThanOrEqual(fit.tokens + bmp.tokens);
  });
});

describe('unreadable input is bad-input, exits non-zero and sends nothing', () => {
  const cases: [string, () => Promise<string[]>, RegExp][] = [
    ['a missing file', async () => ['--image', '/nonexistent/photo.jpg'], /Cannot read \/nonexistent\/photo\.jpg/],
    ['a text file named .png', async () => ['--image', makeTextFile('cli-notes.png')], /is not an image, PDF or video/],
    ['a damaged PDF', async () => ['--pdf', await makeCorruptPdf('cli-corrupt.pdf')], /damaged or not a PDF/],
    [
      'an encrypted PDF without its password',
      async () => ['--pdf', await makeEncryptedPdf('cli-locked2.pdf', 'x')],
      /encrypted: give its password/,
    ],
    [
      'an encrypted PDF with a wrong password',
      async () => ['--pdf', await makeEncryptedPdf('cli-locked3.pdf', 'x'), '--pdf-password', 'y'],
      /password is wrong/,
    ],
    ['pages past the end', async () => ['--pdf', await makePdf('cli-short.pdf', 2), '--pages', '2-5'], /has 2 pages/],
    [
      'an image passed as --pdf',
      async () => ['--pdf', await makeImageAs('cli-img.png', 'png')],
      /is a image, not a PDF|not a PDF/,
    ],
  ];
  for (const [what, args, message] of cases) {
    it(what, async () => {
      const before = fake.requests.length;
      const r = await glimpse([...(await args()), 'Read it']);
      expect(r.code).toBe(1);
      const out = JSON.parse(r.stdout);
      expect(out.error.kind).toBe('bad-input');
      expect(out.error.message).toMatch(message);
      expect(fake.requests.length).toBe(before);
    });
  }

  it('a budget out of range is a usage error', async () => {
    const r = await glimpse(['--budget', '100', 'hi']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--budget takes 256 to 16384');
  });
});

describe('several --image files', () => {
  it('names the bad one of three (a 3-byte "BM" file), exits 1 and sends nothing; the process is not killed', async () => {
    const three = join(dataDir, 'three.bmp');
    writeFileSync(three, 'BMx');
    const before = fake.requests.length;
    const r = await glimpse([
      '--image',
      await makeImageAs('cli-a.png', 'png'),
      '--image',
      three,
      '--image',
      await makeImageAs('cli-b.jpeg', 'jpeg'),
      'Compare them',
    ]);
    expect([r.code, r.signal]).toEqual([1, null]);
    expect(JSON.parse(r.stdout).error).toMatchObject({
      kind: 'bad-input',
      message: '“three.bmp” is not a valid BMP: it is 3 bytes, shorter than a BMP header.',
    });
    expect(fake.requests.length).toBe(before);
  });

  it('sends a JPEG cut short and says on stderr which file was damaged', async () => {
    const whole = readFileSync(await makePhoto('cli-whole.jpg', 800, 600));
    const cut = join(dataDir, 'cut.jpg');
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length * 0.5)));
    const before = fake.requests.length;
    const r = await glimpse(['--image', cut, 'What is this?']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('glimpse: “cut.jpg” is damaged (premature end of JPEG image); what could be read is sent.\n');
    expect(fake.requests.length).toBe(before + 1);
    const fit = fitToBudget(800, 600, 2560);
    expect(fake.requests.at(-1)!.images.map((i) => `${i.width}x${i.height}`)).toEqual([`${fit.width}x${fit.height}`]);
  });
});
