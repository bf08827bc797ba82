/**
 * What a block of Markdown costs to render, learned from the renders themselves. The cost per character is far
 * from uniform: a table, display math or a list of box chips costs several times what prose of the same length
 * does, so one rate for all text let a frame that met a run of tables take 300 ms. Each kind of block keeps its
 * own rate, measured on every Markdown render (see MarkdownBlock), and a kind not yet seen is assumed expensive,
 * so it is rendered alone the first time rather than batched blindly.
 */
import { CHIP_OPEN } from '../../../shared/grounding/types.ts';

export type BlockKind = 'code' | 'table' | 'math' | 'chips' | 'html' | 'list' | 'prose';

const FENCE_RE = /^ {0,3}(`{3,}|~{3,})/;
const TABLE_RE = /\n[ \t]*\|?[ \t]*:?-+:?[ \t]*\|/;
const LIST_RE = /^ {0,3}([-*+]|\d{1,9}[.)])[ \t]/;
const HTML_RE = /<[a-zA-Z]/;

/** The kind of a block, from a cheap look at its text (the Markdown parser would cost what we try to predict). */
export function blockKind(block: string): BlockKind {
  if (FENCE_RE.test(block)) return 'code';
  if (TABLE_RE.test(block)) return 'table';
  if (block.includes('$$')) return 'math';
  if (block.includes(CHIP_OPEN)) return 'chips';
  if (HTML_RE.test(block)) return 'html';
  if (LIST_RE.test(block)) return 'list';
  return 'prose';
}

/** A render has a fixed cost too: a block is costed as if it had at least this many characters. */
const MIN_COSTED_CHARS = 200;
/** The rate assumed for a kind never measured: 200 characters cost 10 ms, so such a block goes alone. */
const UNKNOWN_MS_PER_CHAR = 0.05;
/** How much of the old rate a cheaper measurement keeps: rates rise at once and fall slowly. */
const KEEP = 0.7;

export class RenderCost {
  private readonly rates = new Map<BlockKind, number>();

  /** The expected render time of `block`, in ms. */
  estimate(block: string, kind: BlockKind = blockKind(block)): number {
    return (this.rates.get(kind) ?? UNKNOWN_MS_PER_CHAR) * Math.max(MIN_COSTED_CHARS, block.length);
  }

  /** Whether any block of this kind has been measured yet. */
  known(kind: BlockKind): boolean {
    return this.rates.has(kind);
  }

  /** Records that rendering `block` took `ms`. */
  record(block: string, ms: number, kind: BlockKind = blockKind(block)): void {
    const rate = ms / Math.max(MIN_COSTED_CHARS, block.length);
    const was = this.rates.get(kind);
    this.rates.set(kind, was === undefined || rate > was ? rate : was * KEEP + rate * (1 - KEEP));
  }

  /**
   * How many of `blocks` from `from` on fit in `budget` ms: at least one, so that progress never stops, and a
   * block of an unmeasured kind only ever as the first of a step.
   */
  fit(blocks: readonly string[], from: number, budget: number): number {
    let n = from;
    let spent = 0;
    do spent += this.estimate(blocks[n++]);
    while (n < blocks.length && spent + this.estimate(blocks[n]) <= budget);
    return n;
  }

  /** The same from the other side: down from `to` (exclusive), the first block of those that fit, not below `floor`. */
  fitBack(blocks: readonly string[], to: number, floor: number, budget: number): number {
    let n = to;
    let spent = 0;
    do spent += this.estimate(blocks[--n]);
    while (n > floor && spent + this.estimate(blocks[n - 1]) <= budget);
    return n;
  }
}

/** One model for the window: the cost of rendering is a property of this machine and this renderer. */
export const renderCost = new RenderCost();
