/**
 * Answers built to break the window (issue #16), from the fake provider's `nested-<n>`, `longword-<KiB>` and
 * `boxes-<n>` scripts (tests/fixtures/grounding-scripts.ts): markup nested deep enough to overflow the renderer's
 * stack, and answers whose layout or drawing once held the main thread for seconds.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import sharp from 'sharp';
import { fixtureDir } from '../fixtures/media/make-media.ts';
import { GlimpseApp } from './harness.ts';
import { describeFigures, measureMainThread, STALL_MS, type TaskFigures } from './main-thread-tasks.ts';

let app: GlimpseApp;
test.beforeEach(async ({ page }) => {
  app = await GlimpseApp.launch(page);
});
test.afterEach(async () => app.close());

const sessions = (page: Page) => page.getByRole('navigation', { name: 'Sessions' });

test('2,000 nested divs: the answer renders with its nesting capped, the app stays, and the session reopens', async ({
  page,
}) => {
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
  await sessions(page)
    .getByRole('button', { name: /^Nest deeply/ })
    .click();
  await expect(app.answer(0).getByTestId('answer')).toContainText('at the bottom');
  await expect(app.answer(1).getByTestId('answer')).toContainText('“Still there?”');
  await expect(page.getByRole('textbox', { name: 'Prompt' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('an answer that still cannot be rendered shows its raw text to copy; the rest of the app keeps working', async ({
  page,
}) => {
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
  await page.screenshot({ path: 'test-results/screenshots/hostile-fallback.png' });
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

/**
 * The main-thread tasks while `path`'s answer streams and settles (see main-thread-tasks.ts). Waits with
 * page.waitForFunction: Playwright's expect() would build accessibility snapshots in the page while it polls, and
 * on a 20,000-box answer those are long tasks of their own.
 */
async function tasksWhileAnswering(page: Page, browser: Browser, path: string, attach?: string): Promise<TaskFigures> {
  await app.addProvider({ name: path, path, kind: 'Custom server' });
  if (attach) await app.attachViaDialog(attach);
  return measureMainThread(page, browser, async () => {
    await app.ask('Say it');
    // Done: the turn has ended and every block of its answer is rendered (blocks convert over frames after the end).
    await page.waitForFunction(
      () => {
        const section = [...document.querySelectorAll('section[aria-label="Answer"]')].at(-1);
        return (
          section?.getAttribute('aria-busy') === 'false' &&
          section.querySelector('.progressive-markdown')?.getAttribute('data-state') === 'done'
        );
      },
      null,
      { timeout: 180_000, polling: 250 },
    );
  });
}

/** The longest text node under `root`, in characters: what the browser must break into lines as one run. */
const longestTextRun = (page: Page) =>
  page
    .getByTestId('answer')
    .last()
    .evaluate((root) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let max = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) max = Math.max(max, n.nodeValue?.length ?? 0);
      return max;
    });

test('a 512 KiB token without a space streams without freezing the window', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const figures = await tasksWhileAnswering(page, browser, 'zai/longword-512');
  test.info().annotations.push({ type: 'main thread', description: describeFigures(figures) });
  const md = app.answer().getByTestId('answer');
  await expect(md).toContainText('End of the long token.');
  expect(await md.evaluate((el) => el.textContent!.replace(/\s/g, '').length)).toBeGreaterThan(512 * 1024);
  expect(await longestTextRun(page)).toBeLessThanOrEqual(2_048);
  // The longest task was 228 ms of CPU: lexing the token when its line ended, and laying it out again twice, as
  // it moved from the growing tail to the finished blocks and from there into the Markdown groups.
  expect(figures.longestCpuMs).toBeLessThan(STALL_MS);
});

/** An 800 x 600 PNG for the boxes to go on. */
async function plainImage(name: string): Promise<string> {
  mkdirSync(fixtureDir, { recursive: true });
  const file = join(fixtureDir, name);
  writeFileSync(
    file,
    await sharp({ create: { width: 800, height: 600, channels: 3, background: '#f4f4f4' } })
      .png()
      .toBuffer(),
  );
  return file;
}

test('20,000 boxes on an image: no stall; chips for the first 500, every box drawn and reachable from the list', async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  const figures = await tasksWhileAnswering(page, browser, 'zai/boxes-20000', await plainImage('boxes-20000.png'));
  test.info().annotations.push({ type: 'main thread', description: describeFigures(figures) });
  const answer = app.answer();
  const md = answer.getByTestId('answer');
  await expect(md).toContainText('That is 20000 items.');
  // Chips for the first 500 boxes; the rest are their numbers in brackets, and the panel says so.
  expect(await md.evaluate((el) => el.querySelectorAll('.box-chip').length)).toBe(500);
  await expect(md).toContainText('item [20000]');
  await expect(answer.getByText('The answer links the first 500 of 20,000 boxes')).toBeVisible();
  // All 20,000 are drawn, on one canvas.
  const drawn = answer.getByRole('img', { name: '20000 boxes drawn on the image' });
  await expect(drawn).toHaveAttribute('data-boxes', '20000');
  // The list is windowed: a few dozen rows exist, and it says how many there are.
  const list = answer.getByRole('list', { name: 'Boxes' });
  const rows = list.getByRole('listitem');
  expect(await rows.count()).toBeLessThan(60);
  await expect(rows.first()).toHaveAttribute('aria-setsize', '20000');
  // Any box can be found by keyboard: End reaches the last, which is highlighted on the image.
  await rows.first().focus();
  await page.keyboard.press('End');
  const last = list.locator('li[aria-posinset="20000"]');
  await expect(last).toBeFocused();
  await expect(last).toContainText('item');
  await expect(answer.getByTestId('box-highlight')).toHaveAttribute('data-active', '20000');
  await page.keyboard.press('ArrowUp');
  await expect(list.locator('li[aria-posinset="19999"]')).toBeFocused();
  await expect(answer.getByTestId('box-highlight')).toHaveAttribute('data-active', '19999');
  // The pointer finds boxes too. First a wheel over the conversation, as a person scrolls up to read: the
  // conversation then stops following the end of the answer (conversation.tsx), where the list left it.
  const usage = (await answer.getByLabel('Message usage').boundingBox())!;
  await page.mouse.move(usage.x + usage.width / 2, usage.y + usage.height / 2);
  await page.mouse.wheel(0, -400);
  // Over the image: box 1 is the smallest box under its top-left corner (boxes of the same size: the first).
  await drawn.hover({ position: { x: 10, y: 10 } });
  await expect(answer.getByTestId('box-highlight')).toHaveAttribute('data-active', '1');
  await expect(drawn).toHaveAttribute('title', /^Box 1 ·/);
  // Over a chip in the answer.
  await md.getByRole('button', { name: 'Box 7', exact: true }).hover();
  await expect(answer.getByTestId('box-highlight')).toHaveAttribute('data-active', '7');
  expect(figures.longestCpuMs).toBeLessThan(STALL_MS);
});

test('1,500 nested lists: every item shown, nesting capped, no stall', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const figures = await tasksWhileAnswering(page, browser, 'zai/lists-1500');
  test.info().annotations.push({ type: 'main thread', description: describeFigures(figures) });
  const md = app.answer().getByTestId('answer');
  await expect(md).toContainText('After the lists.');
  const shape = await md.evaluate((root) => {
    let deepest = 0;
    for (const li of root.querySelectorAll('li')) {
      let d = 0;
      for (let el: Element | null = li; el && el !== root; el = el.parentElement) if (el.tagName === 'UL') d++;
      deepest = Math.max(deepest, d);
    }
    const items = [...root.querySelectorAll('li')].map((li) => li.firstChild?.textContent?.trim() ?? '');
    return { deepest, items: items.filter((t) => t.startsWith('level ')).length, last: items.includes('level 1499') };
  });
  expect(shape.items).toBe(1_500);
  expect(shape.last).toBe(true);
  expect(shape.deepest).toBeLessThanOrEqual(21);
  expect(figures.longestCpuMs).toBeLessThan(STALL_MS);
});

test('bidi overrides in an answer are shown by name, never applied', async () => {
  await app.addProvider({ name: 'Bidi', path: 'zai/bidi', kind: 'Custom server' });
  await app.ask('Which file?');
  await app.waitForAnswerDone();
  const answer = app.answer();
  const md = answer.getByTestId('answer');
  await expect(md).toContainText('Then open invoice⟨RLO U+202E⟩txt.exe from the folder.');
  await expect(md.locator('pre')).toContainText('"user⟨RLO U+202E⟩ ⟨LRI U+2066⟩// Check if admin⟨PDI U+2069⟩ ⟨LRI U+2066⟩") {');
  await expect(md.locator('.bidi-control').first()).toHaveAttribute('title', /RLO shown, not applied/);
  // No override or isolate is left anywhere in what the page shows, the reasoning included.
  const section = answer;
  await section.locator('details.reasoning summary').click();
  await expect(section.locator('.reasoning-text')).toContainText('Checking ⟨RLO U+202E⟩evil⟨PDF U+202C⟩ access.');
  expect(await section.evaluate((el) => /[\u202a-\u202e\u2066-\u2069]/.test(el.textContent ?? ''))).toBe(false);
});
