/** PDFs at the edges in the window: an AES-256 password that is not ASCII unlocks the file however it was composed. */
import { expect, test } from '@playwright/test';
import { makeEncryptedPdf } from '../fixtures/media/make-media.ts';
import { GlimpseApp } from './harness.ts';

let app: GlimpseApp;
test.beforeEach(async ({ page }) => {
  app = await GlimpseApp.launch(page);
});
test.afterEach(async () => app.close());

test('an AES-256 PDF opens with a non-ASCII password typed decomposed (NFD) in the password prompt', async ({ page }) => {
  await app.addProvider({ name: 'Fake', path: 'zai', kind: 'Custom server' });
  await app.attachViaDialog(await makeEncryptedPdf('umlaut.pdf', 'pässwört'));
  const card = page.getByRole('listitem', { name: 'umlaut.pdf' });
  const password = card.getByLabel('Password for umlaut.pdf', { exact: true }).and(page.locator('input'));
  await expect(card).toContainText('protected by a password');
  await password.fill('passwort');
  await card.getByRole('button', { name: 'Unlock' }).click();
  await expect(card).toContainText('That password is wrong');
  await password.fill('pässwört'.normalize('NFD'));
  await card.getByRole('button', { name: 'Unlock' }).click();
  await expect(card).toContainText('All 3 pages');
  await app.ask('Read page 1');
  await app.waitForAnswerDone();
  expect(app.fake.requests.at(-1)!.images).toHaveLength(3);
});
