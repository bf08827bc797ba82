/**
 * Untrusted images in the browser shell: a 3-byte "BM" file (which used to kill the host), an iPhone HEIC, an
 * AVIF and a JPEG cut short, attached together. The bad one is refused by name and the shell lives on; the HEIC
 * shows a named placeholder (browsers cannot display it); the damaged one is attached with a notice; the
 * provider receives the three readable images at their budget sizes.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { fitToBudget } from '../../shared/media/budget.ts';
import { fixtureDir, makePhoto } from '../fixtures/media/make-media.ts';
import { GlimpseApp } from './harness.ts';

let app: GlimpseApp;
test.beforeEach(async ({ page }) => {
  app = await GlimpseApp.launch(page);
});
test.afterEach(async () => app.close());

test('a hostile BMP is refused by name while HEIC, AVIF and a damaged JPEG attach and are sent', async ({ page }) => {
  await app.addProvider({ name: 'Fake', path: 'zai', kind: 'Custom server' });
  const dir = join(fixtureDir, 'untrusted');
  mkdirSync(dir, { recursive: true });
  const three = join(dir, 'three.bmp');
  writeFileSync(three, 'BMx');
  const heic = join(dir, 'IMG_0001.heic');
  writeFileSync(heic, readFileSync(join(import.meta.dirname, '../fixtures/media/photo-96x64.heic')));
  const avif = join(dir, 'photo.avif');
  await sharp({ create: { width: 120, height: 80, channels: 3, background: '#2a6f97' } })
    .avif()
    .toFile(avif);
  const whole = readFileSync(await makePhoto('untrusted-whole.jpg', 800, 600));
  const cut = join(dir, 'cut.jpg');
  writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 2)));

  await app.attachViaDialog(three, heic, avif, cut);
  const notice = page.getByRole('alert');
  await expect(notice).toContainText('“three.bmp” is not a valid BMP: it is 3 bytes, shorter than a BMP header.');
  await expect(notice).toContainText('“cut.jpg” is damaged (premature end of JPEG image); what could be read is sent.');
  const strip = page.getByRole('list', { name: 'Attachments' });
  await expect(strip.getByRole('listitem')).toHaveCount(3);
  await expect(strip.getByText('IMG_0001.heic')).toBeVisible();
  const [h, a, c] = [fitToBudget(96, 64), fitToBudget(120, 80), fitToBudget(800, 600)];
  await expect(strip.getByText(`${h.width}×${h.height} · ${h.tokens.toLocaleString()} tok`)).toBeVisible();
  await expect(strip.getByText(`damaged · ${c.width}×${c.height} · ${c.tokens.toLocaleString()} tok`)).toBeVisible();
  await page.screenshot({ path: 'test-results/media-screens/untrusted-images.png' });

  await app.ask('What are these?');
  await app.waitForAnswerDone();
  const sent = app.fake.requests.at(-1)!;
  expect(sent.images.map((i) => `${i.width}x${i.height}`).sort()).toEqual(
    [`${h.width}x${h.height}`, `${a.width}x${a.height}`, `${c.width}x${c.height}`].sort(),
  );
});
