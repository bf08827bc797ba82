/**
 * The Batch view end to end in the browser shell: three PNGs in a folder on the host's disk, estimated, run
 * against the fake provider, followed in the table to the end, with one Markdown answer per file in the out folder.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { makePng } from '../fixtures/media/make-image.ts';
import { GlimpseApp } from './harness.ts';

let app: GlimpseApp;
let work: string;
test.afterEach(async () => {
  await app?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

test('a folder of three images is estimated, run, followed to the end and written to the out folder', async ({ page }) => {
  test.setTimeout(120_000);
  work = mkdtempSync(join(tmpdir(), 'glimpse-batch-e2e-'));
  const inDir = join(work, 'scans');
  const outDir = join(work, 'out');
  mkdirSync(inDir);
  for (const [i, colour] of ['#3b6fd8', '#d83b6f', '#3bd86f'].entries()) {
    copyFileSync(await makePng(`batch-view-${i}.png`, 64, 48, colour), join(inDir, `scan-${i}.png`));
  }

  app = await GlimpseApp.launch(page);
  await app.addProvider({ name: 'Fake', path: 'zai/tps-10', kind: 'Custom server' });
  await app.setThinking(false);
  await page.getByRole('button', { name: 'Batch' }).click();
  const view = page.getByRole('dialog', { name: 'Batch' });
  await view.getByRole('textbox', { name: 'Folders or files' }).fill(inDir);
  await view.getByRole('textbox', { name: 'Output folder' }).fill(outDir);
  await view.getByRole('textbox', { name: 'Prompt' }).fill('Read this scan');
  // Closing the view loses nothing typed.
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Batch' }).click();
  await expect(view.getByRole('textbox', { name: 'Folders or files' })).toHaveValue(inDir);
  await view.getByRole('button', { name: 'Estimate' }).click();
  await expect(view.getByRole('region', { name: 'Estimate' })).toContainText('3 images');

  await view.getByRole('button', { name: 'Start' }).click();
  // Each answer streams for a couple of seconds (tps-10), long enough to see the progress in the window title.
  await expect(page).toHaveTitle(/^Glimpse — batch [0-3]\/3$/);
  const table = view.getByRole('region', { name: 'Files' });
  await expect(table.getByRole('row').filter({ hasText: 'done' })).toHaveCount(3, { timeout: 60_000 });
  await expect(view.getByRole('status')).toContainText('3 done · 0 failed · 0 left');
  await expect(page).toHaveTitle('Glimpse');
  // The finished table is the view's busiest state: axe on it (the empty form is in accessibility.spec.ts).
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await view.screenshot({ path: process.env.BATCH_SHOT || test.info().outputPath('batch-view.png') });

  const md = readdirSync(outDir)
    .filter((f) => f.endsWith('.md'))
    .sort();
  expect(md).toEqual(['scan-0.md', 'scan-1.md', 'scan-2.md']);
  for (const f of md) expect(readFileSync(join(outDir, f), 'utf8')).toContain('Answer in fast mode: I received 1 image(s)');
});
