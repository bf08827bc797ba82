import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bidiMark, jsonBidiEscaped, showBidiControls } from '../../../shared/text/bidi.ts';
import { jsonTerminalSafe, terminalSafe } from '../../../shared/text/terminal-safe.ts';

const BIDI = /[\u202a-\u202e\u2066-\u2069]/;
const CONTROLS = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];
/** Strings rich in bidi controls, mixed with Latin, Hebrew and Arabic letters. */
const text = fc.string({ unit: fc.constantFrom(...CONTROLS, 'a', 'b', ' ', '\u05d0', '\u0627', '.', '\n'), maxLength: 60 });

describe('showBidiControls', () => {
  it('shows a Trojan Source override by name instead of letting it reorder the line', () => {
    // Shown as written: "access = 'user' (RLO) } if (isAdmin) (LRI) {" would display reordered.
    expect(showBidiControls('if (role !== "user\u202e \u2066// admin\u2069 \u2066") {')).toBe(
      'if (role !== "user⟨RLO U+202E⟩ ⟨LRI U+2066⟩// admin⟨PDI U+2069⟩ ⟨LRI U+2066⟩") {',
    );
    expect(bidiMark('\u202a')).toBe('⟨LRE U+202A⟩');
  });

  it('leaves right-to-left text and the direction marks that cannot reorder a run alone', () => {
    expect(showBidiControls('שלום, مرحبا \u200e\u200f\u061c')).toBe('שלום, مرحبا \u200e\u200f\u061c');
  });

  it('never lets an embedding, override or isolate control through (property)', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(showBidiControls(s)).not.toMatch(BIDI);
      }),
    );
  });
});

describe('in terminal and JSON output', () => {
  it('terminalSafe shows bidi controls by name, next to the other controls', () => {
    expect(terminalSafe('a\u202eb\x1b[2Jc')).toBe('a⟨RLO U+202E⟩b␛[2Jc');
    fc.assert(
      fc.property(text, (s) => {
        expect(terminalSafe(s)).not.toMatch(BIDI);
      }),
    );
  });

  it('JSON escapes keep the value and take the controls out of the text', () => {
    fc.assert(
      fc.property(text, (s) => {
        for (const json of [jsonBidiEscaped(JSON.stringify({ s })), jsonTerminalSafe(JSON.stringify({ s }))]) {
          expect(json).not.toMatch(BIDI);
          expect(JSON.parse(json)).toEqual({ s });
        }
      }),
    );
  });
});
