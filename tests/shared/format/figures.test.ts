import { describe, expect, it } from 'vitest';
import { formatSeconds, formatTokens, formatUsd } from '../../../shared/format/figures.ts';

describe('formatUsd', () => {
  it.each([
    [null, 'unknown'],
    [0, '$0'],
    [0.000123, '$0.000123'],
    [0.0012345, '$0.001235'],
    [0.0345, '$0.0345'],
    [0.5, '$0.5000'],
    [12.345, '$12.35'],
    [1234.5, '$1,234.50'],
  ])('%s -> %s', (v, text) => expect(formatUsd(v)).toBe(text));

  it("says unknown in the caller's words, and takes a locale", () => {
    expect(formatUsd(null, { unknown: 'price unknown' })).toBe('price unknown');
    expect(formatUsd(1234.5, { locale: 'de-DE' })).toBe('1.234,50\u00a0$');
  });
});

describe('formatTokens', () => {
  it.each([
    [0, '0', '0'],
    [9_999, '9,999', '9,999'],
    [12_345, '12,345', '12.3k'],
    [456_789, '456,789', '457k'],
    [1_234_567, '1,234,567', '1.23M'],
  ])('%s -> %s, compact %s', (n, whole, compact) => {
    expect(formatTokens(n)).toBe(whole);
    expect(formatTokens(n, { compact: true })).toBe(compact);
  });

  it('takes a locale', () => expect(formatTokens(12_345, { locale: 'de-DE' })).toBe('12.345'));
});

it('formatSeconds writes hundredths, and a dash for an unmeasured time', () => {
  expect(formatSeconds(1234)).toBe('1.23 s');
  expect(formatSeconds(null)).toBe('–');
  expect(formatSeconds(65_000, { digits: 1 })).toBe('65.0 s');
});
