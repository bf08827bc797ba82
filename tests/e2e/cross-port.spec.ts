/**
 * Cookies ignore ports: a page served from another port on 127.0.0.1 is "same-site" to the browser shell, and its
 * <img> would carry the shell's cookie. Such a page must not be able to load a stored attachment.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { GlimpseApp } from './harness.ts';

let app: GlimpseApp;
let other: Server | null = null;
test.afterEach(async () => {
  await app?.close();
  await new Promise<void>((resolve) => (other ? other.close(() => resolve()) : resolve()));
  other = null;
});

/** Waits for an <img> to load or fail and says which. */
const imageOutcome = (src: string) => `new Promise((resolve) => {
  const img = new Image();
  img.onload = () => resolve(img.naturalWidth > 0 ? 'loaded' : 'failed');
  img.onerror = () => resolve('failed');
  img.src = ${JSON.stringify(src)};
})`;

test('a page on another loopback port cannot load an attachment image; the app itself can', async ({ page }) => {
  app = await GlimpseApp.launch(page);
  const png = await sharp({ create: { width: 32, height: 24, channels: 3, background: '#cc3366' } })
    .png()
    .toBuffer();
  const id = await page.evaluate(
    async (bytes) => {
      const r = await fetch('/api/attachments?name=pink.png&mime=image/png', { method: 'POST', body: new Uint8Array(bytes) });
      return ((await r.json()) as { result: { id: string } }).result.id;
    },
    [...png],
  );
  const src = `${app.shell.url}/api/attachments/${id}`;
  expect(await page.evaluate(imageOutcome(src))).toBe('loaded');

  other = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><title>Another local page</title>');
  });
  await new Promise<void>((resolve) => other!.listen(0, '127.0.0.1', resolve));
  await page.goto(`http://127.0.0.1:${(other.address() as AddressInfo).port}/`);
  await expect(page).toHaveTitle('Another local page');
  expect(await page.evaluate(imageOutcome(src))).toBe('failed');
});
