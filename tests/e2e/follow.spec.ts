/**
 * The conversation follows a streaming answer while the person is at its end, and leaves them where they are once
 * the view has moved up, whatever moved it: a wheel, or a scroll without any input event (a screen reader's
 * virtual cursor, Find, a focused link), which used to be pulled back down to the end.
 */
import { expect, test, type Locator } from '@playwright/test';
import { GlimpseApp, twoFrames } from './harness.ts';

let app: GlimpseApp;
test.beforeEach(async ({ page }) => {
  app = await GlimpseApp.launch(page);
});
test.afterEach(async () => app.close());

/** Distance from the view's bottom to the end of the conversation, in CSS pixels. */
const fromEnd = (main: Locator) => main.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight);
const answerLength = (app: GlimpseApp) =>
  app
    .answer()
    .getByTestId('answer')
    .evaluate((el) => el.textContent?.length ?? 0);
test('the view follows the answer at its end, stays where a scroll without input left it, and follows again at the end', async ({
  page,
}) => {
  test.setTimeout(120_000);
  // About 4,000 tokens at 150 a second: half a minute of answer, long past the window's height.
  await app.addProvider({ name: 'Paced', path: 'zai/tokens-4000/tps-150', kind: 'Custom server' });
  await app.ask('Write at length');
  const main = page.getByRole('main');

  // Following: the answer outgrows the window and the view stays at its end.
  await expect.poll(() => main.evaluate((el) => el.scrollTop), { timeout: 30_000 }).toBeGreaterThan(600);
  await expect.poll(() => fromEnd(main)).toBeLessThanOrEqual(48);

  // A scroll with no wheel, key or pointer (what a screen reader does): the view goes to the answer's start.
  await app
    .answer()
    .getByTestId('answer')
    .evaluate((el) => el.scrollIntoView({ block: 'start' }));
  const top = await main.evaluate((el) => el.scrollTop);
  const lengthThen = await answerLength(app);
  // More text arrives below; the view is not pulled back down.
  await expect.poll(() => answerLength(app), { timeout: 30_000 }).toBeGreaterThan(lengthThen + 2_000);
  await twoFrames(main);
  expect(await main.evaluate((el) => el.scrollTop)).toBe(top);
  expect(await fromEnd(main)).toBeGreaterThan(500);

  // Back at the end by hand: the view follows again as the answer grows.
  await main.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  const lengthAtEnd = await answerLength(app);
  await expect.poll(() => answerLength(app), { timeout: 30_000 }).toBeGreaterThan(lengthAtEnd + 2_000);
  await twoFrames(main);
  expect(await fromEnd(main)).toBeLessThanOrEqual(48);
  await app.waitForAnswerDone();
  await twoFrames(main);
  expect(await fromEnd(main)).toBeLessThanOrEqual(48);
});
