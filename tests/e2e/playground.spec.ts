import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, type Page, test } from '@playwright/test';
import { SPARSE_MODEL, STORY } from '../fixtures/fake-provider.ts';
import { GlimpseApp } from './harness.ts';

let app: GlimpseApp;
test.beforeEach(async ({ page }) => {
  app = await GlimpseApp.launch(page);
});
test.afterEach(async () => app.close());

const lastBody = () => app.fake.requests.at(-1)!.body as Record<string, any>;
const openParams = async (page: Page) => {
  const toggle = page.getByRole('region', { name: 'Parameters' }).getByRole('button', { name: /Parameters/ });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
};

test('parameters set in the panel arrive at the provider; out of range is refused where typed', async ({ page }) => {
  await app.addProvider({ name: 'Fake vLLM', path: 'vllm', kind: 'Custom server', apiKey: 'k' });
  await openParams(page);
  await page.getByLabel('System instructions').fill('Answer in one word.');
  const temp = page.getByLabel('Temperature', { exact: true });
  await temp.fill('7');
  await expect(page.getByRole('alert').filter({ hasText: 'Temperature takes from 0 to 2; 7 is outside that.' })).toBeVisible();
  await app.ask('What is it?');
  await expect(page.getByRole('alert').filter({ hasText: 'Fix the parameters first' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Prompt' })).toHaveValue('What is it?');
  await temp.fill('0.2');
  await page.getByLabel('Max output tokens').fill('2000');
  await page.getByLabel('Top K').fill('5');
  await expect(page.getByTestId('param-chips')).toHaveText('System · T 0.2 · top-k 5 · max 2k');
  await page.getByRole('button', { name: 'Send' }).click();
  await app.waitForAnswerDone();
  const body = lastBody();
  expect(body).toMatchObject({ temperature: 0.2, max_tokens: 2000, top_k: 5 });
  expect(body.messages[0]).toEqual({ role: 'system', content: 'Answer in one word.' });
  // Not set: not sent.
  expect(body).not.toHaveProperty('top_p');
  expect(body).not.toHaveProperty('seed');
});

test('regenerate and flip; edit and resend; after a reload both branches are there', async ({ page }) => {
  await app.addProvider({ name: 'Fake', path: 'zai', kind: 'Custom server', apiKey: 'k' });
  await app.setThinking(false);
  await app.ask('First question');
  await app.waitForAnswerDone();
  await page.getByRole('button', { name: 'Regenerate' }).click();
  await app.waitForAnswerDone();
  await expect(page.getByTestId('version')).toHaveText('2 / 2');
  await page.getByRole('button', { name: 'Previous version' }).click();
  await expect(page.getByTestId('version')).toHaveText('1 / 2');
  await page.getByRole('button', { name: 'Edit' }).click();
  await page.getByRole('textbox', { name: 'Edited question' }).fill('Edited question');
  await page.getByRole('button', { name: 'Send edited' }).click();
  await app.waitForAnswerDone();
  await expect(page.getByTestId('version')).toHaveText('3 / 3');
  await expect(app.answer().getByTestId('answer')).toContainText('your question “Edited question”');
  await expect(page.getByRole('article', { name: 'Exchange' })).toHaveCount(1);

  await page.reload();
  await page
    .getByRole('navigation', { name: 'Sessions' })
    .getByRole('button', { name: /^First question/ })
    .click();
  await expect(page.getByTestId('version')).toHaveText('3 / 3');
  await expect(page.locator('.user-prompt')).toHaveText('Edited question');
  await page.getByRole('button', { name: 'Previous version' }).click();
  await page.getByRole('button', { name: 'Previous version' }).click();
  await expect(page.getByTestId('version')).toHaveText('1 / 3');
  await expect(page.locator('.user-prompt')).toHaveText('First question');
});

test("while an answer runs, the other exchanges' Edit and Regenerate wait; copying does not", async ({ page }) => {
  await app.addProvider({ name: 'Paced', path: 'zai/tokens-3000/tps-60', kind: 'Custom server', apiKey: 'k' });
  await app.setThinking(false);
  const stop = page.getByRole('button', { name: 'Stop' });
  await app.ask('First question');
  await expect(app.answer().getByTestId('answer')).not.toBeEmpty();
  await stop.click();
  await app.waitForAnswerDone();
  const first = page.getByRole('article', { name: 'Exchange' }).first();
  const waiting = ['Edit', 'Regenerate'].map((name) => first.getByRole('button', { name, exact: true }));
  for (const b of waiting) await expect(b).toBeEnabled();

  await app.ask('Second question');
  await expect(app.answer().getByTestId('answer')).not.toBeEmpty();
  for (const b of waiting) await expect(b).toBeDisabled();
  await expect(first.getByRole('button', { name: 'Copy question' })).toBeEnabled();
  await stop.click();
  await app.waitForAnswerDone();
  for (const b of waiting) await expect(b).toBeEnabled();
});

test('Continue extends the same answer until it stops normally; reopened, it is one answer', async ({ page }) => {
  await app.addProvider({ name: 'Fake', path: 'vllm/story', kind: 'Custom server', apiKey: 'k' });
  await app.setThinking(false);
  await app.ask('Tell me a story');
  await app.waitForAnswerDone();
  const note = page.getByRole('note').filter({ hasText: 'finish_reason: length' });
  const exchanges = page.getByRole('article', { name: 'Exchange' });
  await expect(note).toBeVisible();
  await note.getByRole('button', { name: 'Continue' }).click();
  // One answer, grown; stopped at the limit again, so Continue is offered again.
  await expect(app.answer().getByTestId('answer')).toHaveText((STORY[0] + STORY[1]).trim());
  await expect(note).toBeVisible();
  await expect(exchanges).toHaveCount(1);
  // vLLM was sent the answer so far as the last message, left open.
  expect(lastBody().messages).toEqual([
    { role: 'user', content: 'Tell me a story' },
    { role: 'assistant', content: STORY[0] },
  ]);
  expect(lastBody()).toMatchObject({ continue_final_message: true, add_generation_prompt: false });
  await note.getByRole('button', { name: 'Continue' }).click();
  await expect(app.answer().getByTestId('answer')).toHaveText(STORY.join(''));
  await expect(note).toHaveCount(0);
  await expect(exchanges).toHaveCount(1);

  await page.reload();
  await page
    .getByRole('navigation', { name: 'Sessions' })
    .getByRole('button', { name: /^Tell me a story/ })
    .click();
  await expect(app.answer().getByTestId('answer')).toHaveText(STORY.join(''));
  await expect(exchanges).toHaveCount(1);
  await expect(note).toHaveCount(0);
  // View code of a continued answer is the request that continued it.
  await page.getByRole('button', { name: 'View code' }).click();
  await expect(page.getByRole('dialog', { name: 'View code' }).getByTestId('code')).toContainText(
    '"continue_final_message": true',
  );
  await page.keyboard.press('Escape');
  // Every request is its own row in the usage view.
  await page.getByRole('region', { name: 'Usage' }).getByRole('button', { name: 'Usage details' }).click();
  await expect(page.getByRole('dialog', { name: 'Usage details' }).getByLabel('Range totals')).toContainText('3 requests');
});

test('open parameters sit beside the conversation on a wide window, which keeps its height', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const conversation = page.locator('.conversation');
  const composerRow = page.locator('.composer-row');
  const before = await conversation.boundingBox();
  const rowBefore = (await composerRow.boundingBox())!.height;
  await openParams(page);
  const panel = await page.getByRole('region', { name: 'Parameters' }).boundingBox();
  const after = await conversation.boundingBox();
  expect(panel!.x).toBeGreaterThanOrEqual(after!.x + after!.width);
  // The conversation gives up no height to the panel: only what the composer grew by, its buttons having moved
  // below the prompt in the narrower column.
  const rowGrew = (await composerRow.boundingBox())!.height - rowBefore;
  expect(after!.height + rowGrew).toBeGreaterThanOrEqual(before!.height - 0.5);
  // The system prompt box keeps its rows in the scrolling column.
  expect((await page.getByLabel('System instructions').boundingBox())!.height).toBeGreaterThan(40);
  // The prompt is not squeezed between the composer's buttons in the narrower column: it takes the column's width.
  const prompt = (await page.getByRole('textbox', { name: 'Prompt' }).boundingBox())!;
  const composer = (await page.locator('.composer-row').boundingBox())!;
  expect(prompt.width).toBeCloseTo(composer.width, 0);
  expect(prompt.y + prompt.height).toBeLessThanOrEqual((await page.getByRole('button', { name: 'Send' }).boundingBox())!.y);
});

test('a JSON schema is checked as it is typed, and the answer is validated against it', async ({ page }) => {
  await app.addProvider({ name: 'Fake', path: 'vllm/json-bad', kind: 'Custom server', apiKey: 'k' });
  await openParams(page);
  await page.getByLabel('Response format').selectOption('json_schema');
  const editor = page.getByLabel('JSON schema', { exact: true });
  await editor.fill('{"type": "objekt"}');
  await expect(page.getByRole('list', { name: 'Schema problems' })).toContainText('type');
  await editor.fill('{"type": "object", "properties": {"count": {"type": "integer"}, "label": {"type": "string"}}}');
  await expect(page.getByRole('status').filter({ hasText: 'Valid JSON Schema' })).toBeVisible();
  await app.ask('Count the cats');
  await app.waitForAnswerDone();
  expect(lastBody().response_format).toMatchObject({ type: 'json_schema', json_schema: { name: 'answer' } });
  const check = page.getByRole('region', { name: 'Schema check' });
  await expect(check.getByRole('list', { name: 'Schema errors' }).getByRole('listitem')).toHaveText([
    '/count must be integer',
    '/label must be string',
  ]);
  await expect(check.getByRole('rowheader', { name: 'count' })).toBeVisible();
});

test('a schema sent straight after it is typed is the schema typed, never an older one', async ({ page }) => {
  await app.addProvider({ name: 'Fake', path: 'vllm', kind: 'Custom server', apiKey: 'k' });
  await openParams(page);
  await page.getByLabel('Response format').selectOption('json_schema');
  const typed = { type: 'object', properties: { count: { type: 'integer' } }, required: ['count'] };
  await page.getByLabel('JSON schema', { exact: true }).fill(JSON.stringify(typed));
  // Sent at once: until the host's verdict is in, Send is held back with a word why; after it, the send goes.
  await app.ask('Count the cats');
  const held = page.getByRole('alert').filter({ hasText: 'Checking the schema…' });
  await expect(held.or(app.answer())).toBeVisible();
  if (await held.isVisible()) {
    expect(app.fake.requests).toHaveLength(0);
    await expect(page.getByRole('status').filter({ hasText: 'Valid JSON Schema' })).toBeVisible();
    await page.getByRole('button', { name: 'Send' }).click();
  }
  await app.waitForAnswerDone();
  expect(lastBody().response_format).toEqual({
    type: 'json_schema',
    json_schema: { name: 'answer', schema: typed, strict: true },
  });
});

test("View code's curl, replayed against the provider, gets the same answer", async ({ page }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.shell.url });
  await app.addProvider({ name: 'Fake', path: 'zai', kind: 'Custom server', apiKey: 'k' });
  await app.setThinking(false);
  await openParams(page);
  await page.getByLabel('Seed').fill('7');
  await app.ask('Replay me');
  await app.waitForAnswerDone();
  const shown = (await app.answer().getByTestId('answer').innerText()).trim();
  await page.getByRole('button', { name: 'View code' }).click();
  const dialog = page.getByRole('dialog', { name: 'View code' });
  await expect(dialog.getByTestId('code')).toContainText('Authorization: Bearer $GLIMPSE_API_KEY');
  await dialog.getByRole('button', { name: 'Copy code' }).click();
  const curl = await page.evaluate(() => navigator.clipboard.readText());
  expect(curl).not.toContain('Bearer k"');
  // Async: the fake provider runs in this process and must keep answering while curl waits.
  const { stdout: out } = await promisify(execFile)('bash', ['-c', curl], { env: { ...process.env, GLIMPSE_API_KEY: 'k' } });
  expect(app.fake.requests.at(-1)!.body).toEqual(app.fake.requests.at(-2)!.body);
  const replayed = out
    .split('\n')
    .filter((l) => l.startsWith('data: {'))
    .map((l) => JSON.parse(l.slice(6)).choices?.[0]?.delta?.content ?? '')
    .join('');
  expect(replayed.trim()).toBe(shown);
});

test('an OpenRouter model that does not list a parameter shows it disabled, with why, once Test connection has read its list', async ({
  page,
}) => {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByRole('button', { name: 'Add provider' }).click();
  await dialog.getByRole('combobox', { name: 'Kind' }).selectOption({ label: 'OpenRouter' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill('OR sparse');
  await dialog.getByRole('textbox', { name: 'Base URL' }).fill(`${app.fake.url}/openrouter`);
  await dialog.getByLabel('API key').fill('good-key-0123456789');
  await dialog.getByRole('combobox', { name: 'Model' }).fill(SPARSE_MODEL);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await openParams(page);
  // The catalog knows nothing of this model: until its list is read, Top K is offered.
  await expect(page.getByLabel('Top K')).toBeEnabled();

  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await dialog.getByRole('button', { name: 'Edit OR sparse' }).click();
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Connected' })).toContainText(`${SPARSE_MODEL} is available`);
  await dialog.getByRole('button', { name: 'Close settings' }).click();
  await expect(dialog).toBeHidden();
  for (const [label, name] of [
    ['Top K', 'top_k'],
    ['Seed', 'seed'],
  ]) {
    await expect(page.getByLabel(label, { exact: true })).toBeDisabled();
    await expect(page.getByText(`${SPARSE_MODEL} on OpenRouter does not list ${name} among its parameters.`)).toBeVisible();
  }
  await expect(page.getByLabel('Temperature', { exact: true })).toBeEnabled();
});
