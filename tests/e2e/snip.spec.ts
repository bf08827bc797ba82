/**
 * Snip and ask in the browser shell: getDisplayMedia with Chromium's fake capture source (a 1280×720 "screen",
 * accepted without a picker), then the crop overlay, the crop attached and sent at the size selected.
 */
import { expect, test } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config.ts';
import { GlimpseApp } from './harness.ts';

test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'],
  },
});

let app: GlimpseApp;
test.beforeEach(async ({ page }) => {
  app = await GlimpseApp.launch(page);
});
test.afterEach(async () => app.close());

/** The size the overlay shows, as numbers. */
async function shownSize(overlay: import('@playwright/test').Locator): Promise<[number, number]> {
  const text = (await overlay.getByLabel('Selection size').textContent()) ?? '';
  const m = /(\d+) × (\d+)/.exec(text);
  if (!m) throw new Error(`no size in "${text}"`);
  return [Number(m[1]), Number(m[2])];
}

test('snip: Esc cancels; drag a region of the shared screen, nudge it to size, attach it and send it', async ({ page }) => {
  await app.addProvider({ name: 'Fake Z.AI', path: 'zai', kind: 'Custom server', apiKey: 'test-key' });
  await page.getByRole('button', { name: 'Snip' }).click();
  const overlay = page.getByRole('dialog', { name: 'Snip' });
  await expect(overlay.getByRole('img', { name: 'The captured screen' })).toBeVisible();
  await overlay.press('Escape');
  await expect(overlay).toBeHidden();
  await expect(page.getByRole('list', { name: 'Attachments' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Snip' }).click();
  await expect(overlay.getByRole('img', { name: 'The captured screen' })).toBeVisible();
  await expect(overlay.getByRole('button', { name: 'Attach' })).toBeDisabled();

  const surface = overlay.getByTestId('snip-surface');
  const box = (await surface.boundingBox())!;
  await page.mouse.move(box.x + 200, box.y + 200);
  await page.mouse.down();
  // The screen is shown fitted to the window: drag what is about 280 × 168 of its own pixels.
  const scale = await overlay
    .getByRole('img', { name: 'The captured screen' })
    .evaluate((img: HTMLImageElement) => img.naturalWidth / img.getBoundingClientRect().width);
  await page.mouse.move(box.x + 200 + 280 / scale, box.y + 200 + 168 / scale, { steps: 4 });
  await page.mouse.up();
  // Alt+arrows move the right and bottom edges one screen pixel at a time: make it exactly 280 × 168.
  let [w, h] = await shownSize(overlay);
  expect(Math.abs(w - 280)).toBeLessThan(4);
  while (w !== 280) {
    await overlay.press(w < 280 ? 'Alt+ArrowRight' : 'Alt+ArrowLeft');
    [w, h] = await shownSize(overlay);
  }
  while (h !== 168) {
    await overlay.press(h < 168 ? 'Alt+ArrowDown' : 'Alt+ArrowUp');
    [w, h] = await shownSize(overlay);
  }
  // Plain arrows move it without changing its size.
  await overlay.press('Shift+ArrowRight');
  expect(await shownSize(overlay)).toEqual([280, 168]);
  await overlay.press('Enter');

  await expect(overlay).toBeHidden();
  const strip = page.getByRole('list', { name: 'Attachments' });
  await expect(strip.getByRole('img', { name: /^snip-\d{4}-\d\d-\d\d-\d{6}\.png$/ })).toBeVisible();
  await expect(strip).toContainText('280×168');
  await expect(page.getByRole('textbox', { name: 'Prompt' })).toBeFocused();

  await page.keyboard.type('What does this say?');
  await page.getByRole('button', { name: 'Send' }).click();
  await app.waitForAnswerDone();
  expect(app.fake.requests.at(-1)!.images[0]).toMatchObject({ width: 280, height: 168 });
});

test('snip: with a preset chosen in Settings, the snip is sent at once', async ({ page }) => {
  await app.addProvider({ name: 'Fake Z.AI', path: 'zai', kind: 'Custom server', apiKey: 'test-key' });
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  const after = settings.getByRole('combobox', { name: 'After a snip' });
  await expect(after).toHaveValue('');
  await after.selectOption({ label: 'Run “Extract text” at once' });
  // The browser shell cannot hold a global shortcut: it offers none.
  await expect(settings.getByRole('textbox', { name: 'Shortcut' })).toHaveCount(0);
  await settings.getByRole('button', { name: 'Close settings' }).click();
  // The one shortcut sheet lists the snipping keys; the desktop app's menu keys and global shortcut only where they exist.
  await page.getByRole('button', { name: 'Help' }).click();
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet.getByRole('heading', { name: 'Snipping' })).toBeVisible();
  await expect(sheet.getByText('Resize the selection')).toBeVisible();
  await expect(sheet.getByRole('heading', { name: 'Desktop app' })).toHaveCount(0);
  await sheet.getByRole('button', { name: 'Close keyboard shortcuts' }).click();

  await page.getByRole('button', { name: 'Snip' }).click();
  const overlay = page.getByRole('dialog', { name: 'Snip' });
  const surface = (await overlay.getByTestId('snip-surface').boundingBox())!;
  await page.mouse.move(surface.x + 100, surface.y + 100);
  await page.mouse.down();
  await page.mouse.move(surface.x + 300, surface.y + 250, { steps: 3 });
  await page.mouse.up();
  await overlay.getByRole('button', { name: 'Attach' }).click();
  await app.waitForAnswerDone();
  const sent = app.fake.requests.at(-1)!;
  expect(sent.text).toContain('Extract all the text in the image');
  expect(sent.images).toHaveLength(1);
});
