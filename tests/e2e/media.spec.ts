/**
 * Media end to end in the browser shell: every image format, PDF pages picked and rendered at the budget,
 * encrypted and damaged PDFs, clips sampled into frames that really differ, a clip sent natively, and what the
 * fake provider received (count, pixel sizes, labels and timestamps in the text).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { fitToBudget } from '../../shared/media/budget.ts';
import { pageFit } from '../../shared/media/pages.ts';
import {
  fixtureDir,
  makeClip,
  makeCorruptPdf,
  makeEncryptedPdf,
  makeImageAs,
  makePdf,
  makePhoto,
} from '../fixtures/media/make-media.ts';
import type { RecordedRequest } from '../fixtures/fake-provider.ts';
import { GlimpseApp } from './harness.ts';

let app: GlimpseApp;
test.beforeEach(async ({ page }) => {
  app = await GlimpseApp.launch(page);
});
test.afterEach(async () => app.close());

const A4 = pageFit(595, 842, 2560);

/** Mean colour of each image the provider received, to tell frames apart. */
async function meanColours(rec: RecordedRequest): Promise<string[]> {
  const messages = rec.body.messages as { role: string; content: unknown }[];
  const parts = messages.at(-1)!.content as { type: string; image_url?: { url: string } }[];
  const out: string[] = [];
  for (const p of parts.filter((x) => x.type === 'image_url')) {
    const buf = Buffer.from(p.image_url!.url.split(',')[1], 'base64');
    const { channels } = await sharp(buf).stats();
    out.push(
      channels
        .slice(0, 3)
        .map((c) => Math.round(c.mean / 8))
        .join(','),
    );
  }
  return out;
}

test('images in every format: sized to the budget, the budget control and the estimate follow, the provider gets those sizes', async ({
  page,
}) => {
  await app.addProvider({ name: 'Fake', path: 'zai', kind: 'Custom server' });
  const files = [
    await makeImageAs('fmt.png', 'png'),
    await makeImageAs('fmt.jpeg', 'jpeg'),
    await makeImageAs('fmt.webp', 'webp'),
    await makeImageAs('fmt.gif', 'gif'),
    await makeImageAs('fmt.bmp', 'bmp'),
    // Stored 6048x4024 with EXIF orientation 6: upright it is 4024x6048.
    await makePhoto('photo-24mp.jpg', 6048, 4024, 6),
  ];
  await app.attachViaDialog(...files);
  const strip = page.getByRole('list', { name: 'Attachments' });
  const small = fitToBudget(640, 480, 2560);
  const photo = fitToBudget(4024, 6048, 2560);
  await expect(strip.getByText(`${small.width}×${small.height} · ${small.tokens.toLocaleString()} tok`)).toHaveCount(5);
  await expect(strip.getByText(`${photo.width}×${photo.height} · ${photo.tokens.toLocaleString()} tok`)).toBeVisible();
  const estimate = page.getByLabel('Estimate');
  await expect(estimate).toContainText('6 images');

  // A smaller budget shrinks the photo (the small images already fit) and the estimate follows.
  const before = await estimate.innerText();
  await page.getByRole('spinbutton', { name: 'Tokens per image' }).fill('1024');
  await page.getByRole('spinbutton', { name: 'Tokens per image' }).press('Enter');
  const photo1k = fitToBudget(4024, 6048, 1024);
  await expect(strip.getByText(`${photo1k.width}×${photo1k.height} · ${photo1k.tokens.toLocaleString()} tok`)).toBeVisible();
  await expect(estimate).not.toHaveText(before);

  await app.ask('Which picture is upright?');
  await app.waitForAnswerDone();
  const sent = app.fake.requests.at(-1)!;
  const small1k = fitToBudget(640, 480, 1024);
  expect(sent.images.map((i) => `${i.width}x${i.height}`)).toEqual([
    ...Array(5).fill(`${small1k.width}x${small1k.height}`),
    `${photo1k.width}x${photo1k.height}`,
  ]);
  // The estimate beside the provider's figure after the answer.
  await expect(app.answer().getByRole('definition').filter({ hasText: 'tok' })).toBeVisible();
  await page.screenshot({ path: 'test-results/media-screens/media-images.png' });
});

test('a PDF: pick pages by range and by clicking, text layer on, pages rendered at the budget and labelled', async ({ page }) => {
  await app.addProvider({ name: 'Fake', path: 'zai', kind: 'Custom server' });
  await app.attachViaDialog(await makePdf('report.pdf', 6));
  const card = page.getByRole('listitem', { name: 'report.pdf' });
  await expect(card).toContainText('All 6 pages');
  await card.getByRole('button', { name: 'Pick pages' }).click();
  const picker = page.getByRole('dialog', { name: 'Pages of report.pdf' });
  await expect(picker.getByRole('button', { name: 'Page 6' })).toHaveAttribute('aria-pressed', 'true');
  await picker.getByRole('textbox', { name: 'Pages' }).fill('2-3');
  await picker.getByRole('button', { name: 'Apply' }).click();
  await expect(picker.getByRole('button', { name: 'Page 2' })).toHaveAttribute('aria-pressed', 'true');
  await expect(picker.getByRole('button', { name: 'Page 5' })).toHaveAttribute('aria-pressed', 'false');
  await picker.getByRole('button', { name: 'Page 5' }).click();
  await expect(picker.getByLabel('Picked pages')).toContainText(
    `3 of 6 pages picked · ${(3 * A4.tokens).toLocaleString()} visual tokens`,
  );
  await picker.getByRole('checkbox', { name: 'Send the text layer too' }).check();
  await picker.getByRole('textbox', { name: 'Pages' }).fill('9');
  await picker.getByRole('button', { name: 'Apply' }).click();
  await expect(picker.getByRole('alert')).toContainText('The document has 6 pages');
  await expect(picker.locator('canvas[data-drawn]').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/media-screens/media-pdf-picker.png' });
  await picker.getByRole('button', { name: 'Done' }).click();
  await expect(card).toContainText('Pages 2-3, 5 of 6');
  await page.setViewportSize({ width: 420, height: 820 });
  await page.screenshot({ path: 'test-results/media-screens/media-pdf-narrow.png' });

  await app.ask('Transcribe the table as Markdown');
  await app.waitForAnswerDone();
  const sent = app.fake.requests.at(-1)!;
  expect(sent.images).toHaveLength(3);
  for (const im of sent.images) expect(im).toMatchObject({ width: A4.width, height: A4.height });
  expect(sent.sequence.slice(0, 3)).toEqual([
    'page 2',
    `[image ${A4.width}x${A4.height}]`,
    expect.stringContaining('Text layer of page 2:'),
  ]);
  expect(sent.text).toContain('North 120 135 150');
  expect(sent.text).toMatch(/page 5\n/);
});

test('an encrypted PDF asks for its password; a damaged one is refused with a clear message; nothing is sent', async ({
  page,
}) => {
  await app.addProvider({ name: 'Fake', path: 'zai', kind: 'Custom server' });
  await app.attachViaDialog(await makeCorruptPdf());
  await expect(page.getByRole('alert')).toContainText('“corrupt.pdf” is damaged or not a PDF');
  await app.attachViaDialog(await makeEncryptedPdf('locked.pdf', 'open-sesame'));
  const card = page.getByRole('listitem', { name: 'locked.pdf' });
  const password = card.getByLabel('Password for locked.pdf', { exact: true }).and(page.locator('input'));
  await expect(card).toContainText('protected by a password');
  await password.fill('wrong');
  await card.getByRole('button', { name: 'Unlock' }).click();
  await expect(card).toContainText('That password is wrong');
  await page.getByRole('textbox', { name: 'Prompt' }).fill('Read it');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'needs its password' })).toBeVisible();
  expect(app.fake.requests).toHaveLength(0);
  await password.fill('open-sesame');
  await card.getByRole('button', { name: 'Unlock' }).click();
  await expect(card).toContainText('All 3 pages');
});

for (const [file, codec] of [
  ['clip.webm', 'vp9'],
  ['clip.mp4', 'h264'],
] as const) {
  test(`a ${codec} clip: frames sampled evenly over a trimmed range, each its own moment, sent with timestamps`, async ({
    page,
  }) => {
    await app.addProvider({ name: 'Fake', path: 'zai', kind: 'Custom server' });
    await app.attachViaDialog(makeClip(file, codec, { seconds: 8 }));
    const card = page.getByRole('listitem', { name: file });
    const strip = card.getByRole('list', { name: `Frames of ${file}` });
    await expect(strip.getByRole('img')).toHaveCount(16);
    await expect(strip.getByRole('img', { name: 'frame 1 at 00:00.3' })).toBeVisible();
    // The clip is not one a custom server can take natively.
    await expect(card.getByRole('radio', { name: 'The clip itself' })).toBeDisabled();

    await card.getByRole('spinbutton', { name: 'Number of frames' }).fill('4');
    await card.getByRole('spinbutton', { name: 'Start (seconds)' }).fill('2');
    await card.getByRole('spinbutton', { name: 'End (seconds)' }).fill('6');
    await card.getByRole('button', { name: 'Sample frames' }).click();
    await expect(strip.getByRole('img')).toHaveCount(4);
    await expect(strip.getByRole('img', { name: 'frame 4 at 00:05.5' })).toBeVisible();
    await page.screenshot({ path: `test-results/media-screens/media-${codec}.png` });
    await page.setViewportSize({ width: 420, height: 820 });
    await page.screenshot({ path: `test-results/media-screens/media-${codec}-narrow.png` });

    await app.ask('What changes over time?');
    await app.waitForAnswerDone();
    const sent = app.fake.requests.at(-1)!;
    expect(sent.images).toHaveLength(4);
    expect(sent.text).toContain('frame 1 at 00:02.5');
    expect(sent.text).toContain('frame 3 at 00:04.5');
    expect(sent.sequence[0]).toBe('frame 1 at 00:02.5');
    // One second apart on a clip whose colour changes every second: four different pictures.
    expect(new Set(await meanColours(sent)).size).toBe(4);
  });
}

test('a clip the window cannot decode gets a clear message; on Z.AI an MP4 can go natively instead', async ({ page }) => {
  await app.addProvider({ name: 'Fake Z.AI', path: 'zai', kind: 'Z.AI', apiKey: 'k', model: 'glm-4.5v' });
  // MPEG-4 Part 2 in an MP4: a real codec browsers do not decode.
  const odd = join(fixtureDir, 'mpeg4.mp4');
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    'testsrc=size=160x120:rate=10:duration=2',
    '-c:v',
    'mpeg4',
    odd,
  ]);
  await app.attachViaDialog(odd);
  const card = page.getByRole('listitem', { name: 'mpeg4.mp4' });
  await expect(card.getByRole('alert')).toContainText('cannot be played in this window');
  await card.getByRole('radio', { name: 'The clip itself' }).check();
  await app.ask('Describe the clip');
  await app.waitForAnswerDone();
  const sent = app.fake.requests.at(-1)!;
  expect(sent.videos).toEqual([{ mime: 'video/mp4', bytes: expect.any(Number) }]);
  expect(sent.images).toHaveLength(0);
});
