/**
 * Whether a growing text is in a burst. A render whose text grew by BURST_GROWTH or more is part of one (a token
 * stream at reading speed grows by a few characters a frame; a burst by thousands), and the burst lasts until the
 * text has been quiet for BURST_HOLD_MS. Work that can wait for it does: converting blocks to Markdown
 * (progressive-markdown.tsx), loading the code highlighter (use-code-plugin.ts).
 *
 * Holding conversion only while more text was held back than shown (catchingUp) was not enough: between two host
 * messages the intake caught up for a frame, and that frame went to the Markdown parser instead of the next slice.
 */
export const BURST_GROWTH = 2_000;
export const BURST_HOLD_MS = 100;

/** Whether a text that grows is in a burst: how long from `now` work should still wait (0: not at all). */
export class BurstWatch {
  private length = 0;
  private until = Number.NEGATIVE_INFINITY;

  update(length: number, now: number): number {
    if (length - this.length >= BURST_GROWTH) this.until = now + BURST_HOLD_MS;
    this.length = length;
    return Math.max(0, this.until - now);
  }
}
