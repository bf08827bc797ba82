import { describe, expect, it } from 'vitest';
import { namesFor } from '../../../renderer/i18n/names.ts';
import { catalogEntry, LOCAL_OCR } from '../../../shared/providers/catalog.ts';

const ocrName = catalogEntry(LOCAL_OCR).name;

describe('names shown for catalog names', () => {
  it('names Local OCR and its language sets in Chinese', () => {
    const zh = namesFor('zh-CN', '本机（Tesseract OCR）');
    expect(zh.provider(ocrName)).toBe('本机（Tesseract OCR）');
    expect(zh.model(LOCAL_OCR, 'eng')).toBe('英语');
    expect(zh.model(LOCAL_OCR, 'chi_sim')).toBe('简体中文');
    expect(zh.model(LOCAL_OCR, 'eng+chi_sim')).toBe('英语 + 简体中文');
  });

  it('names them in English, and leaves what it does not know as it is', () => {
    const en = namesFor('en', 'On this computer (Tesseract OCR)');
    expect(en.model(LOCAL_OCR, 'eng+chi_sim')).toBe('English + Simplified Chinese');
    expect(en.model(LOCAL_OCR, 'deu')).toBe('deu');
  });

  it('keeps a renamed provider and chat model ids as the person knows them', () => {
    const zh = namesFor('zh-CN', '本机（Tesseract OCR）');
    expect(zh.provider('My OCR box')).toBe('My OCR box');
    expect(zh.model('zai', 'glm-4.5v')).toBe('glm-4.5v');
    expect(zh.isLocalOcrName(ocrName)).toBe(true);
    expect(zh.isLocalOcrName('Z.AI')).toBe(false);
  });

  it("names a turn's Local OCR provider and languages for its meta line, and marks it as OCR", () => {
    const zh = namesFor('zh-CN', '本机（Tesseract OCR）');
    expect(zh.turn({ providerName: ocrName, model: 'eng+chi_sim' })).toEqual({
      provider: '本机（Tesseract OCR）',
      model: '英语 + 简体中文',
      ocr: true,
    });
    expect(zh.turn({ providerName: 'Z.AI', model: 'glm-4.5v' })).toEqual({ provider: 'Z.AI', model: 'glm-4.5v', ocr: false });
  });
});
