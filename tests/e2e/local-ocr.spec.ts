/**
 * Local OCR in the browser shell with no key anywhere: it is the provider picked, the empty state says what works
 * offline, Thinking is hidden and presets that need a language model are off; a dropped scan is read on this
 * computer, its text shown and a box drawn on each line of the image, at $0.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { GlimpseApp } from './harness.ts';

let app: GlimpseApp;
test.beforeEach(async ({ page }) => {
  app = await GlimpseApp.launch(page);
});
test.afterEach(async () => app.close());

test('with no key, Local OCR is picked; a dropped scan shows its text and a box on every line', async ({ page }) => {
  await expect(page.getByRole('combobox', { name: 'Provider' })).toHaveValue('local-ocr');
  await expect(page.getByRole('heading', { name: 'Read the text of any scan, offline' })).toBeVisible();
  await expect(page.getByRole('switch', { name: 'Thinking' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Presets' }).click();
  await expect(page.getByRole('menuitem', { name: /Receipt\/invoice to JSON/ })).toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByRole('menuitem', { name: 'Extract text' })).not.toHaveAttribute('aria-disabled', 'true');
  await page.keyboard.press('Escape');

  // The receipt the first-run guide reads: 13 printed lines.
  const png = readFileSync('assets/sample-receipt.png');
  await page.evaluate(
    async (bytes) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(bytes)], 'receipt.png', { type: 'image/png' }));
      const target = document.querySelector('.app')!;
      for (const type of ['dragenter', 'dragover', 'drop']) {
        target.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
      }
    },
    [...png],
  );
  await expect(page.getByRole('list', { name: 'Attachments' }).getByRole('img', { name: 'receipt.png' })).toBeVisible();
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(app.answer()).toHaveAttribute('aria-busy', 'false', { timeout: 120_000 });

  const answer = app.answer();
  await expect(answer).toContainText('CORNER BAKERY & CAFE');
  await expect(answer).toContainText('Thank you for visiting!');
  const boxes = page.getByRole('region', { name: 'Boxes on the images' }).getByRole('img', { name: /^Box \d+/ });
  await expect(boxes).toHaveCount(13);

  // Lines / Words, from the keyboard: the radio group is reached by focus and switched with an arrow key.
  const region = page.getByRole('region', { name: 'Boxes on the images' });
  await region.getByRole('radio', { name: 'Lines' }).focus();
  await expect(region.getByRole('radio', { name: 'Lines' })).toBeChecked();
  await page.keyboard.press('ArrowRight');
  await expect(region.getByRole('radio', { name: 'Words' })).toBeChecked();
  await expect(region.getByRole('img', { name: /^Box \d+/ })).toHaveCount(0);
  await expect(region.getByRole('img', { name: 'Word “CORNER”, ', exact: false }).first()).toBeVisible();
  expect(await region.getByRole('img', { name: /^Word “/ }).count()).toBeGreaterThan(13);
  // The words view, its toggle and boxes included, has no serious or critical accessibility violation.
  const { violations } = await new AxeBuilder({ page }).include('.grounding-panel').analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await page.keyboard.press('ArrowLeft');
  await expect(boxes).toHaveCount(13);
  await expect(page.getByLabel('Message usage').last()).toContainText('(local)');
  expect(app.fake.requests).toHaveLength(0);
});
