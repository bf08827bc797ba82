/**
 * Text from a model or a provider's error body is untrusted when it reaches a terminal: escape sequences in it
 * can write the clipboard (OSC 52), retitle the window, clear the screen, draw fake hyperlinks or overwrite what
 * was printed (a bare carriage return). These helpers make every C0 and C1 control visible instead, except the
 * newline and the tab that text needs. Bidi embedding, override and isolate controls, which make a terminal show
 * text in another order than it was written, are shown by name too (bidi.ts).
 */

import { BIDI_CONTROL_RE, bidiMark } from './bidi.ts';

/** C0 controls but tab (09) and newline (0A), DEL, and the C1 controls (80-9F). */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** How a control shows: C0 as its Unicode control picture (ESC as ␛), DEL as ␡, C1 as `\x9b`. */
function visible(c: string): string {
  const code = c.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return `\\x${code.toString(16)}`;
}

/**
 * Plain text made safe to print: every control but newline and tab becomes visible (a CRLF line end is kept as a
 * newline, or whole with `keepCrlf`, for CSV). Printable text, including non-Latin scripts and emoji, is unchanged.
 */
export function terminalSafe(text: string, opts: { keepCrlf?: boolean } = {}): string {
  const shown = text.replace(BIDI_CONTROL_RE, bidiMark);
  if (!opts.keepCrlf) return shown.replace(/\r\n/g, '\n').replace(CONTROLS, visible);
  return shown.replace(/\r\n|[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => (c === '\r\n' ? c : visible(c)));
}

/**
 * JSON text made safe to print without changing what it parses to. `JSON.stringify` escapes C0 controls already,
 * but leaves DEL and the C1 controls raw (U+009B is a CSI to many terminals): they become `\u00XX` escapes.
 */
export function jsonTerminalSafe(json: string): string {
  return json.replace(/[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
