/** The conversation on screen: the open session's turns (see sessions-slice.ts for opening and switching). */
import type { StateCreator } from 'zustand';
import type { ChatEventEnvelope } from '../../shared/bridge/chat.ts';
import { applyChatEvents, batchMilestones } from '../model/chat-reducer.ts';
import type { LaneConfig } from '../model/lanes.ts';
import type { Turn } from '../model/turn.ts';
import type { StoreDeps } from './deps.ts';
import type { State } from './index.ts';
import { createSender } from './send-action.ts';

export type { Turn, TurnImage, TurnStatus } from '../model/turn.ts';

export interface ConversationSlice {
  /** The turns shown: the path from the first question to the current one (renderer/model/thread.ts). */
  turns: Turn[];
  /** Sends the composer's prompt and files to the chosen provider: a send with one lane. */
  send(): Promise<void>;
  /** The one send path: a single ask is one lane, a compare two to four (renderer/model/send-plan.ts). */
  sendLanes(lanes: readonly LaneConfig[], compare: boolean): Promise<void>;
  stop(turnId: string): Promise<void>;
  /** Applies a batch of bridge events; called once per animation frame by bridge-events.ts. */
  applyChatEvents(batch: ChatEventEnvelope[]): void;
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
        await get().sendLanes(provider ? [{ providerId: provider.id, model: provider.model, thinking: s.thinking, budget: null }] : [], false);
      },
      async stop(turnId) {
        const t = get().turns.find((x) => x.id === turnId);
        if (t?.requestId) await deps.bridge.cancelChat(t.requestId);
      },
      applyChatEvents(batch) {
        // On 'start' the host has stored the exchange (the sidebar shows the session at the top); on 'end' the
        // ledger row is complete (the tally follows).
        const { started, ended } = batchMilestones(batch);
        if (started || ended) {
          queueMicrotask(() => {
            if (ended) void get().refreshTally();
            void get().loadSessions();
          });
        }
        set((st) => ({ turns: applyChatEvents(st.turns, batch) }));
      },
    };
  };
