/**
 * Message codes in both languages: every code the host can make has English (the shared table) and Chinese (the
 * zh-CN catalog) text, each naming the same parameters, and the window's translator fills them in.
 */
import { describe, expect, it } from 'vitest';
import { describeKind, makeError } from '../../../shared/engine/errors.ts';
import { MESSAGES_EN, type MessageCode, hostMessage } from '../../../shared/messages/messages.ts';
import { detailOf, hostText, noticeText } from '../../../renderer/i18n/host-text.ts';
import { i18next } from '../../../renderer/i18n/i18n.ts';
import zhCN from '../../../renderer/i18n/locales/zh-CN.json';

const codes = Object.keys(MESSAGES_EN) as MessageCode[];
const names = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
/** A value for every parameter of a code, unlike any word of either template. */
const sample = (code: MessageCode) => Object.fromEntries(names(MESSAGES_EN[code]).map((n, i) => [n, `«${n}${i}»`]));

describe('message codes', () => {
  it('every code has English and Chinese text naming the same parameters', () => {
    for (const code of codes) {
      const zh = code.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], zhCN.msg);
      expect(typeof zh, code).toBe('string');
      expect(names(zh as string), code).toEqual(names(MESSAGES_EN[code]));
      expect(zh, code).not.toBe(MESSAGES_EN[code]);
    }
  });

  it('fills every parameter in both languages, and the English is the host’s own message', () => {
    for (const code of codes) {
      const params = sample(code);
      const m = hostMessage(code as 'image.damaged', params as { name: string });
      for (const lng of ['en', 'zh-CN']) {
        const text = hostText(m, lng);
        expect(text, `${code} ${lng}`).not.toMatch(/\{\{/);
        for (const v of Object.values(params)) expect(text, `${code} ${lng}`).toContain(v);
      }
      expect(hostText(m, 'en')).toBe(m.message);
    }
  });

  it('says a damaged image and a refused key in Chinese, names and figures kept', () => {
    const damaged = hostMessage('image.damaged', { name: 'cut.png' });
    expect(damaged.message).toBe('“cut.png” could not be read: the file is damaged or not an image.');
    expect(hostText(damaged, 'zh-CN')).toBe('无法读取“cut.png”：文件已损坏或不是图片。');
    const over = hostMessage('request.over-context', { tokens: '70,000', context: '65,536' });
    expect(hostText(over, 'zh-CN')).toMatch(/^此请求约 70,000 个 token，超出模型 65,536 token 的上下文/);
  });

  it('falls back to the English message for a code this window does not know', () => {
    const future = { code: 'error.from-the-future' as MessageCode, params: {}, message: 'Something new went wrong.' };
    expect(hostText(future, 'zh-CN')).toBe('Something new went wrong.');
    expect(hostText('already final', 'zh-CN')).toBe('already final');
  });

  it('keeps a provider’s own words as detail under the translated summary', () => {
    const e = makeError('auth', 'Invalid API key');
    expect(e.summary?.code).toBe('error.auth');
    expect(e.message).toBe('Invalid API key');
    expect(hostText(e.summary, 'zh-CN')).toBe('服务商拒绝了此 API 密钥。请在设置中检查。');
    expect(detailOf(e)).toBe('Invalid API key');
    // Glimpse's own sentence is not repeated as detail.
    expect(detailOf(makeError('timeout'))).toBeNull();
    expect(makeError('timeout').message).toBe(describeKind('timeout'));
  });

  it('says several notices in turn, each in the window’s language', async () => {
    await i18next.changeLanguage('zh-CN');
    try {
      expect(noticeText([hostMessage('branch.delete-failed'), 'disk on fire'])).toBe('无法删除这次问答： disk on fire');
    } finally {
      await i18next.changeLanguage('en');
    }
  });
});
