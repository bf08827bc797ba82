/**
 * Files into the Batch view and results out, in the browser shell: two images dropped on the view (and a text
 * file, refused by name), a folder picked with its subfolder, all uploaded and staged on the host, run against the
 * fake provider's boxes; then a finished file opened in the answer view with its boxes drawn, by mouse and by
 * keyboard; and the usage view filtered to the batch. The desktop app's paths (the preload's pathForFile) are
 * covered in tests/renderer/store/batch-drop.test.ts.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
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

test('dropped files and a picked folder run as a batch, and a finished file opens with its boxes', async ({ page }) => {
  test.setTimeout(120_000);
  work = mkdtempSync(join(tmpdir(), 'glimpse-batch-files-'));
  const folder = join(work, 'letters');
  mkdirSync(join(folder, 'sub'), { recursive: true });
  copyFileSync(await makePng('batch-files-c.png', 64, 48, '#3bd86f'), join(folder, 'sub', 'c.png'));
  const dropped = [
    { name: 'a.png', b64: readFileSync(await makePng('batch-files-a.png', 64, 48, '#3b6fd8')).toString('base64') },
    { name: 'b.png', b64: readFileSync(await makePng('batch-files-b.png', 64, 48, '#d83b6f')).toString('base64') },
    { name: 'notes.txt', b64: Buffer.from('not a scan').toString('base64') },
  ];

  app = await GlimpseApp.launch(page);
  await app.addProvider({ name: 'Fake', path: 'zai/boxes', kind: 'Custom server' });
  await app.setThinking(false);
  await page.getByRole('button', { name: 'Batch' }).click();
  const view = page.getByRole('dialog', { name: 'Batch' });
  const inputs = view.getByRole('textbox', { name: 'Folders or files' });

  // A drop from the file manager: files in a DataTransfer, onto the view.
  const dt = await page.evaluateHandle((files) => {
    const d = new DataTransfer();
    for (const f of files) {
      const bytes = Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0));
      d.items.add(new File([bytes], f.name, { type: f.name.endsWith('.png') ? 'image/png' : 'text/plain' }));
    }
    return d;
  }, dropped);
  await inputs.dispatchEvent('dragover', { dataTransfer: dt });
  await inputs.dispatchEvent('drop', { dataTransfer: dt });
  await expect(inputs).toHaveValue(/batch-drops/);
  await view.getByText('1 file not uploaded').click();
  await expect(view.getByRole('listitem').filter({ hasText: 'notes.txt' })).toContainText('not an image');

  // A folder picked: its files keep their place under it.
  await view.getByLabel('Choose folder…', { exact: true }).setInputFiles(folder);
  await expect(inputs).toHaveValue(/batch-drops.*\n.*batch-drops/);

  await view.getByRole('textbox', { name: 'Output folder' }).fill(join(work, 'out'));
  await view.getByRole('textbox', { name: 'Prompt' }).fill('Where is the square?');
  await view.getByRole('button', { name: 'Estimate' }).click();
  await expect(view.getByRole('region', { name: 'Estimate' })).toContainText('3 images');
  await view.getByRole('button', { name: 'Start' }).click();
  const table = view.getByRole('region', { name: 'Files' });
  await expect(table.getByRole('row').filter({ hasText: 'done' })).toHaveCount(3, { timeout: 60_000 });
  const { violations } = await new AxeBuilder({ page }).include('dialog').analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  // A click on the row opens the file's answer, its boxes drawn on its picture.
  const rowOfA = table.getByRole('row').filter({ has: page.getByRole('button', { name: 'Open the answer for a', exact: true }) });
  await rowOfA.getByRole('cell').nth(1).click();
  await expect(view).toBeHidden();
  await expect(app.answer().getByRole('figure', { name: 'Image 1 with boxes' })).toBeVisible();
  await expect(app.answer()).toContainText('red square');

  // The keyboard: Tab to the file's button, Enter.
  await page.getByRole('button', { name: 'Batch' }).click();
  const open = view.getByRole('button', { name: 'Open the answer for letters__sub__c' });
  await open.focus();
  await page.keyboard.press('Enter');
  await expect(view).toBeHidden();
  await expect(app.answer().getByRole('figure', { name: 'Image 1 with boxes' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'letters__sub__c' }).first()).toBeVisible();

  // Usage: every request, or only this batch's (one question asked outside it).
  await app.ask('And its colour?');
  await app.waitForAnswerDone();
  await page.getByRole('region', { name: 'Usage' }).getByRole('button', { name: 'Usage details' }).click();
  const usage = page.getByRole('dialog', { name: 'Usage details' });
  const totals = usage.getByLabel('Range totals');
  await expect(totals).toContainText('4 requests');
  await usage.getByRole('combobox', { name: 'Batch' }).selectOption({ index: 1 });
  await expect(totals).toContainText('3 requests');
});
