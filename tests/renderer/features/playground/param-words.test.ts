import { describe, expect, it } from 'vitest';
import { figuresFor } from '../../../../shared/format/figures.ts';
import { PARAM_CATALOG, type ParamDialect, type ParamRule, paramSupport } from '../../../../shared/params/catalog.ts';
import { parseTyped } from '../../../../shared/params/check.ts';
import { chipsOf, paramChips } from '../../../../shared/params/chips.ts';
import { PARAM_KEYS, type SamplingParams } from '../../../../shared/params/types.ts';
import { paramWords } from '../../../../renderer/features/playground/param-words.ts';
import { i18next } from '../../../../renderer/i18n/i18n.ts';
import { parsePresets, PresetsFileError } from '../../../../renderer/model/presets.ts';

const en = paramWords(i18next.getFixedT('en'), figuresFor('en'));
const zh = paramWords(i18next.getFixedT('zh-CN'), figuresFor('zh-CN'));
const dialects = Object.keys(PARAM_CATALOG) as ParamDialect[];
const rules = dialects.flatMap((d) => Object.entries(PARAM_CATALOG[d]).map(([k, r]) => [d, k, r as ParamRule] as const));
// Chinese text keeps the wire names, figures and product names; what is left must not be English words.
const ENGLISH_WORD = /\b(?!(?:JSON|OpenRouter|Modelfile|generation_config|GLM|K|medium|token)\b)[A-Za-z]{3,}\b/;
const strip = (s: string) => s.replace(/\b[a-z]+_[a-z_]+\b/g, '').replace(/\b(top_[pk]|temperature|seed|stop)\b/g, '');

describe('the parameters in the window', () => {
  const full: SamplingParams = {
    system: 'Be brief.',
    temperature: 0.2,
    top_p: 0.9,
    top_k: 5,
    max_tokens: 2000,
    stop: ['END'],
    seed: 7,
    frequency_penalty: 0.5,
    presence_penalty: 0.1,
    repetition_penalty: 1.1,
    do_sample: false,
    response_format: { type: 'json_object' },
    reasoning_effort: 'high',
    reasoning_max_tokens: 4000,
    extra: { a: 1 },
  };

  it('English chips read as before: "T 0.2 · max 2k", the CLI and the window the same', () => {
    expect(chipsOf(full).map(en.chip)).toEqual(paramChips(full));
    expect(chipsOf({ temperature: 0.2, max_tokens: 2000 }).map(en.chip).join(' · ')).toBe('T 0.2 · max 2k');
    expect(chipsOf({ max_tokens: 2500 }).map(en.chip)).toEqual(['max 2.5k']);
    // Other counts go through the figures, with the locale's group separators.
    expect(chipsOf({ reasoning_max_tokens: 12_345 }).map(en.chip)).toEqual(['think 12,345']);
  });

  it('Chinese chips keep parameter values and word the rest in Chinese', () => {
    const chips = chipsOf(full).map(zh.chip);
    expect(chips).toContain('T 0.2');
    expect(chips).toContain('强度 高');
    expect(chips.join(' ')).not.toMatch(/greedy|effort|think|System/);
  });

  it('every refusal of a typed value matches the English the CLI gives, and is Chinese in zh-CN', () => {
    for (const [, k, rule] of rules) {
      if (rule.min === undefined && rule.max === undefined && !rule.integer) continue;
      for (const typed of ['x', '1.5', '-9999999', '99999999999']) {
        const parsed = parseTyped(k as never, typed, rule);
        if (!('problem' in parsed)) continue;
        expect(en.typed(k as never, parsed.problem, parsed.typed, rule)).toBe(parsed.error);
        const text = zh.typed(k as never, parsed.problem, parsed.typed, rule);
        expect(strip(text), text).not.toMatch(ENGLISH_WORD);
      }
    }
  });

  it('every "not accepted" reason matches the English, and is Chinese in zh-CN', () => {
    let seen = 0;
    for (const d of dialects)
      for (const k of PARAM_KEYS) {
        const s = paramSupport(d, k, 'x/y', ['temperature']);
        if (s.ok) continue;
        seen++;
        // Local OCR goes by the window's name for it (names.localOcr), as everywhere else in the window.
        const window = d === 'local-ocr' ? s.reason.replace('Local OCR', i18next.t('names.localOcr', { lng: 'en' })) : s.reason;
        expect(en.unsupported(s.why)).toBe(window);
        expect(zh.unsupported(s.why)).toMatch(/不支持|参数列表中没有/);
        if (d === 'local-ocr') expect(zh.unsupported(s.why)).toMatch(/^本机（Tesseract OCR） 不支持/);
      }
    expect(seen).toBeGreaterThan(10);
  });

  it('every provider default has words in both languages', () => {
    for (const [, , rule] of rules) {
      const e = en.providerDefault(rule.providerDefault);
      const c = zh.providerDefault(rule.providerDefault);
      expect(e).not.toMatch(/^playground\./);
      expect(c).not.toMatch(/^playground\./);
      expect(strip(c), c).not.toMatch(ENGLISH_WORD);
    }
    expect(en.providerDefault('preset:0.8')).toBe("the model's preset, else 0.8");
    expect(en.providerDefault('off:-1')).toBe('off (-1)');
    expect(zh.providerDefault('1.0')).toBe('1.0');
  });
});

describe('a refused presets file', () => {
  it('says what is wrong as data, naming the file', () => {
    const problem = (text: string) => {
      try {
        parsePresets(text, 'p.json');
      } catch (e) {
        return e instanceof PresetsFileError ? e.problem : null;
      }
      return 'accepted';
    };
    expect(problem('{')).toEqual({ code: 'not-json', file: 'p.json' });
    expect(problem('{"format": "other"}')).toEqual({ code: 'not-presets', file: 'p.json' });
    expect(problem('{"format": "glimpse-presets", "presets": [{"name": "a"}, {}]}')).toEqual({
      code: 'no-name',
      file: 'p.json',
      n: 2,
    });
  });
});
