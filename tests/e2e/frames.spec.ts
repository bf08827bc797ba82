/**
 * Frame sampling edge cases in the window: frames closer together than the clip's own frames (several land on
 * one decoded frame) still all arrive, since the sampler waits for each seek's frame to be presented.
 */
import { expect, test } from '@playwright/test';
import { makeClip } from '../fixtures/media/make-media.ts';
import { GlimpseApp } from './harness.ts';

let app: GlimpseApp;
test.beforeEach(async ({ page }) => {
  app = await GlimpseApp.launch(page);
});
test.afterEach(async () => app.close());

test('16 frames within half a second of a 10 fps clip: every one arrives and is sent', async ({ page }) => {
  test.setTimeout(120_000);
  await app.addProvider({ name: 'Fake', path: 'zai', kind: 'Custom server' });
  await app.attachViaDialog(makeClip('dense.webm', 'vp9', { seconds: 4 }));
  const card = page.getByRole('listitem', { name: 'dense.webm' });
  const strip = card.getByRole('list', { name: 'Frames of dense.webm' });
  await expect(strip.getByRole('img')).toHaveCount(16);
  await card.getByRole('spinbutton', { name: 'Start (seconds)' }).fill('2');
  await card.getByRole('spinbutton', { name: 'End (seconds)' }).fill('2.5');
  await card.getByRole('button', { name: 'Sample frames' }).click();
  await expect(strip.getByRole('img', { name: /^frame 16 at 00:02\.\d$/ })).toBeVisible();
  await expect(strip.getByRole('img')).toHaveCount(16);
  await app.ask('What is shown?');
  await app.waitForAnswerDone();
  expect(app.fake.requests.at(-1)!.images).toHaveLength(16);
});
