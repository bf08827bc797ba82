import { memo, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { Streamdown, type StreamdownProps } from 'streamdown';
import { BurstWatch } from './burst-watch.ts';
import { advanceSplit, emptySplit } from './block-splitter.ts';
import { ListDepthCap } from './list-depth-cap.ts';
import { PlainBlock } from './plain-text.tsx';
import { blockKind, renderCost } from './render-cost.ts';
import { NOTHING_CONVERTED, pendingCount, step } from './conversion-order.ts';
import { conversionQueue } from './conversion-queue.ts';
import { useNearView } from './use-near-view.ts';

/**
 * The growing last block is re-rendered on every delta, so it is rendered as Markdown only while the cost model
 * expects that to take at most this long; otherwise it shows as plain text until it is finished.
 */
const TAIL_BUDGET_MS = 3;
/** Past this size the tail is plain text whatever the model says. */
const LIVE_TAIL_LIMIT = 4_000;
/**
 * Blocks still waiting for Markdown are shown as text in groups of this many, at fixed index boundaries:
 * a burst of 4,000 new blocks then adds ~60 DOM nodes, not 4,000, and settled groups never re-render.
 */
const PLAIN_GROUP = 64;

export type BlockProps = Omit<StreamdownProps, 'children' | 'mode' | 'isAnimating'>;

/**
 * Rendered right after a Markdown render's whole subtree (React renders depth first), it records how long that
 * render took, for the cost model that sizes the next steps. Recording from render is deliberate: the time is
 * what is being measured, and a second render (strict mode) would only add a second sample.
 */
function CostProbe({ text, start }: { text: string; start: number }) {
  renderCost.record(text, performance.now() - start);
  return null;
}

const MarkdownBlock = memo(function MarkdownBlock({ text, blockProps }: { text: string; blockProps: BlockProps }) {
  const start = performance.now();
  return (
    <div className="md-block">
      <Streamdown mode="static" controls={false} {...blockProps}>
        {text}
      </Streamdown>
      <CostProbe text={text} start={start} />
    </div>
  );
});

/** The growing last block as Markdown, measured like a finished block. */
function MarkdownTail({ text, blockProps }: { text: string; blockProps: BlockProps }) {
  const start = performance.now();
  return (
    <div className="md-block md-tail">
      <Streamdown mode="static" parseIncompleteMarkdown controls={false} {...blockProps}>
        {text}
      </Streamdown>
      <CostProbe text={text} start={start} />
    </div>
  );
}

/**
 * A block with a run this long and no space in it is not prose (a 512 KB base64 blob, a token repeated): it is
 * shown as plain text, in pieces, and never given to the Markdown renderer, which would lay it out as one line.
 */
const UNBROKEN_RUN = 4096;
/** Past this size a block is shown as plain text too: no single block may cost more than a frame or two. */
const MARKDOWN_LIMIT = 64_000;

/**
 * Whether `block` has UNBROKEN_RUN characters in a row without white space. One pass: the regular expression
 * /\S{4096}/ that did this retried from every position of a run, which on 20,000 boxes of answer was 370 ms.
 */
export function hasUnbrokenRun(block: string): boolean {
  let run = 0;
  for (let i = 0; i < block.length; i++) {
    const c = block.charCodeAt(i);
    // ASCII white space: where a line can break. (NBSP cannot, so it rightly counts as part of the run.)
    if (c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 11) run = 0;
    else if (++run >= UNBROKEN_RUN) return true;
  }
  return false;
}

/** Whether a finished block is worth rendering as Markdown (else it stays plain text). */
export const formattable = (block: string) => block.length <= MARKDOWN_LIMIT && !hasUnbrokenRun(block);

/**
 * Finished blocks, in groups at fixed multiples of PLAIN_GROUP. A delta then reconciles one element per group
 * (the settled ones bail out on their props), not one per block: 50k tokens are ~4,000 blocks, and walking all
 * of them every frame made each frame's work grow with the answer. Every block here is `formattable`.
 */
const DoneGroup = memo(function DoneGroup({
  blocks,
  start,
  end,
  propsFor,
}: {
  blocks: string[];
  start: number;
  end: number;
  propsFor: (block: string) => BlockProps;
}) {
  const out: ReactNode[] = [];
  for (let i = start; i < end; i++) out.push(<MarkdownBlock key={i} text={blocks[i]} blockProps={propsFor(blocks[i])} />);
  return <div className="md-group">{out}</div>;
});

/** What is worked out once per array of blocks: the joined text of full pending groups, which blocks stay plain. */
const blockCache = (of: string[] | null) => ({
  of,
  texts: new Map<number, string>(),
  // `formattable` of each block, looked at once (a scan of its text).
  formattable: [] as boolean[],
});
type BlockCache = ReturnType<typeof blockCache>;

const formattableAt = (cache: BlockCache, blocks: string[], i: number) => (cache.formattable[i] ??= formattable(blocks[i]));

/**
 * The finished blocks `[from, to)`, all converted, as elements: in each group, runs of Markdown, and between them
 * each block that stays plain text, keyed as it was while pending (`b<i>`). Such a block is a 512 KB token or a
 * blob: the same element then stays when conversion reaches it, where moving it into a group laid its text out
 * again, in one task of 116 ms. A run is keyed by where it would start were its whole group converted (the group's
 * start, or the block after a plain one), so it keeps its key while it grows from either side.
 */
function doneItems(blocks: string[], from: number, to: number, cache: BlockCache, propsFor: (block: string) => BlockProps) {
  const out: ReactNode[] = [];
  for (let start = Math.floor(from / PLAIN_GROUP) * PLAIN_GROUP; start < to; start += PLAIN_GROUP) {
    const end = Math.min(to, start + PLAIN_GROUP);
    let runFrom = Math.max(from, start);
    let key = start;
    // A run converted from the end starts inside its group: its key is after the last plain block before it.
    for (let i = start; i < runFrom; i++) if (!formattableAt(cache, blocks, i)) key = i + 1;
    for (let i = runFrom; i < end; i++) {
      if (formattableAt(cache, blocks, i)) continue;
      if (i > runFrom) out.push(<DoneGroup key={`d${key}`} blocks={blocks} start={runFrom} end={i} propsFor={propsFor} />);
      out.push(<PlainBlock key={`b${i}`} text={blocks[i]} chips={false} />);
      key = runFrom = i + 1;
    }
    if (end > runFrom) out.push(<DoneGroup key={`d${key}`} blocks={blocks} start={runFrom} end={end} propsFor={propsFor} />);
  }
  return out;
}

/**
 * Pending blocks `[from, to)` as keyed pieces of text: each block of the group that conversion is working through
 * on its own (so a step removes blocks without changing the text of the others), then the later groups joined,
 * ending at multiples of PLAIN_GROUP. With `fromEnd`, conversion works up from `to` as well: the blocks of the
 * group `to` ends in are on their own too.
 */
function plainGroups(blocks: string[], from: number, to: number, fromEnd: boolean, joined: Map<number, string>) {
  const groups: [string, string][] = [];
  const firstEnd = Math.min(to, (Math.floor(from / PLAIN_GROUP) + 1) * PLAIN_GROUP);
  for (let i = from; i < firstEnd; i++) groups.push([`b${i}`, blocks[i]]);
  const lastStart = fromEnd ? Math.max(firstEnd, Math.floor((to - 1) / PLAIN_GROUP) * PLAIN_GROUP) : to;
  for (let start = firstEnd; start < lastStart; start += PLAIN_GROUP) {
    // A full group's blocks never change: its text is joined once, not on every frame of a long backlog.
    const full = start + PLAIN_GROUP <= to;
    let text = full ? joined.get(start) : undefined;
    if (text === undefined) {
      text = blocks.slice(start, Math.min(to, start + PLAIN_GROUP)).join('');
      if (full) joined.set(start, text);
    }
    groups.push([`g${start}`, text]);
  }
  for (let i = lastStart; i < to; i++) groups.push([`b${i}`, blocks[i]]);
  return groups;
}

const pendingItems = (blocks: string[], from: number, to: number, fromEnd: boolean, cache: BlockCache) =>
  plainGroups(blocks, from, to, fromEnd, cache.texts).map(([key, text]) => <PlainBlock key={key} text={text} chips={false} />);

interface Props {
  text: string;
  streaming: boolean;
  /**
   * More text has arrived than is shown yet (a burst, see use-intake.ts): converting blocks to Markdown waits, so
   * each frame's time goes to showing the text first.
   */
  catchingUp?: boolean;
  /**
   * The Streamdown props for a block. Return one of a few stable objects (module constants), or every block
   * re-renders; and keep the function itself stable too.
   */
  propsFor: (block: string) => BlockProps;
  /** Rendered after the blocks (e.g. a caret). */
  children?: ReactNode;
}

/**
 * Streams Markdown without freezing the window. Text is painted as soon as it arrives (as plain text), and
 * finished blocks are turned into Markdown within a per-frame time budget, memoised once done. A fast provider
 * can deliver thousands of tokens in one frame; parsing them all at once is what makes chat apps stall.
 */
export function ProgressiveMarkdown({ text, streaming, catchingUp = false, propsFor, children }: Props) {
  const split = useRef(emptySplit());
  const joined = useRef(blockCache(null));
  const cap = useRef<ListDepthCap>(null);
  cap.current ??= new ListDepthCap();
  // List nesting is capped in the source: deep lists cost the lexer and the Markdown parser super-linear time.
  const tail = advanceSplit(split.current, cap.current.update(text), streaming);
  const blocks = split.current.blocks;
  // The split started over (the text was replaced, a new array of blocks): the joined groups were of the old ones.
  if (joined.current.of !== blocks) joined.current = blockCache(blocks);
  const [state, setConverted] = useState(NOTHING_CONVERTED);
  // Blocks replaced by fewer (the text was replaced): nothing past the end is converted, and a suffix past it no
  // longer stands for the end.
  const converted =
    state.head > blocks.length || (state.suffix && state.suffix.to > blocks.length)
      ? { head: Math.min(state.head, blocks.length), suffix: null }
      : state;
  const burst = useRef(new BurstWatch());
  const holdFor = burst.current.update(text.length, performance.now());
  const [, wake] = useState(0);
  const backlog = pendingCount(converted, blocks.length);
  const cache = joined.current;
  const { head, suffix } = converted;
  const items = [
    ...doneItems(blocks, 0, head, cache, propsFor),
    ...pendingItems(blocks, head, suffix ? suffix.from : blocks.length, suffix !== null, cache),
  ];
  // Where conversion from the end has got to: the last block pending above the converted end, or the answer's end.
  const nearView = useNearView(items.length - 1);
  if (suffix) {
    items.push(...doneItems(blocks, suffix.from, suffix.to, cache, propsFor));
    items.push(...pendingItems(blocks, suffix.to, blocks.length, false, cache));
  }

  useLayoutEffect(() => {
    if (backlog === 0 || catchingUp) return;
    if (streaming && holdFor > 0) {
      // Looked at again once the burst has been quiet a while (a provider can pause mid-answer for long).
      const id = setTimeout(() => wake((n) => n + 1), holdFor);
      return () => clearTimeout(id);
    }
    // Each step converts what the cost model expects to fit in the frame budget (render-cost.ts), so a run of
    // tables or math is converted a few blocks a frame instead of in one frame of a few hundred ms. A step runs
    // after a frame's paint, not inside the frame: a slow stream's next token, already rendered, is then painted
    // without waiting for the conversion of the block before it. The budget is the window's, shared by all the
    // answers converting at once, those near the view first (conversion-queue.ts). A settled answer whose end is
    // in view is converted from its end, up to a screen above the view, then from its start: what the person
    // looks at first, and the converted end stays short (each step moves what is below it: with a long converted
    // end below, the whole conversion took twice as long).
    return conversionQueue.add({
      near: nearView.boxNear,
      step: (budget) =>
        setConverted(
          step(converted, blocks.length, {
            group: PLAIN_GROUP,
            streaming,
            endNear: nearView.near(),
            forward: (from) => renderCost.fit(blocks, from, budget),
            backward: (to, floor) => renderCost.fitBack(blocks, to, floor, budget),
          }),
        ),
    });
  });

  const tailKind = tail ? blockKind(tail) : 'prose';
  const liveTail =
    backlog === 0 &&
    tail.length <= LIVE_TAIL_LIMIT &&
    renderCost.known(tailKind) &&
    renderCost.estimate(tail, tailKind) <= TAIL_BUDGET_MS;
  return (
    <div
      className="progressive-markdown"
      ref={nearView.watch}
      data-state={streaming ? 'streaming' : backlog ? 'rendering' : 'done'}
    >
      {[
        ...items,
        // Keyed as the block it will become, among the pending blocks: when it is finished and lands there, the
        // same element stays and nothing is laid out again (a 512 KB line was, in one task of 126 ms).
        ...(!tail
          ? []
          : liveTail
            ? [<MarkdownTail key="live-tail" text={tail} blockProps={propsFor(tail)} />]
            : [<PlainBlock key={`b${blocks.length}`} text={tail} className="md-tail" />]),
      ]}
      {children}
    </div>
  );
}
