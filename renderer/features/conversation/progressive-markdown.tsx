import { memo, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { Streamdown, type StreamdownProps } from 'streamdown';
import { advanceSplit, emptySplit } from './block-splitter.ts';

/** Target main-thread time per frame for turning text into Markdown; the rest of the frame is for paint. */
const FRAME_BUDGET_MS = 8;
const MIN_CHARS = 600;
const MAX_CHARS = 60_000;
/** A growing last block is rendered as live Markdown only while small; past this it shows as text until done. */
const LIVE_TAIL_LIMIT = 4_000;
/**
 * Blocks still waiting for Markdown are shown as text in groups of this many, at fixed index boundaries:
 * a burst of 4,000 new blocks then adds ~60 DOM nodes, not 4,000, and settled groups never re-render.
 */
const PLAIN_GROUP = 64;


export type BlockProps = Omit<StreamdownProps, 'children' | 'mode' | 'isAnimating'>;

const MarkdownBlock = memo(function MarkdownBlock({ text, blockProps }: { text: string; blockProps: BlockProps }) {
  return (
    <div className="md-block">
      <Streamdown mode="static" controls={false} {...blockProps}>
        {text}
      </Streamdown>
    </div>
  );
});

const PlainBlock = memo(function PlainBlock({ text }: { text: string }) {
  return <div className="md-block md-plain">{text.replace(/\n+$/, "")}</div>;
});

/** Pending blocks from `from` on, joined into groups that end at multiples of PLAIN_GROUP. */
function plainGroups(blocks: string[], from: number): [number, string][] {
  const groups: [number, string][] = [];
  for (let start = from; start < blocks.length; ) {
    const end = Math.min(blocks.length, (Math.floor(start / PLAIN_GROUP) + 1) * PLAIN_GROUP);
    groups.push([start, blocks.slice(start, end).join('')]);
    start = end;
  }
  return groups;
}

interface Props {
  text: string;
  streaming: boolean;
  /** Passed to every block's Streamdown: keep it referentially stable (useMemo), or every block re-renders. */
  blockProps: BlockProps;
  /** Rendered after the blocks (e.g. a caret). */
  children?: ReactNode;
}

/**
 * Streams Markdown without freezing the window. Text is painted as soon as it arrives (as plain text), and
 * finished blocks are turned into Markdown within a per-frame time budget, memoised once done. A fast provider
 * can deliver thousands of tokens in one frame; parsing them all at once is what makes chat apps stall.
 */
export function ProgressiveMarkdown({ text, streaming, blockProps, children }: Props) {
  const split = useRef(emptySplit());
  const tail = advanceSplit(split.current, text, streaming);
  const blocks = split.current.blocks;
  const [rendered, setRendered] = useState(0);
  const budget = useRef(1_500);
  const renderStart = performance.now();
  const shown = Math.min(rendered, blocks.length);

  const measuredUpTo = useRef(0);

  useLayoutEffect(() => {
    // Learn the cost per character only from renders that converted blocks: a cheap render that converted
    // nothing says nothing about Markdown, and would inflate the budget into one huge frame next time.
    if (shown > measuredUpTo.current) {
      const spent = performance.now() - renderStart;
      let chars = 0;
      for (let i = measuredUpTo.current; i < shown; i++) chars += blocks[i].length;
      if (spent > 1) budget.current = Math.min(MAX_CHARS, Math.max(MIN_CHARS, (chars * FRAME_BUDGET_MS) / spent));
    }
    measuredUpTo.current = shown;
    if (shown >= blocks.length) return;
    const id = requestAnimationFrame(() => {
      let n = shown;
      let chars = 0;
      do chars += blocks[n++].length;
      while (n < blocks.length && chars + blocks[n].length <= budget.current);
      setRendered(n);
    });
    return () => cancelAnimationFrame(id);
  });

  const backlog = blocks.length - shown;
  const liveTail = backlog === 0 && tail.length <= LIVE_TAIL_LIMIT;
  return (
    <div className="progressive-markdown" data-state={streaming ? 'streaming' : backlog ? 'rendering' : 'done'}>
      {blocks.slice(0, shown).map((b, i) => (
        <MarkdownBlock key={i} text={b} blockProps={blockProps} />
      ))}
      {plainGroups(blocks, shown).map(([start, text]) => (
        <PlainBlock key={`p${start}`} text={text} />
      ))}
      {tail &&
        (liveTail ? (
          <div className="md-block md-tail">
            <Streamdown mode="static" parseIncompleteMarkdown controls={false} {...blockProps}>
              {tail}
            </Streamdown>
          </div>
        ) : (
          <PlainBlock text={tail} />
        ))}
      {children}
    </div>
  );
}
