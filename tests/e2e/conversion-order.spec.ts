/**
 * A long answer that arrives faster than it can be turned into Markdown (a local server, a reopened session) is
 * shown as plain text first and converted over frames after it ends. The person is at its end: that is what turns
 * into Markdown first, not the start, scrolled far above, while the end stays plain for seconds.
 */
import { expect, test } from '@playwright/test';
import { GlimpseApp } from './harness.ts';

let app: GlimpseApp;
test.beforeEach(async ({ page }) => {
  app = await GlimpseApp.launch(page);
});
test.afterEach(async () => app.close());

/** The answer's first and last block as the person sees them, read in one task so both are of the same frame. */
const ends = () => {
  const md = [...document.querySelectorAll('.progressive-markdown')].at(-1);
  const main = document.querySelector('main');
  const markdown = (el: Element | null | undefined) => Boolean(el?.classList.contains('md-group') && el.querySelector('p'));
  // Every token once, in order: no block shown twice or left out where converted and pending blocks meet.
  const tokens = [...(md?.textContent ?? '').matchAll(/w(\d+)/g)].map((m) => Number(m[1]));
  // The block holding the middle token: still plain text, or Markdown.
  const middle = [...(md?.querySelectorAll('.md-run, .md-block') ?? [])].find((el) => /\bw10000\b/.test(el.textContent ?? ''));
  return {
    inOrder: tokens.every((t, i) => t === i) ? tokens.length : -1,
    middleIsMarkdown: !middle?.closest('.md-plain'),
    state: md?.getAttribute('data-state') ?? null,
    firstIsMarkdown: markdown(md?.firstElementChild),
    lastIsMarkdown: markdown(md?.lastElementChild),
    atEnd: main ? main.scrollHeight - main.scrollTop - main.clientHeight < 2 : false,
  };
};

/** Whether the answer's first or last block is shown as Markdown (a converted group with its paragraph). */
const edgeIsMarkdown = (edge: 'first' | 'last') => {
  const md = [...document.querySelectorAll('.progressive-markdown')].at(-1);
  const el = edge === 'first' ? md?.firstElementChild : md?.lastElementChild;
  return Boolean(el?.classList.contains('md-group') && el.querySelector('p'));
};

test('a long answer that arrived at once turns into Markdown from the end the person is looking at', async ({ page }) => {
  test.setTimeout(120_000);
  // 20,000 tokens of prose, tables, code and math in one burst: seconds of conversion after the stream ends.
  await app.addProvider({ name: 'Burst', path: 'zai/tokens-20000/rich', kind: 'Custom server' });
  await app.ask('A long answer, please');
  await app.waitForAnswerDone();

  // Its end, in view, is Markdown while the start, far above, still waits.
  await page.waitForFunction(edgeIsMarkdown, 'last' as const, { timeout: 30_000, polling: 'raf' });
  // (A few blocks at the start may be Markdown already: finished blocks are converted while a stream pauses.)
  expect(await page.evaluate(ends)).toMatchObject({
    inOrder: 20_000,
    middleIsMarkdown: false,
    state: 'rendering',
    lastIsMarkdown: true,
    atEnd: true,
  });

  // A screen above the view it goes on from the start: both ends are Markdown, the middle waits.
  await page.waitForFunction(edgeIsMarkdown, 'first' as const, { timeout: 30_000, polling: 'raf' });
  expect(await page.evaluate(ends)).toEqual({
    inOrder: 20_000,
    middleIsMarkdown: false,
    state: 'rendering',
    firstIsMarkdown: true,
    lastIsMarkdown: true,
    atEnd: true,
  });

  // Then the rest, and the view is still at the end it followed.
  await expect(page.locator('.progressive-markdown').last()).toHaveAttribute('data-state', 'done', { timeout: 90_000 });
  expect(await page.evaluate(ends)).toEqual({
    inOrder: 20_000,
    middleIsMarkdown: true,
    state: 'done',
    firstIsMarkdown: true,
    lastIsMarkdown: true,
    atEnd: true,
  });
});
