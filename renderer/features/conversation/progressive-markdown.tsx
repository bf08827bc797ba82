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

/** Plain text is laid out in pieces of at most this many characters (see `runs`). */
export const PLAIN_RUN = 2_048;
/**
 * A block with a run this long and no space in it is not prose (a 512 KB base64 blob, a token repeated): it is
 * shown as plain text, in pieces, and never given to the Markdown renderer, which would lay it out as one line.
 */
const UNBROKEN_RUN_RE = /\S{4096}/;
/** Past this size a block is shown as plain text too: no single block may cost more than a frame or two. */
const MARKDOWN_LIMIT = 64_000;

/** Whether a finished block is worth rendering as Markdown (else it stays plain text). */
export const formattable = (block: string) => block.length <= MARKDOWN_LIMIT && !UNBROKEN_RUN_RE.test(block);

/**
 * `text` in pieces of at most PLAIN_RUN characters, cut after a newline where there is one. Each piece is its own
 * block box, so a growing text re-lays out only its last piece, and a 512 KB run without a break opportunity is
 * never one line for the browser to break: that layout alone held the main thread for tens of seconds.
 */
export function runs(text: string): string[] {
  const out: string[] = [];
  for (let at = 0; at < text.length; ) {
    let end = Math.min(text.length, at + PLAIN_RUN);
    if (end < text.length) {
      // Searched within the piece only: lastIndexOf on the whole text would scan back to its start every time.
      const nl = text.slice(at, end).lastIndexOf('\n');
      if (nl >= 0) end = at + nl + 1;
    }
    out.push(text.slice(at, end));
    at = end;
  }
  return out;
}

const PlainBlock = memo(function PlainBlock({ text }: { text: string }) {
  const pieces = runs(text.replace(/\n+$/, ''));
  return (
    <div className="md-block md-plain">
      {pieces.map((r, i) => (
        <span key={i} className="md-run">
          {r.endsWith('\n') ? r.slice(0, -1) : r}
        </span>
      ))}
    </div>
  );
});

/**
 * Finished blocks, in groups at fixed multiples of PLAIN_GROUP. A delta then reconciles one element per group
 * (the settled ones bail out on their props), not one per block: 50k tokens are ~4,000 blocks, and walking all
 * of them every frame made each frame's work grow with the answer.
 */
const DoneGroup = memo(function DoneGroup({
  blocks,
  start,
  end,
  blockProps,
}: {
  blocks: string[];
  start: number;
  end: number;
  blockProps: BlockProps;
}) {
  const out: ReactNode[] = [];
  for (let i = start; i < end; i++) {
    const b = blocks[i];
    out.push(formattable(b) ? <MarkdownBlock key={i} text={b} blockProps={blockProps} /> : <PlainBlock key={i} text={b} />);
  }
  return out;
});

const doneGroups = (shown: number) => Array.from({ length: Math.ceil(shown / PLAIN_GROUP) }, (_, g) => g * PLAIN_GROUP);

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
      {doneGroups(shown).map((start) => (
        <DoneGroup key={start} blocks={blocks} start={start} end={Math.min(shown, start + PLAIN_GROUP)} blockProps={blockProps} />
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
