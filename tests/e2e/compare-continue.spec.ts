/** Continue on a compare lane (issue #10): the lane's answer grows in place; the other lane and the compare stay. */
import { expect, test } from '@playwright/test';
import { STORY } from '../fixtures/fake-provider.ts';
import { GlimpseApp } from './harness.ts';

let app: GlimpseApp;
test.afterEach(async () => app.close());

test('a lane cut at its limit continues in place', async ({ page }) => {
  app = await GlimpseApp.launch(page);
  await app.addProvider({ name: 'Fake vLLM', path: 'vllm/story', kind: 'Custom server', apiKey: 'k' });
  await page.getByRole('textbox', { name: 'Prompt' }).fill('Tell me a story');
  await page.getByRole('button', { name: 'Compare lanes' }).click();
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const lane = (n: number) => page.getByRole('region', { name: new RegExp(`^Lane ${n}: `) });
  await expect(lane(1)).toHaveAttribute('aria-busy', 'false');
  await expect(lane(2)).toHaveAttribute('aria-busy', 'false');
  const note = (n: number) => lane(n).getByRole('note').filter({ hasText: 'finish_reason: length' });
  await note(2).getByRole('button', { name: 'Continue' }).click();
  await expect(lane(2).locator('.lane-answer')).toHaveText((STORY[0] + STORY[1]).trim());
  await expect(lane(1).locator('.lane-answer')).toHaveText(STORY[0].trim());
  await expect(note(1)).toBeVisible();
  await expect(note(2)).toBeVisible();
  await expect(page.getByRole('article', { name: 'Compare' })).toHaveCount(1);
  const body = app.fake.requests.at(-1)!.body as { messages: unknown[] };
  expect(body.messages).toEqual([
    { role: 'user', content: 'Tell me a story' },
    { role: 'assistant', content: STORY[0] },
  ]);
  expect(body).toMatchObject({ continue_final_message: true, add_generation_prompt: false });
});
