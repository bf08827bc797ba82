/**
 * Text made outside the window reads in the window's language: a Chinese window shows a refused key and a damaged
 * image in Chinese, with the provider's own words kept verbatim under the summary.
 */
import { expect, test } from '@playwright/test';
import { GlimpseApp } from './harness.ts';

test.use({ locale: 'zh-CN' });

test('a refused key and a damaged image are said in Chinese, the provider’s words kept beneath', async ({ page }) => {
  test.setTimeout(120_000);
  const app = await GlimpseApp.launch(page, { providerLabel: '服务商' });
  try {
    await page.getByRole('button', { name: '设置', exact: true }).click();
    const settings = page.getByRole('dialog', { name: '设置' });
    await settings.getByRole('button', { name: '添加服务商' }).click();
    await settings.getByRole('combobox', { name: '类型' }).selectOption({ label: '自定义服务' });
    await settings.getByRole('textbox', { name: '名称' }).fill('拒绝密钥');
    // The fake provider answers 401 on this path, as Z.AI does for a wrong key.
    await settings.getByRole('textbox', { name: '接口地址' }).fill(`${app.fake.url}/zai/401`);
    await settings.getByRole('combobox', { name: '模型' }).fill('glm-4.5v');
    await settings.getByRole('button', { name: '保存' }).click();
    await expect(settings).toBeHidden();

    // A file that starts like a PNG and is not one: refused by name, in Chinese.
    const bytes = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(600, 7)]);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '添加文件' }).click();
    await (await chooser).setFiles({ name: '坏图.png', mimeType: 'image/png', buffer: bytes });
    await expect(page.getByRole('alert').filter({ hasText: '坏图.png' })).toHaveText(
      /无法读取“坏图\.png”：文件已损坏或不是图片。/,
    );

    await page.getByRole('textbox', { name: '提示词' }).fill('这张图里有什么？');
    await page.getByRole('button', { name: '发送' }).click();
    const banner = page.locator('.error-banner');
    await expect(banner).toBeVisible();
    await expect(banner.locator('.error-summary')).toHaveText('服务商拒绝了此 API 密钥。请在设置中检查。');
    // The provider's own message is detail, verbatim, never translated.
    await expect(banner.locator('.error-detail')).toHaveText('Authentication failed: invalid API key');
  } finally {
    await app.close();
  }
});
