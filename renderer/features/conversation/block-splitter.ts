/**
 * Splits a growing Markdown answer into blocks incrementally: only the text after the last finished block is
 * re-lexed on each update, so a 50,000-token answer costs linear, not quadratic, work. Uses Streamdown's own
 * splitter (marked's lexer), so blocks are exactly the ones Streamdown would render separately; except that a
 * block past MAX_BLOCK (a list of 20,000 boxes, a wall of text) is cut further at line starts, so that no single
 * block costs the Markdown renderer more than a frame's budget.
 */
import { parseMarkdownIntoBlocks } from 'streamdown';

/** Blocks longer than this are cut at line starts where Markdown allows it without changing what it means. */
export const MAX_BLOCK = 16_000;
/** Lists are cut smaller: a list item costs the Markdown pipeline far more than prose, and a list of boxes is a chip per line. */
export const MAX_LIST_BLOCK = 1_500;

export interface SplitState {
  /** The last characters (up to CHECK) of the text the finished blocks were cut from, which ends at `frontier`. */
  prefixEnd: string;
  frontier: number;
  blocks: string[];
  /** Length of the last block when the stream's end froze it unfinished (0: none); see advanceSplit. */
  endedTail?: number;
}

export const emptySplit = (): SplitState => ({ prefixEnd: '', frontier: 0, blocks: [], endedTail: 0 });

/**
 * Characters before the frontier compared to tell a text that grew from one that was replaced. An answer grows by
 * appending; comparing the whole prefix on every frame cost time in proportion to the answer's length.
 */
const CHECK = 64;

const FENCE_RE = /^ {0,3}(`{3,}|~{3,})/;
const LIST_ITEM_RE = /^( {0,3})([-*+]|\d{1,9}[.)])[ \t]/;
const TABLE_DELIMITER_RE = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/m;

/**
 * `block` in pieces of at most MAX_BLOCK (MAX_LIST_BLOCK for a list) where it can be cut: a list before an item at its own indentation (a
 * later piece of an ordered list keeps its numbers, as Markdown starts a list at its first number), other text
 * at a line start. Code fences and tables stay whole (a cut would lose the fence or the header); so does a line
 * longer than MAX_BLOCK, which has nowhere to be cut.
 */
export function splitLongBlock(block: string): string[] {
  const item = LIST_ITEM_RE.exec(block);
  const max = item ? MAX_LIST_BLOCK : MAX_BLOCK;
  if (block.length <= max || FENCE_RE.test(block) || TABLE_DELIMITER_RE.test(block.slice(0, 2_000))) return [block];
  const canCutBefore = item ? (line: string) => LIST_ITEM_RE.exec(line)?.[1] === item[1] : () => true;
  const pieces: string[] = [];
  let start = 0;
  let lastCut = -1;
  for (let nl = block.indexOf('\n'); nl !== -1 && nl + 1 < block.length; nl = block.indexOf('\n', nl + 1)) {
    const at = nl + 1;
    if (at - start > max && lastCut > start) {
      pieces.push(block.slice(start, lastCut));
      start = lastCut;
    }
    if (block[at] !== '\n' && canCutBefore(block.slice(at, at + 16))) lastCut = at;
  }
  if (block.length - start > max && lastCut > start) {
    pieces.push(block.slice(start, lastCut));
    start = lastCut;
  }
  pieces.push(block.slice(start));
  return pieces;
}

/** A line that can only be a paragraph's: what may start any other kind of block (after up to 3 spaces) is excluded. */
const PARAGRAPH_START_RE = /^ {0,3}[^\s#>*+\-_=`~<|[$\d]/;

/**
 * `rest` in blocks. A first line longer than MAX_BLOCK that is plainly a paragraph and is followed by a blank line
 * and more text is a block of its own (with its blank lines, as the lexer cuts it) and is not given to the lexer:
 * lexing a 512 KB token cost ~70 ms in one task. What follows is split as usual.
 */
function blocksOf(rest: string): string[] {
  if (!rest) return [];
  const nl = rest.indexOf('\n');
  if (nl === -1) return [rest]; // one line has one block
  if (nl > MAX_BLOCK && rest[nl + 1] === '\n' && PARAGRAPH_START_RE.test(rest)) {
    let end = nl + 1;
    while (rest[end] === '\n') end++;
    if (end < rest.length) return [rest.slice(0, end), ...blocksOf(rest.slice(end))];
  }
  return parseMarkdownIntoBlocks(rest).flatMap(splitLongBlock);
}

/**
 * Advances `state` to `text`. While streaming, the last block may still grow, so it is returned as `tail`
 * and not frozen; once the stream ends every block is final. Returns the unfinished tail.
 */
export function advanceSplit(state: SplitState, text: string, streaming: boolean): string {
  if (state.frontier > text.length || text.slice(state.frontier - state.prefixEnd.length, state.frontier) !== state.prefixEnd) {
    // The text was replaced rather than extended (a reopened session, a final text that differs): start over.
    Object.assign(state, emptySplit());
  }
  if (state.endedTail && text.length > state.frontier) {
    // An ended answer grows again (Continue, issue #10): the block its end froze may go on (a sentence cut
    // mid-paragraph), so it is cut again with what follows. A new array, so memoised groups of it re-render.
    state.frontier -= state.endedTail;
    state.blocks = state.blocks.slice(0, -1);
    state.endedTail = 0;
  }
  // Without a line break, the lexer is skipped: it would otherwise re-read a growing 512 KB token every frame.
  const parts = blocksOf(text.slice(state.frontier));
  const done = streaming ? parts.slice(0, -1) : parts;
  for (const b of done) {
    state.blocks.push(b);
    state.frontier += b.length;
  }
  if (!streaming && parts.length > 0) state.endedTail = parts.at(-1)!.length;
  state.prefixEnd = text.slice(Math.max(0, state.frontier - CHECK), state.frontier);
  return streaming ? (parts.at(-1) ?? '') : '';
}
