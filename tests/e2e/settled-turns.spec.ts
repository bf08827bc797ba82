/**
 * A long session stays as quick as a short one: settled turns scrolled out of view are skipped by the browser
 * (content-visibility, conversation.css), so a streamed token's frame does not lay out and paint every turn above
 * it. The turn that streams is never skipped, and a reopened session keeps its height while the person scrolls
 * back through it: a skipped turn holds the height it was laid out at, never a placeholder's.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { GlimpseApp, twoFrames } from './harness.ts';

let app: GlimpseApp;
test.beforeEach(async ({ page }) => {
  app = await GlimpseApp.launch(page);
});
test.afterEach(async () => app.close());

/** Whether the browser is skipping the rendering of this element's contents (it is off screen and settled). */
const skipped = (el: Locator) =>
  el.evaluate(
    (e) =>
      getComputedStyle(e).contentVisibility === 'auto' && !e.firstElementChild?.checkVisibility({ contentVisibilityAuto: true }),
  );

/** Five exchanges from a fake provider at `path`, each answered in full; the exchanges' locator. */
async function fiveExchanges(page: Page, path: string) {
  await app.addProvider({ name: 'Paced', path, kind: 'Custom server' });
  for (let i = 1; i <= 5; i++) {
    await app.ask(`Question ${i}`);
    await app.waitForAnswerDone();
  }
  return page.getByRole('article', { name: 'Exchange' });
}

test('turns scrolled out of view are skipped once settled, never while streaming, and a reopened session does not jump', async ({
  page,
}) => {
  test.setTimeout(120_000);
  // ~400 tokens at 200 a second: each answer taller than the window, streaming for two seconds.
  const turns = await fiveExchanges(page, 'zai/tokens-400/tps-200');
  await expect(turns).toHaveCount(5);
  const main = page.getByRole('main');
  await expect.poll(() => main.evaluate((el) => el.scrollHeight - el.clientHeight)).toBeGreaterThan(800);

  // A sixth answer streams at the end: it is laid out as it grows, the first turn (far above) is skipped.
  await app.ask('Question 6');
  const streaming = turns.last();
  await expect(app.answer()).toHaveAttribute('aria-busy', 'true');
  await expect(streaming).not.toHaveAttribute('data-settled');
  expect(await skipped(streaming)).toBe(false);
  await expect(turns.first()).toHaveAttribute('data-settled', '');
  await expect.poll(() => skipped(turns.first())).toBe(true);
  await app.waitForAnswerDone();
  await expect(streaming).toHaveAttribute('data-settled', '');

  // Reopened: every turn is laid out once, then the ones off screen are skipped at that height.
  await page.reload();
  await page
    .getByRole('navigation', { name: 'Sessions' })
    .getByRole('button', { name: /^Question 1/ })
    .click();
  await expect(turns).toHaveCount(6);
  await expect(turns.first()).toHaveAttribute('data-settled', '');
  await twoFrames(main);
  await expect.poll(() => skipped(turns.first())).toBe(true);
  const height = await main.evaluate((el) => el.scrollHeight);
  const heights: number[] = [];
  // Back to the top half a window at a time: each turn coming into view is drawn at the height it already had.
  for (let top = await main.evaluate((el) => el.scrollTop); top > 0; top = await main.evaluate((el) => el.scrollTop)) {
    await main.evaluate((el) => el.scrollBy({ top: -el.clientHeight / 2 }));
    await twoFrames(main);
    heights.push(await main.evaluate((el) => el.scrollHeight));
  }
  expect(heights.length).toBeGreaterThan(2);
  expect(heights).toEqual(heights.map(() => height));
  await expect(turns.first().getByText('Question 1')).toBeVisible();
  expect(await skipped(turns.first())).toBe(false);
  expect(await skipped(turns.last())).toBe(true);
});

test('what the person reads stays put when a turn above it changes height', async ({ page }) => {
  test.setTimeout(120_000);
  // A turn above the view can change height after the fact: a skipped turn laid out again as it comes back into
  // view, Markdown finished or fonts loaded while it was off screen. The view must not move under the reader.
  const turns = await fiveExchanges(page, 'zai/tokens-400/tps-400');
  const main = page.getByRole('main');
  // Up to the third exchange, without input (what Find or a screen reader does).
  await turns.nth(2).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await twoFrames(main);
  const reading = turns.nth(2).getByText('Question 3');
  const before = (await reading.boundingBox())!.y;
  // The first exchange, above, grows by 500 px.
  await turns.first().evaluate((el) => {
    (el as HTMLElement).style.marginTop = '500px';
  });
  await twoFrames(main);
  expect(Math.abs((await reading.boundingBox())!.y - before)).toBeLessThanOrEqual(1);

  // At the end the view follows the end again, not what is above it: a new answer is followed as it streams.
  await main.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await twoFrames(main);
  await app.ask('Question 6');
  await app.waitForAnswerDone();
  await twoFrames(main);
  expect(await main.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight)).toBeLessThanOrEqual(48);
});
