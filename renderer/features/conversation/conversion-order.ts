/**
 * Which group of finished blocks to turn into Markdown next. A long answer's blocks wait as plain text until the
 * stream lets the window convert them (progressive-markdown.tsx); converted top to bottom, the end of a long
 * answer, where the person is reading, stayed plain for seconds after the stream had ended. So the groups on
 * screen go first, top to bottom, then the others nearest the screen first, in idle time; with nothing known
 * to be on screen (no IntersectionObserver yet), from the top.
 */
export interface Pick {
  group: number;
  /** On screen: worth a frame's time now rather than waiting for the window to be idle. */
  inView: boolean;
}

export function nextGroup(groups: number, pending: (g: number) => boolean, visible: ReadonlySet<number>): Pick | null {
  const onScreen = [...visible].filter((g) => g < groups).sort((a, b) => a - b);
  for (const g of onScreen) if (pending(g)) return { group: g, inView: true };
  if (onScreen.length === 0) {
    for (let g = 0; g < groups; g++) if (pending(g)) return { group: g, inView: false };
    return null;
  }
  const top = onScreen[0];
  const bottom = onScreen[onScreen.length - 1];
  // Outward from the screen, the group below first at each distance (the reader is more often moving down).
  for (let d = 1; d < groups; d++) {
    if (bottom + d < groups && pending(bottom + d)) return { group: bottom + d, inView: false };
    if (top - d >= 0 && pending(top - d)) return { group: top - d, inView: false };
  }
  return null;
}
