/**
 * Issue #3 end to end: every provider kind configured in Settings (base URLs pointed at the fake provider's
 * dialect paths), a request in each mode, each error kind shown readably, retries visible, prices edited,
 * Test connection. Waits are on page state, never on sleeps.
 */
import { expect, test, type Page } from '@playwright/test';
import { startFakeProvider } from '../fixtures/fake-provider.ts';
import { GlimpseApp } from './harness.ts';

let app: GlimpseApp;
test.afterEach(async () => app?.close());

const settings = (page: Page) => page.getByRole('dialog', { name: 'Settings' });

/** Adds a provider of a kind through Settings; `configure` runs before Save (e.g. to pin upstreams). */
async function addKind(page: Page, kind: string, name: string, path: string, model: string, configure?: () => Promise<void>) {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const dialog = settings(page);
  await dialog.getByRole('button', { name: 'Add provider' }).click();
  await dialog.getByRole('combobox', { name: 'Kind' }).selectOption({ label: kind });
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  await dialog.getByRole('textbox', { name: 'Base URL' }).fill(`${app.fake.url}/${path}`);
  await dialog.getByLabel('API key').fill('e2e-key-0123456789');
  await dialog.getByRole('combobox', { name: 'Model' }).fill(model);
  await configure?.();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('combobox', { name: 'Provider' })).toContainText(name);
}

const KINDS = [
  {
    kind: 'Z.AI',
    path: 'zai',
    model: 'glm-4.5v',
    field: (b: any, on: boolean) => expect(b.thinking).toEqual({ type: on ? 'enabled' : 'disabled' }),
  },
  {
    kind: 'BigModel',
    path: 'zai',
    model: 'glm-4.5v',
    field: (b: any, on: boolean) => expect(b.thinking).toEqual({ type: on ? 'enabled' : 'disabled' }),
  },
  {
    kind: 'OpenRouter',
    path: 'openrouter',
    model: 'z-ai/glm-4.5v',
    field: (b: any, on: boolean) => expect(b.reasoning).toEqual({ enabled: on }),
  },
  {
    kind: 'Novita',
    path: 'vllm',
    model: 'zai-org/glm-4.5v',
    field: (b: any, on: boolean) => expect(b.chat_template_kwargs).toEqual({ enable_thinking: on }),
  },
  {
    kind: 'Custom server',
    path: 'think',
    model: 'glm-4.5v',
    field: (b: any, on: boolean) => expect(b.chat_template_kwargs).toEqual({ enable_thinking: on }),
  },
];

for (const k of KINDS) {
  test(`${k.kind}: configured in Settings, answers in thinking and fast mode in its own dialect`, async ({ page }) => {
    app = await GlimpseApp.launch(page);
    const name = `Fake ${k.kind}`;
    await addKind(page, k.kind, name, k.path, k.model, async () => {
      if (k.kind !== 'OpenRouter') return;
      const pin = settings(page).getByRole('group', { name: 'Upstream (OpenRouter routing)' });
      await pin.getByRole('checkbox', { name: 'Novita' }).check();
      await pin.getByRole('checkbox', { name: 'Z.AI' }).check();
      await expect(pin).toContainText('Pinned to Novita, then Z.AI');
    });
    for (const [i, on] of [true, false].entries()) {
      await app.setThinking(on);
      await app.ask(`Question ${i}`);
      await app.waitForAnswerDone(i);
      const answer = app.answer(i);
      await expect(answer.getByTestId('answer')).toContainText(`Answer in ${on ? 'thinking' : 'fast'} mode`);
      await expect(answer.locator('details.reasoning')).toHaveCount(on ? 1 : 0);
      await expect(answer.getByRole('alert')).toHaveCount(0);
      const sent = app.fake.requests.at(-1)!;
      k.field(sent.body, on);
      expect(sent.body.model).toBe(k.model);
      expect(sent.authorization).toBe('Bearer e2e-key-0123456789');
      if (k.kind === 'OpenRouter') expect(sent.body.provider).toEqual({ order: ['novita', 'z-ai'], allow_fallbacks: false });
    }
    // The answer text never carries raw think tags, whichever dialect sent the reasoning.
    await expect(app.answer(0).getByTestId('answer')).not.toContainText('think>');
    const cost = app.answer(0).getByRole('definition').filter({ hasText: '$' });
    if (k.kind === 'Custom server') await expect(app.answer(0)).toContainText('unknown');
    else await expect(cost.first()).toContainText(k.kind === 'OpenRouter' ? 'provider' : 'price table');
  });
}

const FAULTS: [path: string, kind: string, title: string, extra?: string][] = [
  ['zai/401', 'auth', 'API key refused'],
  ['zai/429', 'rate-limit', 'Rate limited', 'wait 30 s'],
  ['zai/1113', 'quota', 'Out of balance or quota'],
  ['openrouter/402', 'quota', 'Out of balance or quota', 'HTTP 402'],
  ['zai/1261', 'context-length', 'Too long for the model'],
  ['zai/1301', 'content-filter', 'Blocked by the content filter', 'HTTP 400'],
  ['zai/sensitive', 'content-filter', 'Blocked by the content filter', 'arrived is kept'],
  ['zai/1211', 'bad-request', 'Request rejected', 'Unknown Model'],
  ['zai/500', 'server', 'Provider error'],
  ['openrouter/sse-error', 'server', 'Provider error', 'Upstream provider went away'],
  ['zai/die-mid', 'network', 'Cannot reach the provider', 'arrived is kept'],
  ['zai/stall', 'timeout', 'The provider went quiet'],
  ['zai/malformed', 'protocol', 'Unreadable response'],
  ['zai/end-early', 'protocol', 'Unreadable response', 'ended before the answer was finished'],
];

test('each error kind is shown readably, with the kind, and partial answers kept', async ({ page }) => {
  test.setTimeout(90_000);
  app = await GlimpseApp.launch(page, { env: { GLIMPSE_IDLE_TIMEOUT_S: '1' } });
  for (const [i, [path, kind, title, extra]] of FAULTS.entries()) {
    await app.addProvider({ name: `F${i} ${path}`, path, kind: 'Custom server', apiKey: 'fault-key-0123456789' });
    // Set once a provider with a thinking switch is picked (Local OCR, picked at start without a key, has none).
    if (i === 0) await app.setThinking(false);
    await app.ask(`Try ${path}`);
    await app.waitForAnswerDone(i);
    const alert = app.answer(i).getByRole('alert');
    await expect(alert, path).toContainText(title);
    await expect(alert.locator('.error-kind'), path).toContainText(kind);
    if (extra) await expect(alert, path).toContainText(extra);
    await expect(alert).not.toContainText('fault-key-0123456789');
  }
  // bad-input: refused on our side, nothing sent.
  const sent = app.fake.requests.length;
  await page.getByRole('textbox', { name: 'Prompt' }).fill('   ');
  await expect(page.getByRole('button', { name: 'Send' })).toBeDisabled();
  expect(app.fake.requests.length).toBe(sent);
  await page.screenshot({ path: 'test-results/screenshots/providers-errors.png', fullPage: false });
});

test('a retry before the first byte is visible while waiting, then the answer arrives', async ({ page }) => {
  app = await GlimpseApp.launch(page);
  await app.addProvider({ name: 'Busy', path: 'zai/429-short/slow', kind: 'Custom server' });
  await app.setThinking(false);
  await app.ask('Are you busy?');
  await expect(app.answer()).toContainText('Retrying in 1 s (attempt 2)');
  await app.waitForAnswerDone();
  await expect(app.answer().getByTestId('answer')).toContainText('Answer in fast mode');
  await expect(app.answer()).not.toContainText('Retrying');
});

test('prices: GLM-4.6V is unknown until a price is entered; bad input is explained and loses nothing', async ({ page }) => {
  app = await GlimpseApp.launch(page);
  await addKind(page, 'Z.AI', 'Z 4.6V', 'zai', 'glm-4.6v');
  await app.setThinking(false);
  await app.ask('Before a price');
  await app.waitForAnswerDone(0);
  await expect(app.answer(0).getByRole('definition').filter({ hasText: 'unknown' }).first()).toBeVisible();

  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const dialog = settings(page);
  await dialog.getByRole('button', { name: 'Edit Z 4.6V' }).click();
  const prices = dialog.getByRole('region', { name: 'Models and prices' });
  const row = prices.getByRole('listitem', { name: 'glm-4.6v' });
  await expect(row).toContainText('Price unknown');
  await expect(prices.getByRole('listitem', { name: 'glm-4.5v' })).toContainText('$0.60 in · $1.80 out · $0.11 cached');
  await row.getByRole('button', { name: 'Enter price of glm-4.6v' }).click();
  await row.getByLabel('Prompt for glm-4.6v').fill('abc');
  await row.getByLabel('Completion for glm-4.6v').fill('2.4');
  await row.getByRole('button', { name: 'Save price' }).click();
  await expect(row.getByRole('alert')).toContainText('Prompt must be a number');
  await expect(row.getByLabel('Completion for glm-4.6v')).toHaveValue('2.4');
  await row.getByLabel('Prompt for glm-4.6v').fill('0.8');
  await row.getByRole('button', { name: 'Save price' }).click();
  await expect(row).toContainText('$0.80 in · $2.40 out per 1M tokens');
  await expect(row).toContainText('your price');
  await page.setViewportSize({ width: 420, height: 820 });
  await page.screenshot({ path: 'test-results/screenshots/providers-prices-narrow.png' });
  await page.setViewportSize({ width: 1200, height: 820 });

  // Add a model the catalog does not list; it appears in the Model picker's options.
  await prices.getByRole('textbox', { name: 'New model id' }).fill('glm 5');
  await prices.getByRole('button', { name: 'Add model' }).click();
  await expect(prices.getByRole('alert')).toContainText('no spaces');
  await prices.getByRole('textbox', { name: 'New model id' }).fill('glm-4.5v-preview');
  await prices.getByRole('button', { name: 'Add model' }).click();
  await expect(prices.getByRole('listitem', { name: 'glm-4.5v-preview' })).toContainText('added');
  await expect(dialog.locator('#model-options option[value="glm-4.5v-preview"]')).toHaveCount(1);
  await dialog.getByRole('button', { name: 'Close settings' }).click();

  await app.ask('After a price');
  await app.waitForAnswerDone(1);
  await expect(app.answer(1).getByRole('definition').filter({ hasText: 'price table' })).toBeVisible();
});

test('Test connection reports the key and the model; a refused key says so', async ({ page }) => {
  app = await GlimpseApp.launch(page);
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const dialog = settings(page);
  await dialog.getByRole('button', { name: 'Add provider' }).click();
  await dialog.getByRole('combobox', { name: 'Kind' }).selectOption({ label: 'OpenRouter' });
  await dialog.getByRole('textbox', { name: 'Base URL' }).fill(`${app.fake.url}/openrouter`);
  await dialog.getByLabel('API key').fill('bad-key');
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  const report = dialog.getByRole('status').filter({ hasText: 'Connection' });
  await expect(report).toContainText('Connection failed (auth)');
  await expect(report).toContainText('Key refused');
  await dialog.getByLabel('API key').fill('good-key-0123456789');
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Connected' })).toContainText(
    'Key accepted. z-ai/glm-4.5v is available.',
  );
  await dialog.getByRole('combobox', { name: 'Model' }).fill('z-ai/glm-9');
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Connected' })).toContainText('z-ai/glm-9 is not among the 4 models');
  await expect(dialog.getByRole('button', { name: 'Remove key' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/providers-test-connection.png' });
});

test('the toolbar switches the model; the choice is saved and the next request uses it', async ({ page }) => {
  app = await GlimpseApp.launch(page);
  await addKind(page, 'Z.AI', 'Z switch', 'zai', 'glm-4.5v');
  const modelPicker = page.getByRole('banner').getByRole('combobox', { name: 'Model' });
  await expect(modelPicker.locator('option')).toHaveText(['glm-4.5v', 'glm-4.6v']);
  await modelPicker.selectOption('glm-4.6v');
  await expect(page.getByRole('combobox', { name: 'Provider' })).toContainText('Z switch · glm-4.6v');
  await app.setThinking(false);
  await app.ask('Which model?');
  await app.waitForAnswerDone();
  expect(app.fake.requests.at(-1)!.body.model).toBe('glm-4.6v');
  await expect(app.answer().getByRole('definition').filter({ hasText: 'unknown' }).first()).toBeVisible();
  await page.reload();
  await expect(page.getByRole('banner').getByRole('combobox', { name: 'Model' })).toHaveValue('glm-4.6v');
});

test('moving a provider to another address removes its stored key and says so; the key is not sent there', async ({ page }) => {
  app = await GlimpseApp.launch(page);
  const other = await startFakeProvider();
  try {
    await app.addProvider({ name: 'Moving box', kind: 'Custom server', path: 'zai', apiKey: 'sk-first-host-key-0123' });
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const dialog = settings(page);
    // The browser shell keeps keys in an owner-only file, and offers to keep them in memory instead.
    const storage = dialog.getByRole('region', { name: 'Key storage' });
    await expect(storage).toContainText('Keys are kept in a file only your user account can read');
    await expect(storage.getByRole('checkbox', { name: /Keep keys for this session only/ })).not.toBeChecked();
    await dialog.getByRole('button', { name: 'Edit Moving box' }).click();
    await dialog.getByRole('textbox', { name: 'Base URL' }).fill(`${other.url}/zai`);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByRole('status')).toHaveText(
      'The key was removed because the address changed. Enter it again to use it with the new address.',
    );
    await expect(dialog.getByLabel('API key')).toHaveAttribute('placeholder', 'Optional for local servers');
    await dialog.getByRole('button', { name: 'Close settings' }).click();
    await app.ask('Where does this go?');
    await app.waitForAnswerDone();
    expect(other.requests).toHaveLength(1);
    expect(other.requests[0].authorization).not.toContain('sk-first-host-key-0123');
  } finally {
    await other.close();
  }
});
