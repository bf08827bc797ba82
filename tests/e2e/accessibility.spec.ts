/**
 * Axe (axe-core through @axe-core/playwright) on every main state of the window: empty, an answer with boxes,
 * reasoning open, Settings, usage, the Batch view, a compare, the PDF page picker, an error, the shortcuts sheet. A serious or
 * critical violation fails the test, listed with its rule, help text and the elements it found.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { makePdf } from '../fixtures/media/make-media.ts';
import { GlimpseApp } from './harness.ts';

async function expectNoSeriousViolations(page: Page, state: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`);
  expect(serious, `${state}:\n  ${serious.join('\n  ')}`).toEqual([]);
}

let app: GlimpseApp;
test.beforeEach(async ({ page }) => {
  app = await GlimpseApp.launch(page);
});
test.afterEach(async () => app.close());

test('every main state passes axe with no serious or critical violation', async ({ page }) => {
  // Nine states, axe on each, on a machine that may be busy.
  test.setTimeout(300_000);
  await expectNoSeriousViolations(page, 'empty');

  await app.addProvider({ name: 'Grounding', path: 'zai/boxes', kind: 'Custom server' });
  await app.ask('Where is the square?');
  await app.waitForAnswerDone();
  await expect(page.getByRole('list', { name: 'Boxes' })).toBeVisible();
  await expectNoSeriousViolations(page, 'answer with boxes');

  await app.addProvider({ name: 'Thinker', path: 'think', kind: 'Custom server' });
  await app.ask('Describe');
  await app.waitForAnswerDone();
  await app.answer().locator('details.reasoning summary').click();
  await expect(app.answer().locator('details.reasoning')).toHaveAttribute('open', '');
  await expectNoSeriousViolations(page, 'reasoning open');

  await page.getByRole('button', { name: 'Compare', exact: true }).isDisabled();
  await page.getByRole('textbox', { name: 'Prompt' }).fill('Compare these');
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Verdict' })).toBeVisible();
  await expect(page.getByRole('article', { name: 'Compare' })).toHaveAttribute('aria-label', 'Compare');
  await expect(page.getByRole('button', { name: 'Stop all' })).toHaveCount(0);
  await expectNoSeriousViolations(page, 'compare');

  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
  await expectNoSeriousViolations(page, 'settings');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Usage details' }).click();
  await expect(page.getByRole('dialog', { name: 'Usage details' }).getByRole('img').first()).toBeVisible();
  await expectNoSeriousViolations(page, 'usage');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Batch' }).click();
  await expect(page.getByRole('dialog', { name: 'Batch' })).toBeVisible();
  await expectNoSeriousViolations(page, 'batch');
  await page.keyboard.press('Escape');

  await app.attachViaDialog(await makePdf('axe.pdf', 3));
  await page.getByRole('listitem', { name: 'axe.pdf' }).getByRole('button', { name: 'Pick pages' }).click();
  await expect(page.getByRole('dialog', { name: 'Pages of axe.pdf' })).toBeVisible();
  await expectNoSeriousViolations(page, 'PDF page picker');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Help' }).click();
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await expectNoSeriousViolations(page, 'shortcuts');
  await page.keyboard.press('Escape');

  await app.addProvider({ name: 'Refuses', path: 'zai/401', kind: 'Custom server', apiKey: 'fault-key-0123456789' });
  await app.ask('hi');
  await expect(page.getByRole('alert').filter({ hasText: 'API key refused' })).toBeVisible();
  await expectNoSeriousViolations(page, 'error');
});

test('a dialog holds focus, makes the page inert, and gives focus back to what opened it', async ({ page }) => {
  const settings = page.getByRole('button', { name: 'Settings', exact: true });
  await settings.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await expect(dialog).toBeVisible();
  // Focus starts inside, and Tab never leaves it.
  for (let i = 0; i < 25; i++) {
    expect(await dialog.evaluate((d) => d.contains(document.activeElement)), `after ${i} Tab presses`).toBe(true);
    await page.keyboard.press('Tab');
  }
  // The page behind is inert while the dialog is open: its controls cannot even take focus.
  const behind = await page
    .getByRole('button', { name: 'Send' })
    .evaluate((send: HTMLElement) => (send.focus(), document.activeElement === send));
  expect(behind).toBe(false);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(settings).toBeFocused();

  // `?` opens the shortcuts sheet from anywhere but a text field; Escape closes it.
  await page.getByRole('textbox', { name: 'Prompt' }).fill('');
  await page.getByRole('textbox', { name: 'Prompt' }).press('?');
  await expect(page.getByRole('textbox', { name: 'Prompt' })).toHaveValue('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toHaveCount(0);
  await page.getByRole('textbox', { name: 'Prompt' }).evaluate((el: HTMLElement) => el.blur());
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await expect(sheet).toContainText('Ctrl');
  await page.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);
});

test('the top bar is reached by Tab in the order it is seen, wide and phone-sized', async ({ page }) => {
  // What the header's controls are called, in the order Tab reaches them from its first control on screen.
  const tabOrder = async (count: number) => {
    await page.locator('header.top-bar').locator('button:visible, select:visible').first().focus();
    const names: string[] = [];
    for (let i = 0; i < count; i++) {
      names.push(
        await page.evaluate(() => {
          const el = document.activeElement as HTMLElement;
          return el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '';
        }),
      );
      await page.keyboard.press('Tab');
    }
    return names;
  };
  const top = (name: string) =>
    page
      .locator('header.top-bar')
      .getByRole('button', { name, exact: true })
      .evaluate((el) => Math.round(el.getBoundingClientRect().top));

  // Wide: one row, Guide and Help at its end, after Settings.
  const wide = await tabOrder(8);
  expect(wide[0]).toBe('Provider');
  expect(wide.slice(wide.indexOf('Settings'), wide.indexOf('Settings') + 3)).toEqual(['Settings', 'Guide', 'Help']);

  // Phone-sized: Guide and Help sit on the brand's row, above the provider, so Tab reaches them first.
  await page.setViewportSize({ width: 480, height: 800 });
  await expect.poll(() => top('Guide')).toBeLessThan(await top('Settings'));
  expect(await top('Guide')).toBe(await top('Sessions'));
  const phone = await tabOrder(4);
  expect(phone).toEqual(['Sessions', 'Guide', 'Help', 'Provider']);
  await page.screenshot({ path: 'test-results/screenshots/top-bar-phone.png' });
});
