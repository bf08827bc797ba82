/**
 * A long answer of tables, code and math (the fake provider's `rich` benchmark script) that ends while most of
 * its blocks still wait as plain text: the blocks the person is looking at (the end of the answer, where the
 * conversation follows the stream) become Markdown first, not after every block above them (issue #15).
 */
import { expect, test } from '@playwright/test';
import { GlimpseApp } from './harness.ts';

let app: GlimpseApp;
test.beforeEach(async ({ page }) => {
  app = await GlimpseApp.launch(page);
});
test.afterEach(async () => app.close());

test('after a long rich answer ends, the blocks in view become Markdown before the blocks above them', async () => {
  test.setTimeout(240_000);
  await app.addProvider({ name: 'Rich', path: 'zai/tokens-8000/rich', kind: 'Custom server' });
  await app.ask('A long answer with tables');
  await expect(app.answer()).toHaveAttribute('aria-busy', 'false', { timeout: 60_000 });
  const answer = app.answer().getByTestId('answer');
  // Checked every frame, from the end of the stream: the moment the groups of blocks on screen are all Markdown.
  const seen = await answer.evaluateHandle(
    (el) =>
      new Promise<{ onScreen: number; tables: number; plainAbove: number }>((resolve) => {
        const check = () => {
          const groups = [...el.querySelectorAll<HTMLElement>('.md-group')];
          const onScreen = groups.filter((g) => {
            const r = g.getBoundingClientRect();
            return r.bottom > 0 && r.top < innerHeight;
          });
          if (onScreen.length === 0 || onScreen.some((g) => g.querySelector('.md-plain'))) {
            requestAnimationFrame(check);
            return;
          }
          const plainAbove = groups.filter((g) => g.getBoundingClientRect().bottom <= 0 && g.querySelector('.md-plain'));
          const tables = onScreen.reduce((n, g) => n + g.querySelectorAll('table').length, 0);
          resolve({ onScreen: onScreen.length, tables, plainAbove: plainAbove.length });
        };
        check();
      }),
  );
  const at = await seen.jsonValue();
  // The blocks on screen are Markdown (their tables are tables) while groups above, off screen, still wait.
  expect(at.tables).toBeGreaterThan(0);
  expect(at.plainAbove).toBeGreaterThan(0);
  // The rest are converted in the end, in idle time.
  await expect(answer.locator('.progressive-markdown')).toHaveAttribute('data-state', 'done', { timeout: 150_000 });
  await expect(answer.locator('.md-plain')).toHaveCount(0);
});
