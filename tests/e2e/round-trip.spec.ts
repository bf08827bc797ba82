import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { makePng, makeTextFile } from '../fixtures/media/make-image.ts';
import { GlimpseApp } from './harness.ts';

let app: GlimpseApp;
test.beforeEach(async ({ page }) => {
  app = await GlimpseApp.launch(page);
});
test.afterEach(async () => app.close());

test('first open shows the empty state and the built-in providers', async ({ page }) => {
  // No key anywhere and no local server: Glimpse starts on Local OCR, which works at once, and says so.
  await expect(page.getByRole('heading', { name: 'Read the text of any scan, offline' })).toBeVisible();
  const picker = page.getByRole('combobox', { name: 'Provider' });
  await expect(picker.locator('option')).toHaveText([/Z\.AI/, /BigModel/, /OpenRouter/, /Novita/, /Tesseract OCR/]);
  await expect(picker).toHaveValue('local-ocr');
  await expect(page.getByRole('button', { name: 'Send' })).toBeDisabled();
});

test('attach an image, ask in thinking mode: reasoning apart from the answer, the image sized to the budget', async ({
  page,
}) => {
  await app.addProvider({ name: 'Fake Z.AI', path: 'zai', kind: 'Custom server', apiKey: 'test-key' });
  const photo = await makePng('photo.png', 3000, 2000);
  await app.attachViaDialog(photo);
  const strip = page.getByRole('list', { name: 'Attachments' });
  await expect(strip.getByRole('img', { name: 'photo.png' })).toBeVisible();
  // 3000x2000 at the default 2,560-token budget: the largest multiple-of-28 size within budget.
  await expect(strip).toContainText('1708×1148 · 2,501 tok');
  await app.setThinking(true);
  await app.ask('What colour is the square?');
  await app.waitForAnswerDone();

  const answer = app.answer();
  await expect(answer.getByTestId('answer')).toContainText('Answer in thinking mode: I received 1 image(s)');
  const reasoning = answer.locator('details.reasoning');
  await expect(reasoning.locator('summary')).toContainText('Reasoning');
  await expect(answer.getByTestId('answer')).not.toContainText('Let me look carefully');
  await reasoning.locator('summary').click();
  await expect(reasoning).toContainText('Let me look carefully');

  const sent = app.fake.requests.at(-1)!;
  expect(sent.thinking).toBe(true);
  expect(sent.authorization).toBe('Bearer test-key');
  expect(sent.images).toHaveLength(1);
  expect(sent.images[0]).toMatchObject({ mime: 'image/jpeg', width: 1708, height: 1148 });
  await expect(answer.getByRole('definition').filter({ hasText: 'tok' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/round-trip.png' });
});

test('thinking off sends the switch off and shows no reasoning; Ctrl+Enter sends', async ({ page }) => {
  await app.addProvider({ name: 'Fake vLLM', path: 'vllm', kind: 'Custom server' });
  await app.setThinking(false);
  await page.getByRole('textbox', { name: 'Prompt' }).fill('Quick one');
  await page.getByRole('textbox', { name: 'Prompt' }).press('Control+Enter');
  await app.waitForAnswerDone();
  await expect(app.answer().getByTestId('answer')).toContainText('Answer in fast mode');
  await expect(app.answer().locator('details.reasoning')).toHaveCount(0);
  expect(app.fake.requests.at(-1)!.body.chat_template_kwargs).toEqual({ enable_thinking: false });
});

test('Stop cancels a running answer and keeps what arrived', async ({ page }) => {
  await app.addProvider({ name: 'Slow', path: 'zai/slow', kind: 'Custom server' });
  await app.setThinking(false);
  await app.ask('Tell me slowly');
  await expect(app.answer().getByTestId('answer')).toContainText('Answer in');
  await page.getByRole('button', { name: 'Stop' }).click();
  await app.waitForAnswerDone();
  await expect(app.answer()).toContainText('Stopped. What arrived is kept.');
  const kept = await app.answer().getByTestId('answer').innerText();
  expect(kept.length).toBeGreaterThan(0);
  expect(kept).not.toContain('your question “Tell me slowly”.');
  await expect(page.getByRole('button', { name: 'Send' })).toBeVisible();
});

test('a dropped non-image file gets an inline message and nothing is sent', async ({ page }) => {
  await app.addProvider({ name: 'Fake', path: 'zai', kind: 'Custom server' });
  const text = readFileSync(makeTextFile('notes.png'));
  await page.evaluate(
    async (bytes) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(bytes)], 'notes.png', { type: 'image/png' }));
      const target = document.querySelector('.app')!;
      for (const type of ['dragenter', 'dragover', 'drop']) {
        target.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
      }
    },
    [...text],
  );
  await expect(page.getByRole('alert')).toContainText('“notes.png” is not an image');
  await expect(page.getByRole('list', { name: 'Attachments' })).toHaveCount(0);
  expect(app.fake.requests).toHaveLength(0);
});

test('a pasted image is attached', async ({ page }) => {
  const png = readFileSync(await makePng('pasted.png', 400, 300));
  await page.getByRole('textbox', { name: 'Prompt' }).focus();
  await page.evaluate(
    async (bytes) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(bytes)], 'pasted.png', { type: 'image/png' }));
      document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    },
    [...png],
  );
  await expect(page.getByRole('list', { name: 'Attachments' }).getByRole('img', { name: 'pasted.png' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Attachments' })).toContainText('392×280');
});

for (const [path, kind, text] of [
  ['zai/401', 'auth', 'API key refused'],
  ['zai/429', 'rate-limit', 'Rate limited'],
  ['zai/500', 'server', 'Provider error'],
] as const) {
  test(`a ${kind} error is shown readably and the conversation keeps working`, async () => {
    await app.addProvider({ name: `Broken ${kind}`, path, kind: 'Custom server' });
    await app.ask('Will this work?');
    await app.waitForAnswerDone();
    const alert = app.answer().getByRole('alert');
    await expect(alert).toContainText(text);
    await expect(alert).toContainText(kind);
    await app.addProvider({ name: 'Working', path: 'zai', kind: 'Custom server' });
    await app.ask('And this?');
    await app.waitForAnswerDone();
    await expect(app.answer().getByTestId('answer')).toContainText('Answer in');
    await expect(app.answer(0).getByRole('alert')).toContainText(text);
  });
}

test('an unreachable provider is a network error', async () => {
  await app.addProvider({ name: 'Nowhere', baseUrl: 'http://127.0.0.1:9/v1' });
  await app.ask('Anyone there?');
  await app.waitForAnswerDone();
  await expect(app.answer().getByRole('alert')).toContainText('Cannot reach the provider');
});

test('closing the window mid-stream cancels the request at the provider', async ({ page }) => {
  await app.addProvider({ name: 'Slow', path: 'zai/slow', kind: 'Custom server' });
  await app.ask('A long answer please');
  await expect(app.answer().getByTestId('answer')).toContainText('Answer in');
  expect(app.fake.requests[0].aborted).toBeFalsy();
  await page.close();
  // The shell notices the last event stream closing and cancels; the fake provider sees the hang-up.
  await expect.poll(() => app.fake.requests[0].aborted, { timeout: 10_000 }).toBe(true);
});
