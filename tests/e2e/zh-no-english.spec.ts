/**
 * Nothing English left in a Chinese window (issue #14): the main states a person reaches, walked in zh-CN with
 * the dark theme, and each one's text searched for English words (zh-english-words.ts). Brand names, model ids,
 * file names and what the person or the model wrote are left out.
 */
import { expect, test } from '@playwright/test';
import { makePng } from '../fixtures/media/make-image.ts';
import { GlimpseApp } from './harness.ts';
import { englishWords } from './zh-english-words.ts';

test.use({ locale: 'zh-CN', colorScheme: 'dark' });

test('a Chinese window says nothing in English: empty, settings, answer, error, compare, usage, shortcuts', async ({ page }) => {
  test.setTimeout(180_000);
  const app = await GlimpseApp.launch(page, { providerLabel: '服务商' });
  const found: Record<string, string[]> = {};
  const audit = async (state: string) => {
    const words = await englishWords(page);
    if (words.length) found[state] = words;
  };
  const shot = (name: string) => page.screenshot({ path: `test-results/screenshots/zh-${name}.png` });
  try {
    await expect(page.getByRole('heading', { name: '离线识别任何扫描件中的文字' })).toBeVisible();
    await audit('empty');

    const settingsButton = page.getByRole('button', { name: '设置', exact: true });
    const settings = page.getByRole('dialog', { name: '设置' });
    const addProvider = async (name: string, path: string, key = 'k') => {
      await settingsButton.click();
      await settings.getByRole('button', { name: '添加服务商' }).click();
      await settings.getByRole('combobox', { name: '类型' }).selectOption({ label: '自定义服务' });
      await audit('settings: provider form');
      await settings.getByRole('textbox', { name: '名称' }).fill(name);
      await settings.getByRole('textbox', { name: '接口地址' }).fill(`${app.fake.url}/${path}`);
      await settings.getByLabel('API 密钥').fill(key);
      await settings.getByRole('combobox', { name: '模型' }).fill('glm-4.5v');
      await settings.getByRole('button', { name: '保存' }).click();
      await expect(settings).toBeHidden();
    };
    await addProvider('坏密钥', 'vllm', 'bad-key');
    await settingsButton.click();
    await audit('settings');
    await page.keyboard.press('Escape');

    // A bad key: the error in Chinese.
    const prompt = page.getByRole('textbox', { name: '提示词' });
    await prompt.fill('你好');
    await page.getByRole('button', { name: '发送' }).click();
    await expect(page.getByRole('alert').first()).toBeVisible();
    await audit('error: bad key');

    // The playground's schema editor refusing a schema past its limits, in Chinese.
    await page.locator('.params-toggle').click();
    await page.locator('#param-format').selectOption('json_schema');
    await page.locator('#json-schema').fill(JSON.stringify({ type: 'object', description: 'x'.repeat(300_000) }));
    await expect(page.getByRole('list', { name: 'Schema 问题' })).toContainText('此 schema 大小为 294 KB；最多接受 256 KB。');
    await audit('playground: schema refused');
    await shot('schema');
    await page.locator('#param-format').selectOption('text');
    await page.locator('.params-toggle').click();

    await addProvider('智谱', 'zai/demo');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '添加文件' }).click();
    await (await chooser).setFiles(await makePng('收据.png', 400, 600, '#f4f1ea'));
    await prompt.fill('整理成表格');
    await page.getByRole('button', { name: '发送' }).click();
    const answer = page.getByRole('region', { name: '回答' }).last();
    await expect(answer).toHaveAttribute('aria-busy', 'false');
    await audit('answer');

    // Compare: two lanes differing in temperature.
    await prompt.fill('比较一下');
    await page.getByRole('button', { name: '对比通道' }).click();
    const editor = page.getByRole('group', { name: '对比通道' });
    for (const n of [1, 2])
      await editor
        .getByRole('group', { name: `通道 ${n} 设置` })
        .getByText('参数')
        .click();
    await editor.getByRole('textbox', { name: /^通道 1 temperature/ }).fill('0.2');
    await editor.getByRole('textbox', { name: /^通道 2 temperature/ }).fill('1');
    await audit('compare: lane editor');
    await editor.getByRole('button', { name: '完成' }).click();
    await page.getByRole('button', { name: '对比', exact: true }).click();
    const lane = (n: number) => page.getByRole('region', { name: new RegExp(`^通道 ${n}：`) });
    await expect(lane(1)).toHaveAttribute('aria-busy', 'false');
    await expect(lane(2)).toHaveAttribute('aria-busy', 'false');
    await expect(lane(1)).toHaveAccessibleName(/^通道 1：思考 · T 0\.2/);
    await audit('compare');
    await lane(1).scrollIntoViewIfNeeded();
    await shot('compare');

    await page.getByRole('button', { name: '用量详情' }).click();
    await expect(page.getByRole('dialog', { name: '用量详情' })).toBeVisible();
    await audit('usage');
    await shot('usage');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: '帮助' }).click();
    await audit('help');
    await page.keyboard.press('Escape');
  } finally {
    await app.close();
  }
  expect(found).toEqual({});
});
