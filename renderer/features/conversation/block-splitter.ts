/**
 * Splits a growing Markdown answer into blocks incrementally: only the text after the last finished block is
 * re-lexed on each update, so a 50,000-token answer costs linear, not quadratic, work. Uses Streamdown's own
 * splitter (marked's lexer), so blocks are exactly the ones Streamdown would render separately.
 */
import { parseMarkdownIntoBlocks } from 'streamdown';

export interface SplitState {
  /** The text the finished blocks were cut from, up to `frontier`. */
  prefix: string;
  frontier: number;
  blocks: string[];
}

export const emptySplit = (): SplitState => ({ prefix: '', frontier: 0, blocks: [] });

/**
 * Advances `state` to `text`. While streaming, the last block may still grow, so it is returned as `tail`
 * and not frozen; once the stream ends every block is final. Returns the unfinished tail.
 */
export function advanceSplit(state: SplitState, text: string, streaming: boolean): string {
  if (state.frontier > text.length || !text.startsWith(state.prefix)) {
    // The text was replaced rather than extended (a reopened session, a final text that differs): start over.
    Object.assign(state, emptySplit());
  }
  const rest = text.slice(state.frontier);
  const parts = rest ? parseMarkdownIntoBlocks(rest) : [];
  const done = streaming ? parts.slice(0, -1) : parts;
  for (const b of done) {
    state.blocks.push(b);
    state.frontier += b.length;
  }
  state.prefix = text.slice(0, state.frontier);
  return streaming ? (parts.at(-1) ?? '') : '';
}
