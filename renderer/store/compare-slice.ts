import type { StateCreator } from 'zustand';
import { MAX_LANES, MIN_LANES } from '../../shared/compare/lanes.ts';
import { failureMessage } from '../model/failure.ts';
import { lanesFor, regroupCompares } from '../model/lanes.ts';
import { isRunning } from '../model/turn.ts';
import type { StoreDeps } from './deps.ts';
import type { CompareSlice, State } from './state.ts';

export type { LaneConfig } from '../model/lanes.ts';
export { lanesFor } from '../model/lanes.ts';

export const createCompareSlice =
  ({ bridge }: StoreDeps): StateCreator<State, [], [], CompareSlice> =>
  (set, get) => ({
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

    // The same send as a single ask, with the compare's lanes.
    runCompare: () => get().sendLanes(get().effectiveLanes(), true),
    async stopCompare(group) {
      const running = get().turns.filter((t) => t.compareGroup === group && isRunning(t) && t.requestId);
      // A lane being continued runs the continuation's request (model/continuation.ts).
      await Promise.all(running.map((t) => bridge.cancelChat(t.continuing?.requestId ?? t.requestId!)));
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
        set((st) => ({
          turns: regroupCompares(st.turns, info),
          comparePreferred: { ...st.comparePreferred, ...info.preferred },
        }));
      } catch {
        // Without the ledger's groups the lanes still show, one after another, as plain exchanges.
      }
    },
  });
