/**
 * Compare (issue #7) end to end in the browser shell with the fake provider, which answers differently per mode
 * (thinking streams reasoning first, so the fast lane finishes first): both lanes stream at once, the figures and
 * the verdict are right, a failing lane leaves the others intact, the better lane's mark reaches the ledger and
 * the usage view, and every lane is its own ledger row tied by one compare group.
 */
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { expect, test, type Page } from '@playwright/test';
import { makePng } from '../fixtures/media/make-image.ts';
import { GlimpseApp } from './harness.ts';
import { readmeShot } from './readme-shot.ts';

let app: GlimpseApp;
test.afterEach(async () => {
  await app?.close();
});

const shots = 'test-results/screenshots';
const lane = (page: Page, n: number) => page.getByRole('region', { name: new RegExp(`^Lane ${n}: `) });

function ledger(dataDir: string) {
  const db = new DatabaseSync(join(dataDir, 'glimpse.db'), { readOnly: true });
  try {
    return db
      .prepare('SELECT request_id, mode, compare_group, preferred, status, reasoning_tokens FROM ledger ORDER BY started_at')
      .all() as {
      request_id: string;
      mode: string;
      compare_group: string | null;
      preferred: number | null;
      status: string;
      reasoning_tokens: number;
    }[];
  } finally {
    db.close();
  }
}

test('thinking vs fast: lanes stream together, fast finishes first, verdict and marks land in the ledger', async ({ page }) => {
  app = await GlimpseApp.launch(page);
  // OpenRouter's dialect reports usage.cost, so both lanes have a known cost; 8 tokens/s keeps both streaming a while.
  await app.addProvider({ name: 'Fake Router', path: 'openrouter/tps-8', kind: 'Custom server' });
  await page.getByRole('textbox', { name: 'Prompt' }).fill('How many squares?');
  await page.getByRole('button', { name: 'Compare', exact: true }).click();

  const thinking = lane(page, 1);
  const fast = lane(page, 2);
  await expect(thinking).toHaveAccessibleName('Lane 1: Thinking');
  await expect(fast).toHaveAccessibleName('Lane 2: Fast');
  // Concurrent: the fast lane's answer is arriving while the thinking lane is reasoning, both still busy.
  await expect(fast).toContainText('Answer in fast mode');
  await expect(thinking.getByText(/^Reasoning/)).toBeVisible();
  await expect(thinking).toHaveAttribute('aria-busy', 'true');
  await page.screenshot({ path: `${shots}/compare-streaming.png` });
  // The fast lane finishes first, while thinking is still going.
  await expect(fast).toHaveAttribute('aria-busy', 'false');
  await expect(thinking).toHaveAttribute('aria-busy', 'true');
  await expect(thinking).toHaveAttribute('aria-busy', 'false', { timeout: 15_000 });

  await expect(thinking).toContainText('Answer in thinking mode');
  const tFig = thinking.getByRole('definition').filter({ hasText: /tok$/ });
  await expect(tFig).toHaveCount(3);
  await expect(thinking.getByLabel('Thinking figures')).toContainText(/Reasoning\s*[1-9]\d* tok/);
  await expect(fast.getByLabel('Fast figures')).toContainText(/Reasoning\s*0 tok/);
  await expect(fast.getByLabel('Fast figures')).toContainText(/Cost\s*\$0\.\d+ \(provider\)/);
  const verdict = page.getByRole('region', { name: 'Verdict' });
  await expect(verdict).toContainText(/Thinking took \d+(\.\d)?x the time and \d+(\.\d)?x the cost of Fast\./);
  await expect(verdict).toContainText(/Thinking and Fast differ \(\d+% of words shared\)\./);
  await verdict.getByText('Word diff').click();
  await expect(verdict.getByTitle('only in Thinking')).toHaveText(/^thinking\s*$/);
  await expect(verdict.getByTitle('only in Fast')).toHaveText(/^fast\s*$/);

  // Both rows in the ledger, one compare group; the mark is stored on the group.
  let rows = ledger(app.shell.dataDir);
  expect(rows).toHaveLength(2);
  expect(rows.map((r) => r.mode).sort()).toEqual(['fast', 'thinking']);
  expect(rows[0].compare_group).toBeTruthy();
  expect(rows[1].compare_group).toBe(rows[0].compare_group);
  await fast.getByRole('button', { name: 'Mark lane 2 better' }).click();
  await expect(fast.getByRole('button', { name: 'Mark lane 2 better' })).toHaveAttribute('aria-pressed', 'true');
  await expect
    .poll(() =>
      ledger(app.shell.dataDir)
        .map((r) => `${r.mode}:${r.preferred}`)
        .sort(),
    )
    .toEqual(['fast:1', 'thinking:0']);
  await page.screenshot({ path: `${shots}/compare-done.png`, fullPage: true });
  await readmeShot(page, 'compare.png'); // the README's second picture

  await page.getByRole('region', { name: 'Usage' }).getByRole('button', { name: 'Usage details' }).click();
  const view = page.getByRole('dialog', { name: 'Usage details' });
  await expect(view.getByLabel('Fast preferred')).toHaveText('Preferred in 1 of 1 marked compare');
  await expect(view.getByLabel('Thinking preferred')).toHaveText('Preferred in 0 of 1 marked compare');
  await page.keyboard.press('Escape');
  await expect(view).toBeHidden();

  // Re-running keeps the earlier compare on screen; the next request sends it once, with the marked answer.
  await page.getByRole('textbox', { name: 'Prompt' }).fill('And circles?');
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page.getByRole('article', { name: 'Compare' })).toHaveCount(2);
  await expect(lane(page, 2).last()).toHaveAttribute('aria-busy', 'false');
  await expect(lane(page, 1).last()).toHaveAttribute('aria-busy', 'false', { timeout: 15_000 });
  const last = app.fake.requests.at(-1)!;
  const history = (last.body.messages as { role: string; content: unknown }[]).slice(0, -1);
  expect(history.map((m) => m.role)).toEqual(['user', 'assistant']);
  expect(String(history[1].content)).toContain('Answer in fast mode');
  expect(ledger(app.shell.dataDir)).toHaveLength(4);
  expect(new Set(ledger(app.shell.dataDir).map((r) => r.compare_group)).size).toBe(2);

  // Reopened from the sessions list, the compares come back whole, with their mark.
  const sessions = page.getByRole('navigation', { name: 'Sessions' });
  await sessions.getByRole('button', { name: 'New session' }).click();
  await expect(page.getByRole('article', { name: 'Compare' })).toHaveCount(0);
  await sessions.getByRole('button', { name: /^How many squares\?/ }).click();
  await expect(page.getByRole('article', { name: 'Compare' })).toHaveCount(2);
  await expect(page.getByRole('article', { name: 'Exchange' })).toHaveCount(0);
  await expect(lane(page, 2).first().getByRole('button', { name: 'Mark lane 2 better' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('region', { name: 'Verdict' }).first()).toContainText('Thinking took');

  // Narrow window: lanes stack.
  await page.setViewportSize({ width: 420, height: 900 });
  const a = await lane(page, 1).last().boundingBox();
  const b = await lane(page, 2).last().boundingBox();
  expect(b!.y).toBeGreaterThanOrEqual(a!.y + a!.height);
  await lane(page, 1).last().scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${shots}/compare-narrow.png` });
});

test('lanes set up per provider: a failing lane leaves the others; boxes of all lanes on one image', async ({ page }) => {
  app = await GlimpseApp.launch(page);
  await app.addProvider({ name: 'Broken', path: 'zai/500', kind: 'Custom server' });
  await app.addProvider({ name: 'Boxer', path: 'zai/boxes', kind: 'Custom server' });
  await app.attachViaDialog(await makePng('compare-square.png', 400, 300));
  await page.getByRole('textbox', { name: 'Prompt' }).fill('Locate the square.');

  await page.getByRole('button', { name: 'Compare lanes' }).click();
  const editor = page.getByRole('group', { name: 'Compare lanes' });
  await editor.getByRole('button', { name: 'Add lane' }).click();
  await editor.getByRole('combobox', { name: 'Lane 3 provider' }).selectOption({ label: 'Broken' });
  await expect(editor.getByRole('group', { name: /^Lane \d settings$/ })).toHaveCount(3);
  await page.screenshot({ path: `${shots}/compare-lane-editor.png` });
  await page.getByRole('button', { name: 'Compare', exact: true }).click();

  const broken = lane(page, 3);
  await expect(broken).toHaveAccessibleName('Lane 3: Broken · Fast');
  await expect(broken.getByRole('alert').or(broken.locator('.error-banner'))).toContainText('Provider error');
  await expect(lane(page, 1)).toHaveAttribute('aria-busy', 'false');
  await expect(lane(page, 2)).toHaveAttribute('aria-busy', 'false');
  await expect(lane(page, 1)).toContainText('I found the square.');
  await expect(lane(page, 2)).toContainText('I found the square.');

  const verdict = page.getByRole('region', { name: 'Verdict' });
  await expect(verdict).toContainText('Boxer · Thinking and Boxer · Fast agree.');
  await expect(verdict).toContainText(/Boxes overlap: IoU 1\.00 \(\d+ matched\)\./);
  await expect(verdict).toContainText('Left out: Broken · Fast (failed).');
  const shared = page.getByRole('figure', { name: /with boxes of all lanes/ });
  await expect(shared).toHaveCount(1);
  await expect(shared.getByRole('img', { name: /^Boxer · Thinking box 1/ })).toBeVisible();
  await expect(shared.getByRole('img', { name: /^Boxer · Fast box 1/ })).toBeVisible();
  await shared.screenshot({ path: `${shots}/compare-shared-image.png` });
  await page.getByRole('region', { name: /^Lane 3: / }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${shots}/compare-boxes-error.png` });

  const rows = ledger(app.shell.dataDir);
  expect(rows).toHaveLength(3);
  expect(new Set(rows.map((r) => r.compare_group)).size).toBe(1);
  expect(rows.map((r) => r.status).sort()).toEqual(['done', 'done', 'error']);
});
