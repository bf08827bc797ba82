/**
 * Answers built to break the window (issue #16), from the fake provider's `nested-<n>`, `longword-<KiB>` and
 * `boxes-<n>` scripts (tests/fixtures/grounding-scripts.ts): markup nested deep enough to overflow the renderer's
 * stack, and answers whose layout or drawing once held the main thread for seconds.
 */
import { expect, test, type Page } from '@playwright/test';
import { GlimpseApp } from './harness.ts';

let app: GlimpseApp;
test.beforeEach(async ({ page }) => {
  app = await GlimpseApp.launch(page);
});
test.afterEach(async () => app.close());

const sessions = (page: Page) => page.getByRole('navigation', { name: 'Sessions' });

test('2,000 nested divs: the answer renders with its nesting capped, the app stays, and the session reopens', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await app.addProvider({ name: 'Nested', path: 'zai/nested-2000', kind: 'Custom server' });
  await app.ask('Nest deeply');
  await app.waitForAnswerDone();
  const md = app.answer().getByTestId('answer');
  await expect(md).toContainText('Deep markup follows.');
  await expect(md).toContainText('at the bottom');
  await expect(md).toContainText('After the nesting.');
  // Capped: the deepest element under the answer is nowhere near 2,000 levels down.
  const depth = await md.evaluate((root) => {
    let max = 0;
    const walk = (el: Element, d: number) => {
      max = Math.max(max, d);
      for (const c of el.children) walk(c, d + 1);
    };
    walk(root, 0);
    return max;
  });
  expect(depth).toBeLessThan(100);
  expect(errors).toEqual([]);

  // The rest of the app still works: another question, another answer.
  await app.addProvider({ name: 'Plain', path: 'zai', kind: 'Custom server' });
  await app.ask('Still there?');
  await app.waitForAnswerDone();
  await expect(app.answer().getByTestId('answer')).toContainText('“Still there?”');

  // Reopening the session renders the deep answer again, capped, and the window stays.
  await sessions(page).getByRole('button', { name: 'New session' }).click();
  await expect(page.getByRole('heading', { name: 'See what the model sees' })).toBeVisible();
  await sessions(page).getByRole('button', { name: /^Nest deeply/ }).click();
  await expect(app.answer(0).getByTestId('answer')).toContainText('at the bottom');
  await expect(app.answer(1).getByTestId('answer')).toContainText('“Still there?”');
  await expect(page.getByRole('textbox', { name: 'Prompt' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('an answer that still cannot be rendered shows its raw text to copy; the rest of the app keeps working', async ({ page }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.shell.url });
  await app.addProvider({ name: 'Fine', path: 'zai', kind: 'Custom server' });
  await app.ask('First question');
  await app.waitForAnswerDone();
  // 3,000 levels of `>` overflow the Markdown lexer itself, before any plugin sees a tree.
  await app.addProvider({ name: 'Quotes', path: 'zai/quotes-3000', kind: 'Custom server' });
  await app.ask('Quote deeply');
  await app.waitForAnswerDone();
  const failed = app.answer();
  await expect(failed.getByRole('alert')).toContainText('This answer could not be shown formatted');
  await expect(failed.getByLabel('Raw answer', { exact: true })).toContainText('the innermost quote');
  await expect(failed.getByLabel('Raw answer', { exact: true })).toContainText('After the quotes.');
  await failed.getByRole('button', { name: 'Copy raw answer' }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied.startsWith(`Quoted:\n\n${'> '.repeat(3000)}the innermost quote`)).toBe(true);
  // The earlier answer, the usage figures and the composer are all still there and working.
  await expect(app.answer(0).getByTestId('answer')).toContainText('“First question”');
  await expect(failed.getByLabel('Message usage')).toContainText('Answer');
  await app.addProvider({ name: 'Fine again', path: 'zai', kind: 'Custom server' });
  await app.ask('Third question');
  await app.waitForAnswerDone();
  await expect(app.answer().getByTestId('answer')).toContainText('“Third question”');
});
