/**
 * The window in the OS's language (a zh-CN browser gets Simplified Chinese), the language and theme chosen in
 * Settings and kept across a reload, and the pictures to look at: zh-CN (the README's, under `npm run
 * screenshots`), light and dark.
 */
import { expect, test } from '@playwright/test';
import { makePng } from '../fixtures/media/make-image.ts';
import { GlimpseApp } from './harness.ts';
import { readmeShot } from './readme-shot.ts';

const background = (page: import('@playwright/test').Page) =>
  page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

test.describe('a Chinese system', () => {
  test.use({ locale: 'zh-CN' });

  test('shows Simplified Chinese, with figures written the Chinese way, and a Chinese preset prompt', async ({ page }) => {
    test.setTimeout(120_000);
    const app = await GlimpseApp.launch(page, { providerLabel: '服务商' });
    try {
      await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
      // No key: Local OCR is picked, and its empty state says what works offline.
      await expect(page.getByRole('heading', { name: '离线识别任何扫描件中的文字' })).toBeVisible();
      // Local OCR and its languages are named in Chinese too, not by the catalog's English name and Tesseract codes.
      await expect(page.getByRole('combobox', { name: '服务商' })).toContainText('本机（Tesseract OCR） · 英语');
      await expect(page.getByRole('combobox', { name: '模型' }).locator('option')).toHaveText([
        '英语',
        '简体中文',
        '英语 + 简体中文',
      ]);
      await page.getByRole('button', { name: '预设' }).click();
      await page.getByRole('menuitem', { name: '提取文字' }).click();
      await expect(page.getByRole('textbox', { name: '提示词' })).toHaveValue(/^按阅读顺序提取图片中的全部文字/);

      // An answer in Chinese, reasoning open: the README's zh-CN picture.
      await page.getByRole('button', { name: '设置', exact: true }).click();
      const settings = page.getByRole('dialog', { name: '设置' });
      await settings.getByRole('button', { name: '添加服务商' }).click();
      await settings.getByRole('combobox', { name: '类型' }).selectOption({ label: '自定义服务' });
      await settings.getByRole('textbox', { name: '名称' }).fill('GLM-4.5V（本地）');
      await settings.getByRole('textbox', { name: '接口地址' }).fill(`${app.fake.url}/zai/demo`);
      await settings.getByRole('combobox', { name: '模型' }).fill('glm-4.5v');
      await settings.getByRole('button', { name: '保存' }).click();
      await expect(settings).toBeHidden();
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: '添加文件' }).click();
      await (await chooser).setFiles(await makePng('收据.png', 1240, 1754, '#f4f1ea'));
      await page.getByRole('textbox', { name: '提示词' }).fill('把这张收据整理成表格，并核对合计。');
      await page.getByRole('button', { name: '发送' }).click();
      const answer = page.getByRole('region', { name: '回答' }).last();
      await expect(answer).toHaveAttribute('aria-busy', 'false');
      await expect(answer.getByRole('table').first()).toBeVisible();
      // A custom server has no price: its cost is unknown, said in Chinese.
      await expect(answer.getByRole('definition').filter({ hasText: '未知' }).first()).toBeVisible();
      await answer.locator('details.reasoning summary').click();
      await readmeShot(page, 'screenshot-zh-CN.png');
    } finally {
      await app.close();
    }
  });
});

test('language and theme chosen in Settings apply at once and are kept across a reload', async ({ page }) => {
  test.setTimeout(120_000);
  const app = await GlimpseApp.launch(page);
  try {
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await background(page)).toBe('rgb(247, 247, 248)');
    await page.screenshot({ path: 'test-results/screenshots/theme-light.png' });

    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const settings = page.getByRole('dialog', { name: 'Settings' });
    await settings.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await background(page)).toBe('rgb(21, 22, 26)');
    await settings.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
    await expect(page.getByRole('dialog', { name: '设置' })).toBeVisible();
    await page.keyboard.press('Escape');
    // The rest of the window follows at once too, not only the dialog that changed it.
    await expect(page.getByRole('button', { name: '设置', exact: true })).toBeVisible();
    await page.screenshot({ path: 'test-results/screenshots/theme-dark-zh-CN.png' });

    // Kept by the host: a reload (or the next launch) starts dark and in Chinese, whatever the system says.
    await page.reload();
    await expect(page.getByRole('button', { name: '设置', exact: true })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

    // "Follow the system" follows it live.
    await page.getByRole('button', { name: '设置', exact: true }).click();
    await page.getByRole('dialog', { name: '设置' }).getByRole('combobox', { name: '主题' }).selectOption('system');
    await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await background(page)).toBe('rgb(21, 22, 26)');
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await background(page)).toBe('rgb(247, 247, 248)');
  } finally {
    await app.close();
  }
});
