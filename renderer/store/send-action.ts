/**
 * The one send path: a single ask is a send with one lane, a compare the same send with two to four. The model
 * plans it (guards, lanes, history); this prepares the attachments, shows the turns and starts each lane's
 * request. A lane refused by the bridge fails alone, with the kind the bridge gave (host gone, forbidden...).
 */
import type { ChatRequest } from '../../shared/bridge/chat.ts';
import { planSend, startTurns } from '../model/send-plan.ts';
import { turnErrorOf } from '../model/failure.ts';
import type { LaneConfig } from '../model/lanes.ts';
import type { Turn } from '../model/turn.ts';
import type { StoreDeps } from './deps.ts';
import type { State } from './state.ts';

type Set = (partial: Partial<State> | ((s: State) => Partial<State>)) => void;

/** Ids of new turns and requests (random: regenerate and edit add turns beside those of plain sends). */
export const sendIds = {
  turnId: () => `t-${crypto.randomUUID()}`,
  requestId: () => crypto.randomUUID(),
  compareGroup: () => crypto.randomUUID(),
};

/** Starts each turn's request; the turns are already shown. */
export async function launchTurns(bridge: StoreDeps['bridge'], set: Set, turns: Turn[], requests: ChatRequest[]): Promise<void> {
  await Promise.all(
    turns.map(async (turn, i) => {
      try {
        const { requestId } = await bridge.startChat(requests[i]);
        // The host picks another id only when ours was taken; follow it.
        if (requestId !== turn.requestId)
          set((st) => ({ turns: st.turns.map((t) => (t.id === turn.id ? { ...t, requestId } : t)) }));
      } catch (e) {
        const error = turnErrorOf(e);
        set((st) => ({ turns: st.turns.map((t) => (t.id === turn.id ? { ...t, status: 'error', error } : t)) }));
      }
    }),
  );
}

export function createSender({ bridge }: StoreDeps, set: Set, get: () => State) {
  return async function sendLanes(lanes: readonly LaneConfig[], compare: boolean): Promise<void> {
    const s = get();
    const decision = planSend(s, lanes, { compare });
    if (!decision.ok) {
      if (decision.refusal.notice) set({ notice: decision.refusal.notice });
      return;
    }
    // PDF pages are rendered and clips' frames collected here; on a problem the composer says what and keeps all.
    const media = await get().prepareAttachments();
    if (!media) return;
    const { turns, requests } = startTurns(decision.plan, media, sendIds, get().sessionId);
    set((st) => ({ turns: [...st.turns, ...turns] }));
    get().clearComposer();
    // The requests leave before the new turns render (React queued that render as a microtask on `set`): the
    // person waits on the provider, not on the render, which now overlaps the host's and the provider's work.
    // Rendering first held every request back by its ~7 ms; Send click -> first character painted, measured
    // side by side, was 6-9 ms sooner this way (bench:stream reports it).
    await launchTurns(bridge, set, turns, requests);
  };
}
