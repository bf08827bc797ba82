/**
 * Bidirectional embedding, override and isolate controls (U+202A-U+202E, U+2066-U+2069) reorder the text that
 * follows them when it is displayed: "Trojan Source" text whose shown order differs from its logical order, so
 * an answer (or a file name inside it) reads as something other than what it says. Glimpse shows model text with
 * each of these controls replaced by a visible mark naming it, as code review tools do, so nothing is reordered.
 * The marks that set direction without embedding (LRM, RLM, ALM) are left alone: they cannot reorder a run.
 */

/** Every embedding, override and isolate control; global, for replace/split. */
export const BIDI_CONTROL_RE = /[\u202a-\u202e\u2066-\u2069]/g;

const NAMES: Record<string, string> = {
  '\u202a': 'LRE',
  '\u202b': 'RLE',
  '\u202c': 'PDF',
  '\u202d': 'LRO',
  '\u202e': 'RLO',
  '\u2066': 'LRI',
  '\u2067': 'RLI',
  '\u2068': 'FSI',
  '\u2069': 'PDI',
};

/** The short Unicode name of a bidi control (`RLO` for U+202E), or null for any other character. */
export const bidiName = (c: string): string | null => NAMES[c] ?? null;

/** How a control shows in plain text: its name and code point, e.g. `⟨RLO U+202E⟩`. */
export const bidiMark = (c: string): string =>
  `⟨${bidiName(c) ?? '?'} U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}⟩`;

/** `text` with every embedding, override and isolate control replaced by its visible mark. */
export const showBidiControls = (text: string): string => text.replace(BIDI_CONTROL_RE, bidiMark);

/** JSON text with each bidi control as a `\uXXXX` escape: it parses to the same value, and shows in order. */
export const jsonBidiEscaped = (json: string): string =>
  json.replace(BIDI_CONTROL_RE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
