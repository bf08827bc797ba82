import type { StateCreator } from 'zustand';
import type { ProviderView } from '../../shared/bridge/providers.ts';
import type { ChatError } from '../../shared/engine/types.ts';
import { defaultLanes, laneLabels, MAX_LANES, MIN_LANES, type LaneSpec } from '../../shared/compare/lanes.ts';
import { bridge } from '../bridge/bridge.ts';
import { failureMessage } from '../bridge/bridge-error.ts';
import { historyOf } from '../features/compare/compare-history.ts';
import { sendingTurn, type Turn } from './conversation-slice.ts';
import type { State } from './index.ts';

/** One lane as the person set it up; `budget: null` follows the composer's budget. */
export interface LaneConfig {
  providerId: string;
  model: string;
  thinking: boolean;
  budget: number | null;
}

/**
 * Compare (issue #7): the lane setup, running a compare (each lane its own chat request, all with one
 * compareGroup, so they stream concurrently and stop or fail independently), and the person's "better lane"
 * marks. The lanes themselves are turns of the conversation (see conversation-slice.ts), so streaming, Stop and
 * session storage work exactly as for a single request.
 */
export interface CompareSlice {
  /** The lanes set up by the person; null means the default: the chosen provider+model, thinking on vs off. */
  compareLanes: LaneConfig[] | null;
  /** compare group → request id of the lane marked better. */
  comparePreferred: Record<string, string>;
  /** compare group → why its mark could not be stored. */
  compareMarkError: Record<string, string>;
  /** The lanes a compare would run now (the person's setup, or the default). */
  effectiveLanes(): LaneConfig[];
  setLane(index: number, patch: Partial<LaneConfig>): void;
  addLane(): void;
  removeLane(index: number): void;
  resetLanes(): void;
  runCompare(): Promise<void>;
  /** Stops every running lane of a group. */
  stopCompare(group: string): Promise<void>;
  markPreferred(group: string, requestId: string | null): Promise<void>;
  /** Regroups the lanes of a reopened session and restores its marks. */
  restoreCompares(): Promise<void>;
}

/** The lanes a compare runs: the person's setup, else the default pair for the chosen provider. */
export function lanesFor(custom: LaneConfig[] | null, providers: readonly ProviderView[], providerId: string | null): LaneConfig[] {
  if (custom) return custom;
  const p = providers.find((x) => x.id === providerId);
  if (!p) return [];
  return defaultLanes({ providerId: p.id, providerName: p.name, model: p.model }).map((l) => ({ providerId: l.providerId, model: l.model, thinking: l.thinking, budget: null }));
}

const isRunning = (t: Turn) => t.status === 'sending' || t.status === 'streaming';
let seq = 0;

export const createCompareSlice: StateCreator<State, [], [], CompareSlice> = (set, get) => ({
  compareLanes: null,
  comparePreferred: {},
  compareMarkError: {},
  effectiveLanes() {
    const s = get();
    return lanesFor(s.compareLanes, s.providers, s.providerId);
  },
  setLane(index, patch) {
    const lanes = get().effectiveLanes().slice();
    if (!lanes[index]) return;
    // Another provider brings its own configured model, unless the person also typed one.
    const provider = patch.providerId ? get().providers.find((p) => p.id === patch.providerId) : null;
    lanes[index] = { ...lanes[index], ...(provider && patch.model === undefined ? { model: provider.model } : {}), ...patch };
    set({ compareLanes: lanes });
  },
  addLane() {
    const lanes = get().effectiveLanes();
    if (lanes.length >= MAX_LANES || lanes.length === 0) return;
    set({ compareLanes: [...lanes, { ...lanes[lanes.length - 1] }] });
  },
  removeLane(index) {
    const lanes = get().effectiveLanes();
    if (lanes.length <= MIN_LANES) return;
    set({ compareLanes: lanes.filter((_, i) => i !== index) });
  },
  resetLanes: () => set({ compareLanes: null }),

  async runCompare() {
    const s = get();
    const lanes = s.effectiveLanes();
    const providers = lanes.map((l) => s.providers.find((p) => p.id === l.providerId));
    const missing = providers.findIndex((p) => !p);
    if (missing >= 0) {
      // A lane set up earlier can point at a provider deleted since: say which, keep the prompt and files.
      set({ notice: `Lane ${missing + 1}'s provider no longer exists: pick another in Lanes.` });
      return;
    }
    if (lanes.length < MIN_LANES || s.attachments.some((a) => a.status === 'uploading')) return;
    if (!s.prompt.trim() && !s.attachments.some((a) => a.status === 'ready')) return;
    if (s.turns.some(isRunning)) return;
    const media = await get().prepareAttachments();
    if (!media) return;
    const specs: LaneSpec[] = lanes.map((l, i) => ({ providerId: l.providerId, providerName: providers[i]!.name, model: l.model, thinking: l.thinking, budget: l.budget ?? undefined }));
    const labels = laneLabels(specs);
    const compareGroup = crypto.randomUUID();
    const history = historyOf(s.turns, s.comparePreferred);
    const turns: Turn[] = lanes.map((l, i) =>
      sendingTurn({
        id: `c${++seq}`,
        requestId: crypto.randomUUID(),
        prompt: s.prompt,
        images: media.images,
        providerName: providers[i]!.name,
        model: l.model,
        thinking: l.thinking,
        compareGroup,
        laneLabel: labels[i],
      }),
    );
    set({ turns: [...s.turns, ...turns] });
    get().clearComposer();
    // Each lane is its own request: one refused at the door does not hold back the others.
    await Promise.all(
      turns.map(async (turn, i) => {
        try {
          await bridge.startChat({
            requestId: turn.requestId!,
            providerId: lanes[i].providerId,
            model: lanes[i].model,
            thinking: lanes[i].thinking,
            prompt: turn.prompt,
            attachments: media.refs,
            history,
            budget: lanes[i].budget ?? s.budget,
            sessionId: s.sessionId,
            compareGroup,
          });
        } catch (e) {
          const error: ChatError = { kind: 'bad-input', status: null, code: null, message: failureMessage(e), retry_after_s: null };
          set((st) => ({ turns: st.turns.map((t) => (t.id === turn.id ? { ...t, status: 'error', error } : t)) }));
        }
      }),
    );
  },
  async stopCompare(group) {
    const running = get().turns.filter((t) => t.compareGroup === group && isRunning(t) && t.requestId);
    await Promise.all(running.map((t) => bridge.cancelChat(t.requestId!)));
  },
  async markPreferred(group, requestId) {
    const before = get().comparePreferred;
    const next = { ...before };
    if (requestId) next[group] = requestId;
    else delete next[group];
    const { [group]: _dropped, ...errors } = get().compareMarkError;
    set({ comparePreferred: next, compareMarkError: errors });
    try {
      await bridge.markPreferred({ compareGroup: group, requestId });
      if (get().usageReport) void get().loadUsage();
    } catch (e) {
      // Not stored: show the mark as it really is and say why.
      set((st) => ({ comparePreferred: before, compareMarkError: { ...st.compareMarkError, [group]: failureMessage(e) } }));
    }
  },
  async restoreCompares() {
    const ids = get().turns.flatMap((t) => (t.requestId ? [t.requestId] : []));
    if (ids.length === 0) return;
    try {
      const info = await bridge.getCompareInfo(ids);
      if (Object.keys(info.groupOf).length === 0) return;
      set((st) => {
        const turns = st.turns.map((t) => (t.requestId && info.groupOf[t.requestId] ? { ...t, compareGroup: info.groupOf[t.requestId] } : t));
        // Labels are worked out again from what the stored lanes were.
        const groups = new Set(Object.values(info.groupOf));
        for (const g of groups) {
          const idx = turns.flatMap((t, i) => (t.compareGroup === g ? [i] : []));
          const labels = laneLabels(idx.map((i) => ({ providerId: turns[i].providerName, providerName: turns[i].providerName, model: turns[i].model, thinking: turns[i].thinking })));
          idx.forEach((i, k) => (turns[i] = { ...turns[i], laneLabel: labels[k] }));
        }
        return { turns, comparePreferred: { ...st.comparePreferred, ...info.preferred } };
      });
    } catch {
      // Without the ledger's groups the lanes still show, one after another, as plain exchanges.
    }
  },
});
