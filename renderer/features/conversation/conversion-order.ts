/**
 * Which finished blocks of an answer are Markdown, and which to convert next. Conversion used to run from the first
 * block only: after a burst (a fast server, a reopened session) the end of the answer, where the view is, stayed
 * plain text until every block above it had been converted (27 s for 50,000 tokens of tables, code and math). Now
 * the blocks can be converted from the end as well: a prefix `[0, head)` and a suffix `[from, to)` are Markdown,
 * the rest waits. From the end goes only as far as a screen above the view; then the start goes on. Every step
 * moves what is below the block it converts: with a converted end as long as the answer below the steps, the
 * whole conversion took twice as long (20k tokens of tables, code and math: 14.2 s against 7.6 s); kept to a
 * screen above the view, it takes ~9% longer than from the start alone.
 *
 * Blocks are shown in groups at fixed multiples of `group` (progressive-markdown.tsx). A group is only ever
 * converted from one side: from the end, conversion never enters the group the prefix is in, and the prefix stops
 * at the group the suffix reaches into, which is then finished from its end. Each converted run then keeps one key
 * (its nominal start) from its first block to its last, and nothing is mounted twice when the two sides meet.
 */

export interface Converted {
  /** Blocks `[0, head)` are Markdown. */
  head: number;
  /** Blocks `[from, to)` are Markdown as well: converted from the end. */
  suffix: { from: number; to: number } | null;
}

export const NOTHING_CONVERTED: Converted = { head: 0, suffix: null };

/** Where the pending blocks are: `[head, from)`, then `[to, count)` (new blocks after a converted suffix). */
export function pendingRanges(c: Converted, count: number): [number, number][] {
  const out: [number, number][] = [];
  const firstEnd = c.suffix ? c.suffix.from : count;
  if (c.head < firstEnd) out.push([c.head, firstEnd]);
  if (c.suffix && c.suffix.to < count) out.push([c.suffix.to, count]);
  return out;
}

export function pendingCount(c: Converted, count: number): number {
  return pendingRanges(c, count).reduce((n, [a, b]) => n + b - a, 0);
}

/** How far conversion from the end may go down: the end of the group the prefix is in (or the prefix itself). */
function floorFor(head: number, group: number): number {
  return Math.ceil(head / group) * group;
}

export interface StepOptions {
  /** Blocks in a group (progressive-markdown.tsx's PLAIN_GROUP). */
  group: number;
  /** The answer is still streaming: its end moves, so conversion goes from the start. */
  streaming: boolean;
  /**
   * The end of the pending blocks (the block above the converted end, or the answer's end) is within a screen of
   * the view.
   */
  endNear: boolean;
  /** From block `from`, the end of the blocks that fit this step's budget (at least `from + 1`). */
  forward: (from: number) => number;
  /** Down from block `to` (exclusive), the first of the blocks that fit this step's budget, not below `floor`. */
  backward: (to: number, floor: number) => number;
}

/**
 * One step of conversion over `count` finished blocks: from the end while the person looks at the end of a
 * settled answer (down to a screen above the view), else from the start. Returns `c` itself when nothing is
 * pending.
 */
export function step(c: Converted, count: number, o: StepOptions): Converted {
  if (pendingCount(c, count) === 0) return c;
  const floor = floorFor(c.head, o.group);
  const top = c.suffix ? c.suffix.from : count;
  const to = c.suffix ? c.suffix.to : count;
  // The start stops where the group the converted end reaches into begins; that group is finished from its end.
  const stop = c.suffix ? Math.floor(c.suffix.from / o.group) * o.group : count;
  // From the end only while the suffix reaches the last block (a continued answer's new blocks go from the start).
  const fromEnd = !o.streaming && o.endNear && to === count && top > floor;
  if (fromEnd || c.head >= stop) return joined({ head: c.head, suffix: { from: o.backward(top, floor), to } });
  return joined({ head: Math.min(o.forward(c.head), stop), suffix: c.suffix });
}

/** Where the prefix has reached the suffix, one converted range again. */
function joined(c: Converted): Converted {
  return c.suffix && c.head >= c.suffix.from ? { head: c.suffix.to, suffix: null } : c;
}
