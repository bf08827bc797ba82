import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyMasker, redactKey } from '../../../shared/engine/errors.ts';

describe('redactKey', () => {
  it('masks a short key where it stands alone, without eating ordinary words', () => {
    expect(redactKey('invalid token: abc; key abc rejected', 'abc')).toBe('invalid token: …; key … rejected');
    expect(redactKey('abcdef and cabbage', 'abc')).toBe('abcdef and cabbage');
    expect(redactKey('key "x" refused, expected another', 'x')).toBe('key "…" refused, expected another');
    expect(redactKey('the key a+b? was wrong', 'a+b?')).toBe('the key … was wrong');
  });

  it('masks a long key anywhere', () => {
    expect(redactKey('xx-secret123-xx', 'secret123')).toBe('xx-…-xx');
  });
});

describe('KeyMasker', () => {
  const KEY = 'my-secret-key-42';

  it('masks a key split across pieces and passes other text through', () => {
    const m = new KeyMasker(KEY);
    const out = ['Your key is my-se', 'cret-k', 'ey-42 and mine', ' is my-', 'other'].map((p) => m.push(p)).join('') + m.end();
    expect(out).toBe('Your key is … and mine is my-other');
  });

  it('gives the same text as masking the whole, however the text is cut (property)', () => {
    const piece = fc.constantFrom('my-', 'secret', '-key-42', KEY, 'm', 'y', ' ', 'hello ', '-', '4', '2');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.array(fc.nat(), { maxLength: 10 }), (parts, cuts) => {
        const text = parts.join('');
        const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const pieces = [0, ...at, text.length].slice(1).map((end, i, all) => text.slice(i === 0 ? 0 : all[i - 1], end));
        const m = new KeyMasker(KEY);
        const out = pieces.map((p) => m.push(p)).join('') + m.end();
        expect(out).toBe(text.split(KEY).join('…'));
        expect(out).not.toContain(KEY);
      }),
    );
  });

  it('leaves text alone for no key or a short one', () => {
    expect(new KeyMasker(null).push('abc')).toBe('abc');
    expect(new KeyMasker('abc').push('abc')).toBe('abc');
  });
});
