/**
 * Boxes of a reopened session land where they did live: the images of a turn are stored with what they were to
 * the model (a PDF page with its label, a clip sent whole as no image at all), so "page 3" still means the
 * page labelled 3 and a box with no image named still goes to the last image, not to the clip.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator } from '@playwright/test';
import sharp from 'sharp';
import { fixtureDir, makeClip, makePdf } from '../fixtures/media/make-media.ts';
import { GlimpseApp } from './harness.ts';

let app: GlimpseApp;
test.beforeEach(async ({ page }) => {
  app = await GlimpseApp.launch(page);
});
test.afterEach(async () => app.close());

async function squareImage(name: string): Promise<string> {
  mkdirSync(fixtureDir, { recursive: true });
  const square = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#202020' } })
    .png()
    .toBuffer();
  const png = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#ffffff' } })
    .composite([{ input: square, left: 200, top: 150 }])
    .png()
    .toBuffer();
  const file = join(fixtureDir, name);
  writeFileSync(file, png);
  return file;
}

const figureNames = (answer: Locator) =>
  answer.getByRole('figure', { name: /with boxes$/ }).evaluateAll((fs) => fs.map((f) => f.getAttribute('aria-label')));

/** Each image with boxes under an answer: its name, and each box's name and place in fractions of the image. */
async function boxesUnder(answer: Locator): Promise<{ figure: string; boxes: string[] }[]> {
  const figures = answer.getByRole('figure', { name: /with boxes$/ });
  await expect(figures.first()).toBeVisible();
  const out: { figure: string; boxes: string[] }[] = [];
  for (const figure of await figures.all()) {
    const picture = figure.locator('.grounded-stage > img');
    // A reopened session reads its images after the text: measure once this one has its pixels.
    await expect.poll(() => picture.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true);
    const img = (await picture.boundingBox())!;
    const boxes: string[] = [];
    for (const box of await figure.getByRole('img', { name: /^Box \d+/ }).all()) {
      const r = (await box.boundingBox())!;
      const f = (v: number) => v.toFixed(2);
      boxes.push(
        `${await box.getAttribute('aria-label')} @ ${f((r.x - img.x) / img.width)},${f((r.y - img.y) / img.height)} ${f(r.width / img.width)}x${f(r.height / img.height)}`,
      );
    }
    out.push({ figure: (await figure.getAttribute('aria-label'))!, boxes });
  }
  return out;
}

test('a reopened session draws the boxes of PDF pages and of a turn with a clip where they were live', async ({ page }) => {
  await app.addProvider({ name: 'Grounding', path: 'zai/boxes', kind: 'Z.AI', apiKey: 'k', model: 'glm-4.5v' });

  // Pages 2-4 of four: "page 3" is the second image sent, not the third.
  await app.attachViaDialog(await makePdf('reopen.pdf', 4));
  const card = page.getByRole('listitem', { name: 'reopen.pdf' });
  await expect(card).toContainText('All 4 pages');
  await card.getByRole('button', { name: 'Pick pages' }).click();
  const picker = page.getByRole('dialog', { name: 'Pages of reopen.pdf' });
  await picker.getByRole('textbox', { name: 'Pages' }).fill('2-4');
  await picker.getByRole('button', { name: 'Apply' }).click();
  await picker.getByRole('button', { name: 'Done' }).click();
  await expect(card).toContainText('Pages 2-4 of 4');
  await app.ask('Locate the square');
  await app.waitForAnswerDone(0);
  await expect(app.answer(0).getByTestId('answer')).toContainText('On page 3 the red square');

  // An image and a clip sent whole: the clip's poster shows in the turn, but the model saw one image.
  await app.attachViaDialog(await squareImage('reopen-square.png'), makeClip('reopen-clip.mp4', 'h264', { seconds: 2 }));
  const clip = page.getByRole('listitem', { name: 'reopen-clip.mp4' });
  await expect(clip.getByRole('list', { name: 'Frames of reopen-clip.mp4' }).getByRole('img').first()).toBeVisible();
  await clip.getByRole('radio', { name: 'The clip itself' }).check();
  await app.ask('Where is the square?');
  await app.waitForAnswerDone(1);
  expect(app.fake.requests.at(-1)!.videos).toHaveLength(1);
  expect(app.fake.requests.at(-1)!.images).toHaveLength(1);

  const live = [await boxesUnder(app.answer(0)), await boxesUnder(app.answer(1))];
  expect(live.map((turn) => turn.map((f) => f.figure))).toEqual([['page 3 with boxes'], ['Image 1 with boxes']]);
  expect(live[0][0].boxes[0]).toBe('Box 1 @ 0.25,0.25 0.50x0.50');

  // Reopen after a restart of the window: a fresh page, the session opened from the sidebar (the host's store).
  await page.reload();
  const sessions = page.getByRole('navigation', { name: 'Sessions' });
  await sessions.getByRole('button', { name: /^Locate the square/ }).click();
  await expect(page.getByRole('article', { name: 'Exchange' })).toHaveCount(2);
  await app.waitForAnswerDone(1);
  await expect(app.answer(0).getByTestId('answer')).toContainText('On page 3 the red square');
  // The same images carry the boxes (page 3, not the third image; the photo, not the clip)...
  for (const [n, turn] of live.entries()) await expect.poll(() => figureNames(app.answer(n))).toEqual(turn.map((f) => f.figure));
  // ...at the same places.
  const reopened = [await boxesUnder(app.answer(0)), await boxesUnder(app.answer(1))];
  expect(reopened).toEqual(live);
});
