import { describe, expect, it } from 'vitest';
import { laneLabelText } from '../../../../renderer/features/compare/lane-label.ts';
import { paramWords } from '../../../../renderer/features/playground/param-words.ts';
import { i18next } from '../../../../renderer/i18n/i18n.ts';
import { namesFor } from '../../../../renderer/i18n/names.ts';
import { defaultLanes, laneLabelParts, laneLabels } from '../../../../shared/compare/lanes.ts';
import { figuresFor } from '../../../../shared/format/figures.ts';
import { catalogEntry, LOCAL_OCR } from '../../../../shared/providers/catalog.ts';

const words = (lng: 'en' | 'zh-CN', ocrName: string) => {
  const t = i18next.getFixedT(lng);
  return laneLabelText(t, paramWords(t, figuresFor(lng)), namesFor(lng, ocrName));
};
const zh = words('zh-CN', '本机（Tesseract OCR）');
const en = words('en', 'On this computer (Tesseract OCR)');
const base = { providerId: 'zai', providerName: 'Z.AI', model: 'glm-4.5v' };

describe('compare lane labels in the window', () => {
  it('says thinking vs fast and the parameters that differ in Chinese, from the same parts the CLI says in English', () => {
    const lanes = defaultLanes(base).map((l, i) => ({ ...l, params: { temperature: i === 0 ? 0.2 : 1, max_tokens: 2000 } }));
    const parts = laneLabelParts(lanes);
    expect(parts[0]).toEqual({
      parts: [
        { kind: 'mode', thinking: true },
        { kind: 'params', chips: [{ kind: 'temperature', value: 0.2 }] },
      ],
    });
    expect(parts.map((l, i) => zh(l, i))).toEqual(['思考 · T 0.2', '快速 · T 1']);
    expect(parts.map((l, i) => en(l, i))).toEqual(['Thinking · T 0.2', 'Fast · T 1']);
    expect(laneLabels(lanes)).toEqual(['Thinking · T 0.2', 'Fast · T 1']);
  });

  it('words budgets, defaults and lane numbers in Chinese', () => {
    const parts = laneLabelParts([
      { ...base, thinking: true, budget: 1024, params: { max_tokens: 4000 } },
      { ...base, thinking: true },
    ]);
    expect(parts.map((l, i) => zh(l, i))).toEqual(['每图 1024 token · 最多 4k', '默认预算 · 默认参数']);
    const same = laneLabelParts([
      { ...base, thinking: true },
      { ...base, thinking: true },
    ]);
    expect(same.map((l, i) => zh(l, i))).toEqual(['通道 1', '通道 2']);
    expect(zh(undefined, 2)).toBe('通道 3');
    // Two keys on one service: same name, different ids.
    const twoKeys = laneLabelParts([
      { ...base, thinking: true },
      { ...base, providerId: 'zai-2', thinking: true },
    ]);
    expect(twoKeys.map((l, i) => zh(l, i))).toEqual(['通道 1 · Z.AI', '通道 2 · Z.AI']);
  });

  it('names Local OCR by its Chinese name when providers differ', () => {
    const ocr = catalogEntry(LOCAL_OCR).name;
    const parts = laneLabelParts([
      { ...base, thinking: false },
      { providerId: LOCAL_OCR, providerName: ocr, model: 'chi_sim', thinking: false },
    ]);
    expect(zh(parts[1], 1)).toBe('本机（Tesseract OCR） · chi_sim');
  });
});
