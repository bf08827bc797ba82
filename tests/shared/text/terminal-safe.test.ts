import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonTerminalSafe, terminalSafe } from '../../../shared/text/terminal-safe.ts';

const ANY_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
/** Strings rich in controls: code units from 0 to U+02FF, so C0, DEL and C1 come up often. */
const text = fc.string({ unit: fc.integer({ min: 0, max: 0x2ff }).map((c) => String.fromCharCode(c)), maxLength: 80 });

describe('terminalSafe', () => {
  it('makes escape sequences visible: clipboard, title, clear, hyperlink, C1 CSI, bell, carriage return', () => {
    expect(terminalSafe('\x1b]52;c;ZXZpbA==\x07')).toBe('␛]52;c;ZXZpbA==␇');
    expect(terminalSafe('\x1b]0;pwned\x1b\\')).toBe('␛]0;pwned␛\\');
    expect(terminalSafe('\x1b[2J\x1b[H')).toBe('␛[2J␛[H');
    expect(terminalSafe('\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\')).toBe(
      '␛]8;;https://evil.example␛\\click␛]8;;␛\\',
    );
    expect(terminalSafe('a\u009b31mb')).toBe('a\\x9b31mb');
    expect(terminalSafe('done\rfake line')).toBe('done␍fake line');
    expect(terminalSafe('nul\u0000del\u007f')).toBe('nul␀del␡');
  });

  it('keeps newlines, tabs, CRLF line ends (as newlines) and every printable character', () => {
    expect(terminalSafe('a\tb\nc\r\nd')).toBe('a\tb\nc\nd');
    expect(terminalSafe('a,b\r\n"x\ry",\x1b[2J\r\n', { keepCrlf: true })).toBe('a,b\r\n"x␍y",␛[2J\r\n');
    expect(terminalSafe('Grüße, 你好, ١٢٣, 🙂 — “quotes”')).toBe('Grüße, 你好, ١٢٣, 🙂 — “quotes”');
  });

  it('never lets a control other than newline and tab through (property)', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(terminalSafe(s)).not.toMatch(ANY_CONTROL);
      }),
    );
  });
});

describe('jsonTerminalSafe', () => {
  it('escapes what JSON.stringify leaves raw, and parses back to the same value (property)', () => {
    fc.assert(
      fc.property(text, (s) => {
        const json = jsonTerminalSafe(JSON.stringify({ answer: s }));
        expect(json).not.toMatch(ANY_CONTROL);
        expect(JSON.parse(json)).toEqual({ answer: s });
      }),
    );
    expect(jsonTerminalSafe(JSON.stringify('\u009b\x1b'))).toBe('"\\u009b\\u001b"');
  });
});
