/**
 * Compare lanes that differ in parameters, set in the app (issue #10): each lane's fields are the panel's, its
 * chips show on its header, and each lane's request carries its own values (the fake provider records both).
 */
import { expect, test } from '@playwright/test';
import { GlimpseApp } from './harness.ts';

let app: GlimpseApp;
test.afterEach(async () => app.close());

test('two lanes differing in temperature send two different bodies, each shown on its lane', async ({ page }) => {
  app = await GlimpseApp.launch(page);
  await app.addProvider({ name: 'Fake vLLM', path: 'vllm', kind: 'Custom server', apiKey: 'k' });
  await page.getByRole('textbox', { name: 'Prompt' }).fill('Describe it.');
  await page.getByRole('button', { name: 'Compare lanes' }).click();
  const editor = page.getByRole('group', { name: 'Compare lanes' });
  // Same mode in both lanes: only the temperature differs.
  await editor.getByRole('checkbox', { name: 'Lane 1 thinking' }).uncheck();
  for (const n of [1, 2]) {
    await editor
      .getByRole('group', { name: `Lane ${n} settings` })
      .getByText('Parameters')
      .click();
  }
  const t1 = editor.getByRole('textbox', { name: 'Lane 1 Temperature' });
  // A one-line field, as in the panel (the row's flex rules once made each field 120 px tall).
  expect((await t1.boundingBox())!.height).toBeLessThan(48);
  await t1.fill('9');
  await expect(editor.getByRole('alert').filter({ hasText: 'Temperature takes from 0 to 2; 9 is outside that.' })).toBeVisible();
  await t1.fill('0');
  await editor.getByRole('textbox', { name: 'Lane 2 Temperature' }).fill('1');
  await editor.getByRole('textbox', { name: 'Lane 2 Max output tokens' }).fill('300');
  await expect(page.getByTestId('lane-1-param-chips')).toHaveText('T 0');
  await expect(page.getByTestId('lane-2-param-chips')).toHaveText('T 1 · max 300');

  const before = app.fake.requests.length;
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const lane = (n: number) => page.getByRole('region', { name: new RegExp(`^Lane ${n}: `) });
  await expect(lane(1)).toHaveAttribute('aria-busy', 'false');
  await expect(lane(2)).toHaveAttribute('aria-busy', 'false');
  await expect(lane(1)).toHaveAccessibleName('Lane 1: T 0');
  await expect(lane(2)).toHaveAccessibleName('Lane 2: T 1 max 300');
  await expect(page.getByTestId('lane-1-chips')).toHaveText('T 0');
  await expect(page.getByTestId('lane-2-chips')).toHaveText('T 1 · max 300');

  const bodies = app.fake.requests.slice(before).map((r) => r.body as Record<string, unknown>);
  expect(bodies).toHaveLength(2);
  const byTemp = new Map(bodies.map((b) => [b.temperature, b]));
  expect(byTemp.get(0)).not.toHaveProperty('max_tokens');
  expect(byTemp.get(1)).toMatchObject({ temperature: 1, max_tokens: 300 });
});
