/** Takes the README's screenshot (docs/screenshot.png) from a real run of the browser shell. */
import { expect, test } from '@playwright/test';
import { makePng } from '../fixtures/media/make-image.ts';
import { GlimpseApp } from './harness.ts';

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
    await page.screenshot({ path: 'docs/screenshot.png' });
  } finally {
    await app.close();
  }
});
