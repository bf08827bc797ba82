import { expect, test } from '@playwright/test';
import { makePdf } from '../fixtures/media/make-media.ts';
import { GlimpseApp } from './harness.ts';

test('the estimate warns before sending when the pages will not fit the model’s context', async ({ page }) => {
  const app = await GlimpseApp.launch(page);
  try {
    // The default provider is Z.AI's GLM-4.5V: a 65,536-token window.
    await app.attachViaDialog(await makePdf('long-report.pdf', 40));
    const estimate = page.getByLabel('Estimate');
    await expect(estimate).toContainText('prompt tokens');
    await expect(estimate.getByRole('status')).toHaveCount(0);
    const budget = page.getByRole('spinbutton', { name: 'Tokens per image' });
    await budget.fill('4096');
    await budget.press('Tab');
    await expect(estimate.getByRole('status')).toContainText('over the model\'s 65,536-token context');
  } finally {
    await app.close();
  }
});
