/**
 * Box colours, shared by the app's overlay and `glimpse ask --boxes-out` so box 3 is the same colour in both.
 * Picked to stay apart from each other and readable on photos and on white document scans.
 */
export const BOX_COLOURS = [
  '#e6194b',
  '#3cb44b',
  '#4363d8',
  '#f58231',
  '#911eb4',
  '#0fb5ae',
  '#f032e6',
  '#9a6324',
  '#808000',
  '#000075',
] as const;

/** The colour of box number `n` (1-based). */
export function boxColour(n: number): string {
  // The modulo keeps the index in range; the fallback only satisfies the checker (n <= 0 is never asked).
  return BOX_COLOURS[(((n - 1) % BOX_COLOURS.length) + BOX_COLOURS.length) % BOX_COLOURS.length] ?? BOX_COLOURS[0];
}
