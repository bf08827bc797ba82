/** Takes the README's screenshot from a real run of the browser shell (written to docs/ by `npm run screenshots`). */
import { expect, test } from '@playwright/test';
import { makePng } from '../fixtures/media/make-image.ts';
import { GlimpseApp } from './harness.ts';
import { readmeShot } from './readme-shot.ts';

test('README screenshot: a receipt read into a table, reasoning apart', async ({ page }) => {
  const app = await GlimpseApp.launch(page);
  try {
    await app.addProvider({ name: 'Z.AI (fake)', path: 'zai/demo', kind: 'Custom server' });
    await app.attachViaDialog(await makePng('receipt.png', 1240, 1754, '#f4f1ea'));
    await app.ask('Read this receipt into a table and check the total.');
    await app.waitForAnswerDone();
    await expect(app.answer().getByRole('table')).toBeVisible();
    await expect(app.answer().getByRole('cell', { name: 'Almond croissant' })).toBeVisible();
    await app.answer().locator('details.reasoning summary').click();
    await readmeShot(page, 'screenshot.png');
  } finally {
    await app.close();
  }
});
