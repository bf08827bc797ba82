import type { StateCreator } from 'zustand';
import type { ChatEventEnvelope } from '../../shared/bridge/chat.ts';
import type { ChatError, ChatResult, Estimate } from '../../shared/engine/types.ts';
import { bridge } from '../bridge/bridge.ts';
import { failureMessage } from '../bridge/bridge-error.ts';
import { historyOf } from '../features/compare/compare-history.ts';
import type { State } from './index.ts';

/** `incomplete`: reopened from a session whose request never ended (Glimpse was closed or killed mid-answer). */
export type TurnStatus = 'sending' | 'streaming' | 'done' | 'error' | 'cancelled' | 'incomplete';

export interface TurnImage {
  name: string;
  previewUrl: string;
  width: number | null;
  height: number | null;
  /** The stored attachment, for turns reopened from a session. */
  attachmentId?: string;
}

export interface Turn {
  id: string;
  requestId: string | null;
  prompt: string;
  images: TurnImage[];
  providerName: string;
  model: string;
  thinking: boolean;
  status: TurnStatus;
  reasoning: string;
  answer: string;
  retryNote: string | null;
  estimate: Estimate | null;
  result: ChatResult | null;
  error: ChatError | null;
  /** Set on the lanes of a compare (issue #7): lanes sharing it are shown as one item, side by side. */
  compareGroup?: string;
  /** The lane's short name in its compare ("Thinking", "Fast", "Z.AI"…). */
  laneLabel?: string;
}

/** What is blank on a turn when it is sent. */
type SentTurn = Omit<Turn, 'status' | 'reasoning' | 'answer' | 'retryNote' | 'estimate' | 'result' | 'error'>;

/** A turn as it goes out, nothing back yet: a single ask and each lane of a compare start the same way. */
export function sendingTurn(t: SentTurn): Turn {
  return { ...t, status: 'sending', reasoning: '', answer: '', retryNote: null, estimate: null, result: null, error: null };
}

/** The conversation on screen: the open session's turns (see sessions-slice.ts for opening and switching). */
export interface ConversationSlice {
  turns: Turn[];
  send(): Promise<void>;
  stop(turnId: string): Promise<void>;
  /** Applies a batch of bridge events; called once per animation frame by bridge-events.ts. */
  applyChatEvents(batch: ChatEventEnvelope[]): void;
}

let seq = 0;

const isRunning = (t: Turn) => t.status === 'sending' || t.status === 'streaming';

export const createConversationSlice: StateCreator<State, [], [], ConversationSlice> = (set, get) => ({
  turns: [],
  async send() {
    const s = get();
    const provider = s.providers.find((p) => p.id === s.providerId);
    const ready = s.attachments.filter((a) => a.status === 'ready' && a.info);
    if (!provider || s.attachments.some((a) => a.status === 'uploading')) return;
    if (!s.prompt.trim() && ready.length === 0) return;
    if (s.turns.some(isRunning)) return;
    // PDF pages are rendered and clips' frames collected here; on a problem the composer says what and keeps all.
    const media = await get().prepareAttachments();
    if (!media) return;
    const turn = sendingTurn({
      id: `t${++seq}`,
      // Ours, up front: events can arrive before startChat resolves, and must find their turn.
      requestId: crypto.randomUUID(),
      prompt: s.prompt,
      images: media.images,
      providerName: provider.name,
      model: provider.model,
      thinking: s.thinking,
    });
    // Earlier finished turns are the context; failed ones with no answer add nothing; a compare counts once.
    const history = historyOf(s.turns, s.comparePreferred);
    set({ turns: [...s.turns, turn] });
    get().clearComposer();
    try {
      const { requestId } = await bridge.startChat({
        requestId: turn.requestId!,
        providerId: provider.id,
        model: provider.model,
        thinking: s.thinking,
        prompt: turn.prompt,
        attachments: media.refs,
        history,
        budget: s.budget,
        // The host stores the exchange in this session (creating it on its first message).
        sessionId: s.sessionId,
      });
      set((st) => ({ turns: st.turns.map((t) => (t.id === turn.id && t.requestId !== requestId ? { ...t, requestId } : t)) }));
    } catch (e) {
      const error: ChatError = { kind: 'bad-input', status: null, code: null, message: failureMessage(e), retry_after_s: null };
      set((st) => ({ turns: st.turns.map((t) => (t.id === turn.id ? { ...t, status: 'error', error } : t)) }));
    }
  },
  async stop(turnId) {
    const t = get().turns.find((x) => x.id === turnId);
    if (t?.requestId) await bridge.cancelChat(t.requestId);
  },
  applyChatEvents(batch) {
    // On 'start' the host has stored the exchange (the sidebar shows the session at the top); on 'end' the
    // ledger row is complete (the tally follows).
    const ended = batch.some((e) => e.event.type === 'end');
    if (ended || batch.some((e) => e.event.type === 'start')) {
      queueMicrotask(() => {
        if (ended) void get().refreshTally();
        void get().loadSessions();
      });
    }
    set((st) => {
      const byRequest = new Map(st.turns.map((t, i) => [t.requestId, i]));
      const turns = st.turns.slice();
      for (const { requestId, event } of batch) {
        const i = byRequest.get(requestId);
        if (i === undefined) continue;
        const t = { ...turns[i] };
        switch (event.type) {
          case 'start':
            t.status = 'streaming';
            t.estimate = event.estimate;
            break;
          case 'delta':
            t.reasoning += event.reasoning ?? '';
            t.answer += event.content ?? '';
            t.retryNote = null;
            break;
          case 'retry':
            t.retryNote = `${event.reason} Retrying in ${Math.ceil(event.delayMs / 1000)} s (attempt ${event.attempt + 1}).`;
            break;
          case 'usage':
            break;
          case 'end':
            t.result = event.result;
            t.error = event.result.error;
            t.reasoning = event.result.reasoning;
            t.answer = event.result.answer;
            t.status = !event.result.error ? 'done' : event.result.error.kind === 'cancelled' ? 'cancelled' : 'error';
            t.retryNote = null;
            break;
        }
        turns[i] = t;
      }
      return { turns };
    });
  },
});
