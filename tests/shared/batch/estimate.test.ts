import { describe, expect, it } from 'vitest';
import {
  completionGuess,
  DEFAULT_COMPLETION,
  estimateBatch,
  fileCeilingUsd,
  filePromptTokens,
} from '../../../shared/batch/estimate.ts';

const PRICE = { prompt: 0.6, completion: 1.8, cachedRead: 0.11, recorded: '2026-11-01' };

describe('batch estimate', () => {
  it('assumes more completion for thinking than for fast, and says so', () => {
    const fast = completionGuess(false, null);
    const thinking = completionGuess(true, null);
    expect(fast).toMatchObject(DEFAULT_COMPLETION.fast);
    expect(thinking).toMatchObject(DEFAULT_COMPLETION.thinking);
    expect(thinking.low).toBeGreaterThan(fast.low);
    expect(thinking.basis).toMatch(/reasoning is billed as completion/);
    expect(fast.basis).toMatch(/answer only/);
  });

  it('uses the ledger history of the model when there is enough of it', () => {
    const g = completionGuess(true, { requests: 12, avgCompletion: 900, maxCompletion: 3000 });
    expect(g).toMatchObject({ low: 450, high: 3000 });
    expect(g.basis).toMatch(/last 12 requests/);
    expect(completionGuess(true, { requests: 2, avgCompletion: 900, maxCompletion: 3000 })).toMatchObject(
      DEFAULT_COMPLETION.thinking,
    );
  });

  it('prices the prompt tokens and both ends of the completion range', () => {
    const guess = { low: 100, high: 1000, basis: '' };
    const e = estimateBatch([1000, 2000], guess, PRICE);
    expect(e.prompt_tokens).toBe(3000);
    expect(e.completion.total_low).toBe(200);
    expect(e.completion.total_high).toBe(2000);
    expect(e.usd_low).toBeCloseTo((3000 * 0.6 + 200 * 1.8) / 1e6, 12);
    expect(e.usd_high).toBeCloseTo((3000 * 0.6 + 2000 * 1.8) / 1e6, 12);
    expect(estimateBatch([1000], guess, PRICE, 0.5).usd_high).toBeCloseTo((1000 * 0.6 + 1000 * 1.8) / 2e6, 12);
  });

  it('never shows an unknown price as $0', () => {
    const e = estimateBatch([1000], { low: 1, high: 2, basis: '' }, null);
    expect(e.usd_low).toBeNull();
    expect(e.usd_high).toBeNull();
    expect(fileCeilingUsd(1000, { low: 1, high: 2, basis: '' }, null)).toBeNull();
  });

  it('counts page labels for a multi-page file', () => {
    expect(filePromptTokens(5000, 3, 'Read')).toBeGreaterThan(filePromptTokens(5000, 1, 'Read'));
  });
});
