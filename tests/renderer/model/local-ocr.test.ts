import { describe, expect, it } from 'vitest';
import type { ProviderView } from '../../../shared/bridge/providers.ts';
import en from '../../../renderer/i18n/locales/en.json';
import zhCN from '../../../renderer/i18n/locales/zh-CN.json';
import { defaultProvider, presetOffReason } from '../../../renderer/model/local-ocr.ts';

const p = (id: string, catalogId: string, hasKey = false, baseUrl = ''): ProviderView => ({
  id,
  catalogId,
  name: id,
  baseUrl,
  model: 'm',
  models: ['m'],
  hasKey,
  upstream: [],
});

const hosted = [
  p('zai', 'zai'),
  p('openrouter', 'openrouter'),
  p('local-ocr', 'local-ocr'),
  p('ollama-1', 'ollama', false, 'http://127.0.0.1:11434/v1'),
];

describe('the provider picked at start', () => {
  it('is Local OCR when nothing has a key and no saved local server answers', () => {
    expect(defaultProvider(hosted, null)?.id).toBe('local-ocr');
  });
  it('is a provider with a key when there is one, and the person’s own pick before all', () => {
    const keyed = hosted.map((x) => (x.id === 'openrouter' ? { ...x, hasKey: true } : x));
    expect(defaultProvider(keyed, null)?.id).toBe('openrouter');
    expect(defaultProvider(keyed, 'zai')?.id).toBe('zai');
  });
  it('is a saved local server that answered the scan, before Local OCR', () => {
    const found = [{ catalogId: 'ollama', name: 'Ollama', baseUrl: 'http://127.0.0.1:11434/v1', models: [] }];
    expect(defaultProvider(hosted, null, found)?.id).toBe('ollama-1');
  });
  it('is a server whose address the person typed, before Local OCR, even when no scan can see it', () => {
    const typed = [...hosted, p('my-vllm', 'custom', false, 'http://10.0.0.5:8000/v1')];
    expect(defaultProvider(typed, null)?.id).toBe('my-vllm');
    expect(defaultProvider(typed, 'local-ocr')?.id).toBe('local-ocr');
  });
});

describe('presets with Local OCR', () => {
  it('turns off what needs a language model, with the reason, and keeps Extract text', () => {
    expect(presetOffReason('receipt', 'local-ocr')).toBe('presetOff.receipt');
    expect(presetOffReason('locate', 'local-ocr')).toBe('presetOff.locate');
    expect(presetOffReason('extract', 'local-ocr')).toBeNull();
    expect(presetOffReason('receipt', 'zai')).toBeNull();
  });
  it('gives catalog keys that both languages hold', () => {
    for (const id of ['locate', 'table', 'formula', 'receipt']) {
      const key = presetOffReason(id, 'local-ocr');
      expect(key).toBe(`presetOff.${id}`);
      expect(en.presetOff[id as keyof typeof en.presetOff]).toMatch(/Local OCR/);
      expect(zhCN.presetOff[id as keyof typeof zhCN.presetOff]).toMatch(/本机 OCR/);
    }
  });
});
