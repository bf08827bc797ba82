/**
 * The Electron shell itself. Its binary cannot be downloaded on CI machines here, so this spec reports itself
 * skipped (with the reason, counted in the output) wherever `require('electron')` finds no binary.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { startFakeProvider } from '../fixtures/fake-provider.ts';
import { makePng } from '../fixtures/media/make-image.ts';

function electronBinary(): string | null {
  try {
    const require = createRequire(import.meta.url);
    // Electron downloads its binary on first require when it is missing; here that only prints a failed fetch.
    if (!existsSync(join(dirname(require.resolve('electron')), 'path.txt'))) return null;
    const path = require('electron') as unknown as string;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const SKIP_REASON =
  'Electron binary not installed (its download is unreachable on this machine); the browser shell specs cover the shared renderer and host';
if (!binary) console.log(`[electron.spec] skipped: ${SKIP_REASON}`);

test.describe('Electron shell', () => {
  test.skip(!binary, SKIP_REASON);

  test('start, attach, send, copy the answer, snip, quit', async () => {
    const fake = await startFakeProvider();
    const dataDir = mkdtempSync(join(tmpdir(), 'glimpse-electron-'));
    const app = await electron.launch({
      executablePath: binary!,
      args: ['.'],
      env: { ...process.env, GLIMPSE_DATA_DIR: dataDir },
    });
    try {
      const page = await app.firstWindow();
      await expect(page).toHaveTitle('Glimpse');
      // The window options themselves are unit-tested (window-options.test.ts); here: named methods only,
      // no ipcRenderer, no Node in the page.
      const exposed = await page.evaluate(() => ({
        methods: Object.keys((window as unknown as { glimpseHost: object }).glimpseHost).sort(),
        hasRequire: typeof (window as unknown as { require?: unknown }).require,
        hasProcess: typeof (window as unknown as { process?: unknown }).process,
      }));
      expect(exposed.methods).toContain('startChat');
      expect(exposed.methods).not.toContain('invoke');
      expect(exposed.hasRequire).toBe('undefined');
      expect(exposed.hasProcess).toBe('undefined');

      await page.getByRole('button', { name: 'Settings', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Settings' });
      await dialog.getByRole('button', { name: 'Add provider' }).click();
      await dialog.getByRole('textbox', { name: 'Name' }).fill('Fake');
      await dialog.getByRole('textbox', { name: 'Base URL' }).fill(`${fake.url}/zai/demo`);
      await dialog.getByRole('combobox', { name: 'Model' }).fill('glm-4.5v');
      await dialog.getByRole('button', { name: 'Save' }).click();

      // Attach through the file dialog, as Ctrl+O or the paperclip opens it.
      const photo = await makePng('electron-photo.png', 640, 480);
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Attach files' }).click();
      await (await chooser).setFiles(photo);
      const strip = page.getByRole('list', { name: 'Attachments' });
      await expect(strip.getByRole('img', { name: 'electron-photo.png' })).toBeVisible();

      await page.getByRole('textbox', { name: 'Prompt' }).fill('Hello from Electron');
      await page.getByRole('button', { name: 'Send' }).click();
      const answer = page.getByRole('region', { name: 'Answer' }).last();
      await expect(answer).toHaveAttribute('aria-busy', 'false');
      await expect(answer.getByTestId('answer')).toContainText('Café Lumen');

      // Copy needs `clipboard-sanitized-write`, the one permission the window is granted.
      const copy = answer.getByRole('button', { name: 'Copy table as CSV' });
      await copy.click();
      await expect(copy).toHaveText('Copied');
      const copied = await app.evaluate(({ clipboard }) => clipboard.readText());
      expect(copied).toContain('Flat white');

      // Snip: the main process captures the display (Xvfb's screen on CI), the overlay crops, the crop is attached.
      await page.getByRole('button', { name: 'Snip' }).click();
      const overlay = page.getByRole('dialog', { name: 'Snip' });
      await expect(overlay.getByRole('img', { name: 'The captured screen' })).toBeVisible();
      const surface = (await overlay.getByTestId('snip-surface').boundingBox())!;
      await page.mouse.move(surface.x + 50, surface.y + 50);
      await page.mouse.down();
      await page.mouse.move(surface.x + 250, surface.y + 150, { steps: 4 });
      await page.mouse.up();
      await overlay.press('Enter');
      await expect(overlay).toBeHidden();
      await expect(strip.getByRole('img', { name: /^snip-.*\.png$/ })).toBeVisible();
      await expect(page.getByRole('textbox', { name: 'Prompt' })).toBeFocused();

      // Quit from the main process, as the tray's Quit does; the process ends.
      const closed = new Promise<void>((resolve) => app.process().once('exit', () => resolve()));
      await app.evaluate(({ app: electronApp }) => electronApp.quit());
      await closed;
    } finally {
      await app.close();
      await fake.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
