import { describe, expect, it } from 'vitest';
import { costOf, estimateTextTokens, priceUsage } from '../../../shared/engine/pricing.ts';
import type { Usage } from '../../../shared/engine/types.ts';
import { catalogEntry, type Price } from '../../../shared/providers/catalog.ts';

const GLM: Price = { prompt: 0.6, completion: 1.8, cachedRead: 0.11, recorded: '2026-11-01' };
const usage = (u: Partial<Usage>): Usage => ({
  prompt_tokens: 0,
  completion_tokens: 0,
  reasoning_tokens: 0,
  cached_tokens: 0,
  ...u,
});

describe('priceUsage', () => {
  it('prices 1M prompt + 1M completion tokens at the listed rates', () => {
    expect(priceUsage(usage({ prompt_tokens: 1_000_000, completion_tokens: 1_000_000 }), GLM)).toBeCloseTo(2.4, 10);
  });

  it('bills cached prompt tokens at the cache-read price', () => {
    const u = usage({ prompt_tokens: 1_000_000, cached_tokens: 400_000, completion_tokens: 0 });
    expect(priceUsage(u, GLM)).toBeCloseTo(0.6 * 0.6 + 0.4 * 0.11, 10);
  });

  it('bills cached tokens at the prompt price when there is no cache price', () => {
    const u = usage({ prompt_tokens: 1_000_000, cached_tokens: 400_000 });
    expect(priceUsage(u, { ...GLM, cachedRead: null })).toBeCloseTo(0.6, 10);
  });

  it('never counts more cached tokens than prompt tokens', () => {
    expect(priceUsage(usage({ prompt_tokens: 100, cached_tokens: 1000 }), GLM)).toBeCloseTo((100 * 0.11) / 1e6, 15);
  });

  it('reasoning tokens are part of completion tokens, not billed twice', () => {
    const a = priceUsage(usage({ completion_tokens: 1000, reasoning_tokens: 800 }), GLM);
    expect(a).toBeCloseTo((1000 * 1.8) / 1e6, 15);
  });
});

describe('costOf', () => {
  const est = usage({ prompt_tokens: 500, completion_tokens: 100 });

  it('prefers the provider-reported cost', () => {
    expect(costOf({ usage: usage({ prompt_tokens: 10 }), estimatedUsage: est, providerCostUsd: 0.0042, price: GLM })).toEqual({
      usd: 0.0042,
      source: 'provider',
    });
  });

  it('uses the price table when usage came back', () => {
    const u = usage({ prompt_tokens: 1000, cached_tokens: 200, completion_tokens: 50 });
    expect(costOf({ usage: u, estimatedUsage: est, providerCostUsd: null, price: GLM })).toEqual({
      usd: priceUsage(u, GLM),
      source: 'price-table',
    });
  });

  it('estimates from the estimated usage when the provider sent none', () => {
    const c = costOf({ usage: null, estimatedUsage: est, providerCostUsd: null, price: GLM });
    expect(c.source).toBe('estimate');
    expect(c.usd).toBeCloseTo((500 * 0.6 + 100 * 1.8) / 1e6, 15);
  });

  it('says unknown with usd null, never 0, when the price is unknown', () => {
    const c = costOf({
      usage: usage({ prompt_tokens: 1000, completion_tokens: 10 }),
      estimatedUsage: est,
      providerCostUsd: null,
      price: null,
    });
    expect(c).toEqual({ usd: null, source: 'unknown' });
  });

  it('GLM-4.6V has no price in the catalog, so its cost is unknown', () => {
    const price = catalogEntry('zai').models.find((m) => m.id === 'glm-4.6v')!.price;
    expect(price).toBeNull();
    expect(costOf({ usage: usage({ prompt_tokens: 5 }), estimatedUsage: est, providerCostUsd: null, price })).toEqual({
      usd: null,
      source: 'unknown',
    });
  });
});

describe('estimateTextTokens', () => {
  it('counts about 4 Latin characters per token', () => {
    expect(estimateTextTokens('')).toBe(0);
    expect(estimateTextTokens('abcd')).toBe(1);
    expect(estimateTextTokens('What is in this image?')).toBe(6); // 22 chars
  });

  it('counts one token per CJK character', () => {
    expect(estimateTextTokens('这是什么')).toBe(4);
    expect(estimateTextTokens('これは何')).toBe(4);
    expect(estimateTextTokens('이것은')).toBe(3);
  });

  it('mixes both: CJK characters plus Latin by length', () => {
    expect(estimateTextTokens('猫 cat')).toBe(1 + 1); // one CJK, " cat" is 4 Latin chars
    // Full-width forms count as CJK; an emoji (two UTF-16 units) counts by length, like Latin.
    expect(estimateTextTokens('ＡＢ😀😀')).toBe(2 + 1);
    expect(estimateTextTokens('中'.repeat(3000) + 'x'.repeat(4000))).toBe(3000 + 1000);
  });

  it('gives CJK text more tokens than Latin text of the same length', () => {
    expect(estimateTextTokens('图'.repeat(40))).toBeGreaterThan(estimateTextTokens('a'.repeat(40)) * 3);
  });
});
