/** The conversation on screen: the open session's turns (see sessions-slice.ts for opening and switching). */
import type { StateCreator } from 'zustand';
import { applyChatEvents, batchMilestones } from '../model/chat-reducer.ts';
import { applyContinuationEvents } from '../model/continuation.ts';
import type { StoreDeps } from './deps.ts';
import type { ConversationSlice, State } from './state.ts';
import { createSender } from './send-action.ts';

export type { Turn, TurnImage, TurnStatus } from '../model/turn.ts';

/** How long after a request starts the sidebar is reloaded to show its session (an end reloads it at once). */
const SIDEBAR_AFTER_START_MS = 300;

/** Runs `fn` once the window is idle (within a second at most), or soon where there is no idle callback. */
function whenIdle(fn: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: 1_000 });
  else setTimeout(fn, 0);
}

export const createConversationSlice =
  (deps: StoreDeps): StateCreator<State, [], [], ConversationSlice> =>
  (set, get) => {
    return {
      turns: [],
      sendLanes: createSender(deps, set, get),
      async send() {
        const s = get();
        const provider = s.providers.find((p) => p.id === s.providerId);
        await get().sendLanes(
          provider ? [{ providerId: provider.id, model: provider.model, thinking: s.thinking, budget: null }] : [],
          false,
        );
      },
      async stop(turnId) {
        const t = get().turns.find((x) => x.id === turnId);
        // A Continue in flight is its own request.
        const id = t?.continuing?.requestId ?? t?.requestId;
        if (id) await deps.bridge.cancelChat(id);
      },
      applyChatEvents(batch) {
        // On 'start' the host has stored the exchange (the sidebar shows the session at the top); on 'end' the
        // ledger row is complete (the tally follows).
        const { started, ended } = batchMilestones(batch);
        if (ended) {
          queueMicrotask(() => {
            void get().refreshTally();
            void get().loadSessions();
          });
        } else if (started) {
          // Not urgent, and its answer would re-render the sidebar just as the first text is due (a local server
          // answers within milliseconds of the start): a little later, when the window is idle.
          setTimeout(() => whenIdle(() => void get().loadSessions()), SIDEBAR_AFTER_START_MS);
        }
        set((st) => ({ turns: applyContinuationEvents(applyChatEvents(st.turns, batch), batch) }));
      },
    };
  };
