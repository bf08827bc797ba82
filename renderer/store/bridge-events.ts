/**
 * The one place host events enter the store. Events are buffered and applied once per animation frame, so a
 * provider sending hundreds of tokens a second (or a batch finishing dozens of files) costs one React render per
 * frame, not one per event. Text that finds the pipe quiet (a frame has gone by since the last text was applied)
 * is applied at once instead, with any start or usage event waiting before it: the first text of an answer, or
 * each token of a slow stream, is rendered as it arrives and painted by the next frame, rather than rendered
 * inside that frame after waiting for it. Either way at most one batch of text is applied per frame, so a burst
 * never renders more often.
 *
 * A turn's end that comes with new text, or while text applied at once still waits for its frame, is held until
 * that frame has painted (textFirst) and applied in a task right after it: the frame that shows the text does
 * only that, and the turn's final render (status, stats, receipt, actions, the tally) happens between frames. A
 * short answer arrives as its first token, the rest, and the end within a few ms; settling it in the frame that
 * paints its first token made that frame 12-16 ms instead of 5.
 */
import type { BatchEvent } from '../../shared/batch/types.ts';
import type { ChatEventEnvelope } from '../../shared/bridge/chat.ts';
import type { GlimpseBridge } from '../../shared/bridge/contract.ts';
import { requestsWithText, textFirst } from '../model/chat-reducer.ts';
import { afterThisPaint } from '../platform/after-paint.ts';
import type { AppStore } from './state.ts';

export function connectBridgeEvents(store: AppStore, bridge: Pick<GlimpseBridge, 'onEvent'>): () => void {
  let pending: ChatEventEnvelope[] = [];
  let batchPending: BatchEvent[] = [];
  let scheduled = false;
  // Whether a frame has begun since text was last applied (a hidden window has no frames: it batches).
  let frameSinceApplied = true;
  // Requests whose text was applied at once, outside a frame, and is not painted yet.
  let unpainted: ReadonlySet<string> = new Set();
  const frameBegan = () => {
    frameSinceApplied = true;
  };
  const visible = () => document.visibilityState === 'visible';
  // The flush `schedule` asked for, while it has not run: text applied at once before it takes its place, so the
  // frame that paints that text runs no second flush of its own.
  let cancelScheduled: (() => void) | null = null;
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    // rAF pauses in background tabs; a timeout keeps a hidden window's turns current too.
    if (visible()) {
      const id = requestAnimationFrame(() => flush('in-frame'));
      cancelScheduled = () => cancelAnimationFrame(id);
    } else {
      const id = setTimeout(() => flush('between'), 50);
      cancelScheduled = () => clearTimeout(id);
    }
  };
  /** Held events: applied once the frame that shows their text has painted. */
  const scheduleAfterPaint = (inFrame: boolean) => {
    if (scheduled) return;
    scheduled = true;
    if (!visible()) setTimeout(() => flush('between'), 50);
    else if (inFrame) afterThisPaint(() => flush('between'));
    else requestAnimationFrame(() => afterThisPaint(() => flush('between')));
  };
  /** `at-once`: text that found the pipe quiet; `in-frame`: a frame's callback; `between`: after a paint. */
  const flush = (when: 'at-once' | 'in-frame' | 'between') => {
    cancelScheduled?.();
    cancelScheduled = null;
    scheduled = false;
    const { now, later } = textFirst(pending, when === 'in-frame' ? unpainted : new Set());
    const batch = batchPending;
    pending = later;
    batchPending = [];
    unpainted = when === 'at-once' && visible() ? requestsWithText(now) : new Set();
    // Only text (and batch progress) costs a real render: a flush of a start or usage alone (in a frame) must not
    // make the first text, arriving after it, wait for the next frame.
    if (batch.length || now.some((e) => e.event.type === 'delta')) {
      frameSinceApplied = false;
      if (visible()) requestAnimationFrame(frameBegan);
    }
    if (later.length) scheduleAfterPaint(when === 'in-frame');
    if (now.length) store.getState().applyChatEvents(now);
    if (batch.length) store.getState().applyBatchEvents(batch);
  };
  return bridge.onEvent((e) => {
    if (e.channel === 'chat') pending.push(e);
    else if (e.channel === 'batch') batchPending.push(e.event);
    else return;
    // Text (or batch progress) that finds the pipe quiet is applied at once, with anything waiting before it. A
    // request's start, usage or retry alone changes little on screen: it waits for the next frame or for text,
    // whichever comes first, so a short answer's start and first token cost one render, not two in a row.
    const shows = e.channel === 'batch' || e.event.type === 'delta';
    if (shows && frameSinceApplied) flush('at-once');
    else schedule();
  });
}
