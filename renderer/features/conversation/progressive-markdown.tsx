import { memo, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { Streamdown, type StreamdownProps } from 'streamdown';
import { advanceSplit, emptySplit } from './block-splitter.ts';
import { ListDepthCap } from './list-depth-cap.ts';
import { PlainBlock } from './plain-text.tsx';
import { nextGroup } from './conversion-order.ts';
import { blockKind, renderCost } from './render-cost.ts';

/** Target main-thread time per frame for turning finished blocks into Markdown; the rest is for paint. */
const FRAME_BUDGET_MS = 8;
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
 * Finished blocks, in groups at fixed multiples of PLAIN_GROUP, each group's first `converted` blocks as Markdown
 * and the rest as plain text: one piece while none is converted, else a piece per block (so a step removes
 * blocks without changing the text of the others). A delta then reconciles one element per group (settled ones
 * bail out on their props), not one per block: 50k tokens are ~4,000 blocks, and walking all of them every frame
 * made each frame's work grow with the answer. Finished blocks never change, so a group's text is fixed by its
 * bounds.
 */
const Group = memo(function Group({
  blocks,
  start,
  end,
  converted,
  propsFor,
  observe,
}: {
  blocks: string[];
  start: number;
  end: number;
  converted: number;
  propsFor: (block: string) => BlockProps;
  observe: (el: HTMLDivElement | null) => (() => void) | undefined;
}) {
  const out: ReactNode[] = [];
  const upTo = start + converted;
  for (let i = start; i < upTo; i++) {
    const b = blocks[i];
    out.push(
      formattable(b) ? (
        <MarkdownBlock key={i} text={b} blockProps={propsFor(b)} />
      ) : (
        <PlainBlock key={i} text={b} chips={false} />
      ),
    );
  }
  if (converted === 0) out.push(<PlainBlock key="plain" text={blocks.slice(start, end).join('')} chips={false} />);
  else for (let i = upTo; i < end; i++) out.push(<PlainBlock key={`b${i}`} text={blocks[i]} chips={false} />);
  return (
    <div className="md-group" ref={observe} data-group={start} data-converted={converted}>
      {out}
    </div>
  );
});

/** A block expected to cost more than this is converted only while the window is idle, never in a frame. */
const DEAR_MS = 16;
/** Main-thread time the steps run in one idle period may take: a task of 50 ms is a long task. */
const IDLE_TASK_MS = 30;

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
  const cap = useRef<ListDepthCap>(null);
  cap.current ??= new ListDepthCap();
  // List nesting is capped in the source: deep lists cost the lexer and the Markdown parser super-linear time.
  const tail = advanceSplit(split.current, cap.current.update(text), streaming);
  const blocks = split.current.blocks;
  // How many blocks of each group are Markdown; reset when the split started over (a new array of blocks).
  const [conv, setConv] = useState<{ of: string[]; n: number[] }>({ of: blocks, n: [] });
  const converted = conv.of === blocks ? conv.n : [];
  const groups = Math.ceil(blocks.length / PLAIN_GROUP);
  const groupEnd = (g: number) => Math.min(blocks.length, (g + 1) * PLAIN_GROUP);
  const pending = (g: number) => g * PLAIN_GROUP + (converted[g] ?? 0) < groupEnd(g);
  const view = useInView();

  // What the next step reads: the effect's steps may run after later renders (several in one idle period).
  const now = useRef({ blocks, converted, groups });
  now.current = { blocks, converted, groups };
  useLayoutEffect(() => {
    if (catchingUp) return;
    /** The state after one more step of at most `budget` ms (render-cost.ts), or null when all is converted. */
    const plan = (budget: number) => {
      const { blocks, converted, groups } = now.current;
      const pick = nextGroup(
        groups,
        (g) => g * PLAIN_GROUP + (converted[g] ?? 0) < Math.min(blocks.length, (g + 1) * PLAIN_GROUP),
        view.visible,
      );
      if (!pick) return null;
      const start = pick.group * PLAIN_GROUP;
      const from = start + (converted[pick.group] ?? 0);
      const end = Math.min(blocks.length, start + PLAIN_GROUP);
      // Each step converts what the cost model expects to fit in its budget, so a run of tables or math is
      // converted a few blocks at a time instead of in one task of a few hundred ms.
      const next = {
        of: blocks,
        n: withCount(converted, pick.group, Math.min(end, renderCost.fit(blocks, from, budget)) - start),
      };
      return { next, inView: pick.inView, dear: renderCost.estimate(blocks[from]) > DEAR_MS };
    };
    const first = plan(FRAME_BUDGET_MS);
    if (!first) return;
    // On screen: in the next frame (unless that one block is too dear for a frame).
    if (first.inView && !first.dear) {
      const id = requestAnimationFrame(() => setConv(plan(FRAME_BUDGET_MS)?.next ?? conv));
      return () => cancelAnimationFrame(id);
    }
    // Elsewhere: while the window is idle, step after step, each rendered at once (flushSync) so that its real
    // cost, DOM included, is known before the next: the cost model measures the Markdown render alone, and a
    // step costs two to three times that.
    return whenIdle((left) => {
      const t0 = performance.now();
      let last = 0;
      do {
        const step = plan(FRAME_BUDGET_MS);
        if (!step) return;
        const s = performance.now();
        flushSync(() => setConv(step.next));
        last = performance.now() - s;
      } while (performance.now() - t0 + last <= IDLE_TASK_MS && left() > last);
    });
  });

  const backlog = groups > 0 && Array.from({ length: groups }, (_, g) => g).some(pending);
  const tailKind = tail ? blockKind(tail) : 'prose';
  const liveTail =
    !backlog &&
    tail.length <= LIVE_TAIL_LIMIT &&
    renderCost.known(tailKind) &&
    renderCost.estimate(tail, tailKind) <= TAIL_BUDGET_MS;
  return (
    <div className="progressive-markdown" data-state={streaming ? 'streaming' : backlog ? 'rendering' : 'done'}>
      {groupStarts(groups).map((start) => (
        <Group
          key={start}
          blocks={blocks}
          start={start}
          end={groupEnd(start / PLAIN_GROUP)}
          converted={converted[start / PLAIN_GROUP] ?? 0}
          propsFor={propsFor}
          observe={view.observe}
        />
      ))}
      {tail &&
        (liveTail ? <MarkdownTail text={tail} blockProps={propsFor(tail)} /> : <PlainBlock text={tail} className="md-tail" />)}
      {children}
    </div>
  );
}

const groupStarts = (groups: number) => Array.from({ length: groups }, (_, g) => g * PLAIN_GROUP);

const withCount = (n: number[], g: number, count: number) => {
  const next = n.slice();
  next[g] = count;
  return next;
};

/** Runs `f` when the window is idle, with a clock of the ms left in that idle period; or after a frame. */
function whenIdle(f: (left: () => number) => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    // The timeout keeps conversion going on a window that is never idle (then the clock says 0: one step).
    const id = requestIdleCallback((d) => f(() => d.timeRemaining()), { timeout: 500 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(() => f(() => 0), 16);
  return () => clearTimeout(id);
}

/**
 * Which groups are on screen, for nextGroup. The groups register their boxes
 * through `observe` (a stable ref callback); a change of what is visible re-renders, so the next step looks again.
 */
function useInView(): { visible: ReadonlySet<number>; observe: (el: HTMLDivElement | null) => (() => void) | undefined } {
  const [, setTick] = useState(0);
  const state = useRef<{
    visible: Set<number>;
    io: IntersectionObserver | null;
    observe: (el: HTMLDivElement | null) => (() => void) | undefined;
  }>(null);
  if (!state.current) {
    const visible = new Set<number>();
    const io =
      typeof IntersectionObserver === 'function'
        ? new IntersectionObserver(
            (entries) => {
              for (const e of entries) {
                const g = Number((e.target as HTMLElement).dataset.group) / PLAIN_GROUP;
                if (e.isIntersecting) visible.add(g);
                else visible.delete(g);
              }
              setTick((t) => t + 1);
            },
            // On screen itself: the groups nearest it come next anyway (conversion-order.ts).
            { rootMargin: '0px' },
          )
        : null;
    const observe = (el: HTMLDivElement | null) => {
      if (!el || !io) return;
      io.observe(el);
      return () => io.unobserve(el);
    };
    state.current = { visible, io, observe };
  }
  const io = state.current.io;
  useLayoutEffect(() => () => io?.disconnect(), [io]);
  return state.current;
}
