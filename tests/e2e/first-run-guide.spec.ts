/**
 * The first-run guide: shown by itself the first time, it reads the sample receipt through Local OCR, is not
 * shown again after a reload, and comes back from Help with its three steps (sample, key pages, local servers).
 */
import { expect, test } from '@playwright/test';
import { GlimpseApp } from './harness.ts';

let app: GlimpseApp;
test.beforeEach(async ({ page }) => {
  // The harness skips the guide for every other spec; this one wants a first run.
  app = await GlimpseApp.launch(page, { env: { GLIMPSE_SKIP_GUIDE: '' } });
});
test.afterEach(async () => app.close());

test('shows once, reads the sample receipt offline, and comes back from the Guide button', async ({ page }) => {
  const guide = page.getByRole('dialog', { name: 'Welcome to Glimpse' });
  await expect(guide).toBeVisible();
  await expect(guide.getByRole('img', { name: 'A sample till receipt' })).toBeVisible();
  await guide.getByRole('button', { name: 'Read the sample receipt' }).click();
  await expect(guide).toBeHidden();
  await expect(page.getByRole('combobox', { name: 'Provider' })).toHaveValue('local-ocr');
  await expect(app.answer()).toHaveAttribute('aria-busy', 'false', { timeout: 120_000 });
  await expect(app.answer()).toContainText('CORNER BAKERY & CAFE');

  // Done once: a reload does not show it again.
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Provider' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Guide' })).toBeVisible();
  await expect(guide).toHaveCount(0);

  // The top bar's Guide button brings it back (Help opens the keyboard-shortcut sheet).
  await page.getByRole('button', { name: 'Guide' }).click();
  await expect(guide).toBeVisible();
  await guide.getByRole('button', { name: 'Next' }).click();
  await expect(guide.getByRole('link', { name: 'OpenRouter key page' })).toHaveAttribute(
    'href',
    'https://openrouter.ai/settings/keys',
  );
  await guide.getByRole('button', { name: 'Next' }).click();
  await expect(guide.getByRole('region', { name: 'Model servers found' })).toBeVisible();
  await expect(guide.getByRole('button', { name: 'Scan for local servers' })).toBeEnabled();
  await guide.getByRole('button', { name: 'Done' }).click();
  await expect(guide).toBeHidden();
});
