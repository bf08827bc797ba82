/**
 * The one place host events enter the store. Events are buffered and applied once per animation frame, so a
 * provider sending hundreds of tokens a second (or a batch finishing dozens of files) costs one React render per
 * frame, not one per event. An event that finds the pipe quiet (nothing queued, and a frame has gone by since the
 * last events were applied) is applied at once instead: the first text of an answer, or each token of a slow
 * stream, is rendered as it arrives and painted by the next frame, rather than rendered inside that frame after
 * waiting for it. Either way at most one batch is applied per frame, so a burst never renders more often. A turn's
 * end that arrives with new text is applied a frame later (textFirst): the text is painted first, and the turn's
 * final render does not make that frame late.
 */
import type { BatchEvent } from '../../shared/batch/types.ts';
import type { ChatEventEnvelope } from '../../shared/bridge/chat.ts';
import type { GlimpseBridge } from '../../shared/bridge/contract.ts';
import { textFirst } from '../model/chat-reducer.ts';
import type { AppStore } from './state.ts';

export function connectBridgeEvents(store: AppStore, bridge: Pick<GlimpseBridge, 'onEvent'>): () => void {
  let pending: ChatEventEnvelope[] = [];
  let batchPending: BatchEvent[] = [];
  let scheduled = false;
  // Whether a frame has begun since text was last applied (a hidden window has no frames: it batches).
  let frameSinceApplied = true;
  const frameBegan = () => {
    frameSinceApplied = true;
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    // rAF pauses in background tabs; a timeout keeps a hidden window's turns current too.
    if (document.visibilityState === 'visible') requestAnimationFrame(flush);
    else setTimeout(flush, 50);
  };
  const flush = () => {
    scheduled = false;
    const { now, later } = textFirst(pending);
    const batch = batchPending;
    pending = later;
    batchPending = [];
    // Only text (and batch progress) costs a real render; a request's start, applied at once, must not make its
    // first text, a few ms behind it, wait for the frame.
    if (batch.length || now.some((e) => e.event.type === 'delta')) {
      frameSinceApplied = false;
      if (document.visibilityState === 'visible') requestAnimationFrame(frameBegan);
    }
    if (later.length) schedule();
    if (now.length) store.getState().applyChatEvents(now);
    if (batch.length) store.getState().applyBatchEvents(batch);
  };
  return bridge.onEvent((e) => {
    if (e.channel === 'chat') pending.push(e);
    else if (e.channel === 'batch') batchPending.push(e.event);
    else return;
    if (!scheduled && frameSinceApplied) flush();
    else schedule();
  });
}
