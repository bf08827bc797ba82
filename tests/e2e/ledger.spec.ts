/**
 * The ledger and sessions end to end, in the browser shell: the tally follows each request, sessions survive a
 * restart (and a SIGKILL mid-stream), rename/delete/search/export work, the usage view shows the day's spend,
 * and the ledger exports as CSV.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { expect, test, type Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { GlimpseApp, startShell, type ShellProcess } from './harness.ts';

let app: GlimpseApp;
const extra: ShellProcess[] = [];
test.afterEach(async () => {
  for (const s of extra.splice(0)) s.child.kill('SIGTERM');
  await app?.close();
});

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

const tally = (page: Page) => page.getByRole('region', { name: 'Usage' });
const sessions = (page: Page) => page.getByRole('navigation', { name: 'Sessions' });

/** Reads the data dir's database the way a second process would, without disturbing the running shell. */
function query<T>(dataDir: string, sql: string): T[] {
  const db = new DatabaseSync(join(dataDir, 'glimpse.db'), { readOnly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

/** Opens a restarted shell on the same data dir in the same page. */
async function restart(page: Page, dataDir: string): Promise<ShellProcess> {
  const shell = await startShell(dataDir);
  extra.push(shell);
  await page.goto(shell.launchUrl);
  await expect(page.getByRole('combobox', { name: 'Provider' })).toBeVisible();
  return shell;
}

test('the tally follows each request; unknown cost is said, not zeroed; the usage view and CSV export show the day', async ({
  page,
}) => {
  app = await GlimpseApp.launch(page);
  await expect(tally(page)).toBeVisible();
  await expect(tally(page).getByRole('button', { name: /All time/ })).toContainText('–');

  // OpenRouter's dialect sends usage.cost: a known, provider-reported cost.
  await app.addProvider({ name: 'Fake Router', path: 'openrouter', kind: 'Custom server' });
  await app.ask('How much does this cost?');
  await app.waitForAnswerDone();
  const message = tally(page).getByRole('button', { name: /This message/ });
  await expect(message).toContainText(/tok · \$0\.\d+/);

  await tally(page).getByRole('button', { name: /Today/ }).hover();
  const tip = page.getByRole('tooltip');
  await expect(tip).toContainText('By mode');
  await expect(tip).toContainText('Thinking');
  await expect(tip).toContainText('Fake Router');
  await page.screenshot({ path: 'test-results/screenshots/ledger-tally-tooltip.png' });

  // A custom server with no price: its cost is unknown, and the totals count it.
  await app.addProvider({ name: 'Unpriced', path: 'zai', kind: 'Custom server' });
  await app.setThinking(false);
  await app.ask('And this one?');
  await app.waitForAnswerDone();
  await expect(message).toContainText('unknown');
  await expect(tally(page).getByRole('button', { name: /All time/ })).toContainText('+1 unknown');
  await tally(page)
    .getByRole('button', { name: /All time/ })
    .focus();
  await expect(page.getByRole('tooltip')).toContainText('1 request with unknown cost');
  await expect(page.getByRole('tooltip')).toContainText('Fast');

  await tally(page).getByRole('button', { name: 'Usage details' }).click();
  const view = page.getByRole('dialog', { name: 'Usage details' });
  await expect(view.getByRole('img', { name: new RegExp(`Spend per day: 1 day from ${today()}`) })).toBeVisible();
  await expect(view.getByLabel('Range totals')).toContainText('2 requests');
  await expect(view.getByLabel('Range totals')).toContainText('1 request with unknown cost');
  await expect(view.getByRole('table', { name: 'By day' })).toContainText(today());
  await expect(view.getByRole('table', { name: 'By provider' })).toContainText('Fake Router');
  await expect(view.getByRole('group', { name: 'Thinking' })).toContainText('Reasoning');
  await expect(view.getByRole('group', { name: 'Fast' })).toContainText('Time');
  await page.screenshot({ path: 'test-results/screenshots/ledger-usage-view.png' });

  await view.getByRole('combobox', { name: 'Range' }).selectOption({ label: 'Custom…' });
  await view.getByRole('textbox', { name: 'From', exact: true }).fill('2001-01-01');
  await view.getByRole('textbox', { name: 'To', exact: true }).fill('2001-01-31');
  await expect(view.getByLabel('Range totals')).toContainText('0 requests');
  await expect(view.getByRole('img', { name: 'Spend per day: no requests in this range.' })).toBeVisible();
  await view.getByRole('combobox', { name: 'Range' }).selectOption({ label: 'Today' });
  await expect(view.getByLabel('Range totals')).toContainText('2 requests');

  const download = page.waitForEvent('download');
  await view.getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`glimpse-ledger-${today()}-to-${today()}.csv`);
  const lines = readFileSync(await file.path(), 'utf8')
    .trim()
    .split('\r\n');
  expect(lines[0]).toMatch(/^id,request_id,attempt,started_at,/);
  expect(lines).toHaveLength(3);
  expect(lines.some((l) => l.includes('Fake Router') && l.includes(',provider,'))).toBe(true);
});

test('sessions: kept across a restart; search, rename, export and delete', async ({ page }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'glimpse-e2e-'));
  app = await GlimpseApp.launch(page, { dataDir });
  await app.addProvider({ name: 'Fake', path: 'zai', kind: 'Custom server' });
  await app.ask('Remember the blue square');
  await app.waitForAnswerDone();
  await expect(sessions(page).getByRole('button', { name: /^Remember the blue square/ })).toHaveAttribute('aria-current', 'true');
  await app.ask('And the green one?');
  await app.waitForAnswerDone();
  await expect(tally(page).getByRole('button', { name: /This session/ })).toContainText('tok');

  await sessions(page).getByRole('button', { name: 'New session' }).click();
  await expect(page.getByRole('heading', { name: 'See what the model sees' })).toBeVisible();
  await app.ask('Count the red circles');
  await app.waitForAnswerDone();
  const list = sessions(page).getByRole('list', { name: 'Session list' });
  await expect(list.getByRole('listitem')).toHaveCount(2);

  await sessions(page).getByRole('searchbox', { name: 'Search sessions' }).fill('circles');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText('Count the red circles');
  await sessions(page).getByRole('searchbox', { name: 'Search sessions' }).fill('');
  await expect(list.getByRole('listitem')).toHaveCount(2);

  // Restart the browser shell on the same data dir: the session is there with its answers.
  app.shell.child.kill('SIGTERM');
  await new Promise((r) => app.shell.child.once('exit', r));
  await restart(page, dataDir);
  await sessions(page)
    .getByRole('button', { name: /^Remember the blue square/ })
    .click();
  await expect(app.answer(0).getByTestId('answer')).toContainText('Answer in thinking mode');
  await expect(app.answer(1).getByTestId('answer')).toContainText('“And the green one?”');
  await expect(page.getByRole('article', { name: 'Exchange' })).toHaveCount(2);

  // Rename.
  await sessions(page).getByRole('button', { name: 'Actions for Remember the blue square' }).click();
  await page.getByRole('menuitem', { name: 'Rename' }).click();
  await sessions(page).getByRole('textbox', { name: 'Session name' }).fill('Squares');
  await sessions(page).getByRole('button', { name: 'Save' }).click();
  await expect(sessions(page).getByRole('button', { name: /^Squares/ })).toBeVisible();

  // Export as Markdown: a zip with the .md inside.
  await sessions(page).getByRole('button', { name: 'Actions for Squares' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Export as Markdown' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('Squares.zip');
  const md = new TextDecoder().decode(unzipSync(readFileSync(await file.path()))['Squares/Squares.md']);
  expect(md).toContain('# Squares');
  expect(md).toContain('Remember the blue square');

  // Delete the open session: the conversation empties, the other session stays.
  await sessions(page).getByRole('button', { name: 'Actions for Squares' }).click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  await sessions(page).getByRole('group', { name: 'Delete Squares?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText('Count the red circles');
  await expect(page.getByRole('heading', { name: 'See what the model sees' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/ledger-sessions.png' });

  // A narrow window: the sidebar is a drawer behind the Sessions button.
  await page.setViewportSize({ width: 420, height: 760 });
  await expect(sessions(page)).toBeHidden();
  await expect(tally(page)).toBeVisible();
  // Each figure stays whole: the tokens on one line, "· cost" on one; a narrow tally wraps between them only.
  const lines = await tally(page)
    .locator('.tally-part')
    .evaluateAll((parts) => parts.map((p) => new Set([...p.getClientRects()].map((r) => Math.round(r.top))).size));
  expect(lines.length).toBeGreaterThanOrEqual(4); // today's and all time's figures at least
  expect(new Set(lines)).toEqual(new Set([1]));
  await page.screenshot({ path: 'test-results/screenshots/ledger-narrow.png' });
  await page.getByRole('button', { name: 'Sessions' }).click();
  await expect(sessions(page)).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/ledger-narrow-drawer.png' });
  await sessions(page)
    .getByRole('button', { name: /^Count the red circles/ })
    .click();
  await expect(sessions(page)).toBeHidden();
  await expect(app.answer(0).getByTestId('answer')).toContainText('Count the red circles');
});

test('a host killed mid-stream: the partial answer and an incomplete ledger row survive, the database is intact', async ({
  page,
}) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'glimpse-e2e-'));
  app = await GlimpseApp.launch(page, { dataDir });
  await app.addProvider({ name: 'Slow', path: 'zai/slow', kind: 'Custom server' });
  await app.setThinking(false);
  await app.ask('Tell me slowly');
  await expect(app.answer().getByTestId('answer')).toContainText('Answer in');
  // Wait until the host has saved part of the answer (it does at most every 500 ms), then kill it hard.
  await expect
    .poll(() => query<{ text: string }>(dataDir, "SELECT text FROM messages WHERE role = 'assistant'")[0]?.text.length ?? 0)
    .toBeGreaterThan(0);
  app.shell.child.kill('SIGKILL');
  await new Promise((r) => app.shell.child.once('exit', r));

  await restart(page, dataDir);
  await sessions(page)
    .getByRole('button', { name: /^Tell me slowly/ })
    .click();
  const answer = app.answer(0);
  await expect(answer.getByTestId('answer')).toContainText('Answer in');
  await expect(answer).toContainText('Interrupted: Glimpse stopped before this answer finished.');
  expect(await answer.getByTestId('answer').innerText()).not.toContain('your question “Tell me slowly”.');

  const [row] = query<{ status: string; tokens_estimated: number; completion_tokens: number; prompt_tokens: number }>(
    dataDir,
    'SELECT * FROM ledger',
  );
  expect(row).toMatchObject({ status: 'incomplete', tokens_estimated: 1 });
  expect(row.completion_tokens).toBeGreaterThan(0);
  expect(row.prompt_tokens).toBeGreaterThan(0);
  expect(query(dataDir, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  await expect(tally(page).getByRole('button', { name: /This session/ })).toContainText('tok');
});
