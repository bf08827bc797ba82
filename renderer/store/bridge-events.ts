/**
 * The one place host events enter the store. Events are buffered and applied once per animation frame, so a
 * provider sending hundreds of tokens a second costs one React render per frame, not one per token.
 */
import type { ChatEventEnvelope } from '../../shared/bridge/chat.ts';
import type { GlimpseBridge } from '../../shared/bridge/contract.ts';
import type { AppStore } from './state.ts';

export function connectBridgeEvents(store: AppStore, bridge: Pick<GlimpseBridge, 'onEvent'>): () => void {
  let pending: ChatEventEnvelope[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    const batch = pending;
    pending = [];
    if (batch.length) store.getState().applyChatEvents(batch);
  };
  return bridge.onEvent((e) => {
    if (e.channel !== 'chat') return;
    pending.push(e);
    if (!scheduled) {
      scheduled = true;
      // rAF pauses in background tabs; a timeout keeps a hidden window's turns current too.
      if (document.visibilityState === 'visible') requestAnimationFrame(flush);
      else setTimeout(flush, 50);
    }
  });
}
