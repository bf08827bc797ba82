import { expect, test } from '@playwright/test';
import { pageFit } from '../../shared/media/pages.ts';
import { makePdf } from '../fixtures/media/make-media.ts';
import { GlimpseApp } from './harness.ts';

test('the estimate warns before sending when the pages will not fit the model’s context', async ({ page }) => {
  const app = await GlimpseApp.launch(page);
  try {
    // Z.AI's GLM-4.5V: a 65,536-token window. (With no key anywhere the app starts on Local OCR, which has no
    // context to overflow, so the provider is picked as a person would.)
    await page.getByRole('combobox', { name: 'Provider' }).selectOption({ label: 'Z.AI · glm-4.5v (no key)' });
    await app.attachViaDialog(await makePdf('long-report.pdf', 40));
    const estimate = page.getByLabel('Estimate');
    await expect(estimate).toContainText('prompt tokens');
    await expect(estimate.getByRole('status')).toHaveCount(0);
    const budget = page.getByRole('spinbutton', { name: 'Tokens per image' });
    await budget.fill('4096');
    await budget.press('Tab');
    await expect(estimate.getByRole('status')).toContainText("over the model's 65,536-token context");
  } finally {
    await app.close();
  }
});

test('Send refuses a request over the model’s context and says what to do; the default 20 pages fit and go', async ({ page }) => {
  test.setTimeout(120_000);
  const app = await GlimpseApp.launch(page);
  try {
    await app.addProvider({ name: 'Fake Z.AI', path: 'zai', kind: 'Z.AI', apiKey: 'k', model: 'glm-4.5v' });
    await app.attachViaDialog(await makePdf('long-500.pdf', 500));
    const card = page.getByRole('listitem', { name: 'long-500.pdf' });
    // A long PDF starts with its first 20 pages picked.
    await expect(card).toContainText('Pages 1-20 of 500');
    const budget = page.getByRole('spinbutton', { name: 'Tokens per image' });
    await budget.fill('4096');
    await budget.press('Tab');
    await app.ask('Summarise the report');
    await expect(page.getByRole('alert')).toContainText(
      /This request is about [\d,]+ tokens, past the model's 65,536-token context, so it was not sent\. Pick fewer pages or frames, or lower the tokens per image\./,
    );
    // Nothing rendered, nothing sent, the composer keeps the PDF and the prompt.
    expect(app.fake.requests).toHaveLength(0);
    await expect(card).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Prompt' })).toHaveValue('Summarise the report');

    await budget.fill('2560');
    await budget.press('Tab');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(app.answer()).toHaveAttribute('aria-busy', 'false', { timeout: 90_000 });
    const sent = app.fake.requests.at(-1)!;
    const a4 = pageFit(595, 842, 2560);
    expect(sent.images).toHaveLength(20);
    expect(sent.images[0]).toMatchObject({ width: a4.width, height: a4.height });
  } finally {
    await app.close();
  }
});
