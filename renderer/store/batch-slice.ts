/**
 * The Batch view's state (issue #13): the plan shown before Start, the files of the batch and their outcome as
 * `batch` events arrive, and the batches a quit left unfinished. The host runs the batch; this slice only mirrors
 * it, so closing the view (or the window) never stops the work.
 */
import type { StateCreator } from 'zustand';
import type { BatchEvent, BatchItemView } from '../../shared/batch/types.ts';
import type { BatchPlanInput } from '../../shared/bridge/batch.ts';
import { MAX_STAGED, type StagedUpload } from '../../shared/bridge/batch-files.ts';
import { withPaths } from '../model/batch-drop.ts';
import { failureMessage } from '../model/failure.ts';
import { downloadFile } from '../platform/download.ts';
import type { StoreDeps } from './deps.ts';
import type { BatchSlice, State } from './state.ts';

/** Items are fetched in pages of this many (the host's limit is higher; a page stays a small message). */
const PAGE = 2_000;
/** While a batch runs, tokens (not carried by events) are fetched again at most this often. */
const REFRESH_MS = 1_500;

function decode(data: string, encoding: 'utf8' | 'base64'): string | Uint8Array {
  if (encoding === 'utf8') return data;
  const bin = atob(data);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export const createBatchSlice = ({ bridge }: StoreDeps): StateCreator<State, [], [], BatchSlice> => {
  let lastRefresh = 0;
  let refreshTimer: ReturnType<typeof setTimeout> | null = null;
  return (set, get) => {
    const scheduleRefresh = () => {
      if (refreshTimer) return;
      const wait = Math.max(0, REFRESH_MS - (Date.now() - lastRefresh));
      refreshTimer = setTimeout(() => {
        refreshTimer = null;
        void get().refreshBatchItems();
      }, wait);
    };
    const fail = (e: unknown) => set({ batchError: failureMessage(e) });
    return {
      batchDraft: { inputs: '', outDir: '', preset: '', prompt: '', schema: '', concurrency: '4', maxCost: '' },
      setBatchDraft(patch) {
        set({ batchDraft: { ...get().batchDraft, ...patch } });
      },
      batchId: null,
      batchPlan: null,
      batchItems: [],
      batchCounts: null,
      batchSpent: 0,
      batchPhase: 'idle',
      batchStopReason: null,
      batchError: null,
      batchBusy: false,
      batchInterrupted: [],
      batchList: [],

      batchUpload: null,
      batchDropProblems: [],

      localPathsOf(files) {
        const of = bridge.pathForFile;
        if (!of || !files.length) return null;
        const paths = files.map((f) => of(f));
        return paths.every((p): p is string => typeof p === 'string' && p !== '') ? paths : null;
      },

      addBatchInputs(paths) {
        if (paths.length) get().setBatchDraft({ inputs: withPaths(get().batchDraft.inputs, paths) });
      },

      async chooseBatchFolder(title) {
        // Only the desktop bridge knows paths; a page's folder picker would list every file to learn one path.
        if (!bridge.pathForFile) return false;
        try {
          const { path } = await bridge.chooseFolder({ title });
          if (path) get().addBatchInputs([path]);
        } catch (e) {
          fail(e);
        }
        return true;
      },

      async uploadBatchFiles(files) {
        if (!files.length || get().batchUpload) return;
        const problems: { path: string; reason: string }[] = [];
        const staged: StagedUpload[] = [];
        set({ batchUpload: { done: 0, total: files.length }, batchDropProblems: [], batchError: null });
        try {
          // One at a time: one file's bytes in memory, and the host decodes each as it lands.
          for (const [i, { file, path }] of files.entries()) {
            try {
              const bytes = new Uint8Array(await file.arrayBuffer());
              const info = await bridge.putAttachment({ name: file.name, mime: file.type, bytes });
              staged.push({ attachmentId: info.id, path });
            } catch (e) {
              problems.push({ path, reason: failureMessage(e) });
            }
            set({ batchUpload: { done: i + 1, total: files.length } });
          }
          const dirs: string[] = [];
          for (let i = 0; i < staged.length; i += MAX_STAGED)
            dirs.push((await bridge.stageBatchFiles({ files: staged.slice(i, i + MAX_STAGED) })).dir);
          get().addBatchInputs(dirs);
        } catch (e) {
          fail(e);
        } finally {
          set({ batchUpload: null, batchDropProblems: problems });
        }
      },

      async openBatchResult(idx) {
        const id = get().batchId;
        if (!id) return false;
        try {
          const { sessionId } = await bridge.openBatchResult({ batchId: id, idx });
          await get().openSession(sessionId);
          void get().loadSessions();
          return get().sessionId === sessionId;
        } catch (e) {
          fail(e);
          return false;
        }
      },

      async loadBatchList() {
        try {
          const list = await bridge.listBatches();
          set({ batchList: [...list].sort((a, b) => b.createdAt - a.createdAt) });
        } catch (e) {
          fail(e);
        }
      },

      async planBatch(input) {
        const { providerId, thinking, providers, budget } = get();
        // The view offers Estimate only with a provider picked.
        if (!providerId) return;
        const model = providers.find((p) => p.id === providerId)?.model ?? null;
        const full: BatchPlanInput = { ...input, providerId, model, thinking, budget };
        set({ batchBusy: true, batchError: null });
        try {
          const plan = await bridge.planBatch(full);
          set({ batchPlan: plan, batchId: plan.batchId, batchCounts: plan.counts, batchPhase: 'planned', batchStopReason: null });
          await get().refreshBatchItems();
        } catch (e) {
          fail(e);
        } finally {
          set({ batchBusy: false });
        }
      },

      async startBatch() {
        const id = get().batchId;
        if (!id) return;
        set({ batchError: null, batchPhase: 'running', batchStopReason: null });
        try {
          await bridge.startBatch(id);
        } catch (e) {
          set({ batchPhase: 'planned' });
          fail(e);
        }
      },

      async stopBatch(cancel) {
        const id = get().batchId;
        if (!id) return;
        set({ batchPhase: 'stopping' });
        try {
          await bridge.stopBatch({ batchId: id, cancel });
        } catch (e) {
          fail(e);
        }
      },

      async retryFailed() {
        const id = get().batchId;
        if (!id) return;
        try {
          const plan = await bridge.retryFailedBatch(id);
          set({ batchCounts: plan.counts, batchPlan: { ...plan, found: get().batchPlan?.found ?? plan.found } });
          await get().refreshBatchItems();
          await get().startBatch();
        } catch (e) {
          fail(e);
        }
      },

      async exportBatch(format) {
        const id = get().batchId;
        if (!id) return;
        try {
          const x = await bridge.exportBatch({ batchId: id, format });
          downloadFile(x.name, x.mime, decode(x.data, x.encoding));
        } catch (e) {
          fail(e);
        }
      },

      async refreshBatchItems() {
        const id = get().batchId;
        if (!id) return;
        lastRefresh = Date.now();
        try {
          const all: BatchItemView[] = [];
          for (let offset = 0; ; offset += PAGE) {
            const page = await bridge.getBatchItems({ batchId: id, offset, limit: PAGE });
            all.push(...page);
            if (page.length < PAGE) break;
          }
          // The person may have planned another batch meanwhile.
          if (get().batchId === id) set({ batchItems: all });
        } catch (e) {
          fail(e);
        }
      },

      async loadInterruptedBatches() {
        try {
          set({ batchInterrupted: await bridge.interruptedBatches() });
        } catch (e) {
          fail(e);
        }
      },

      dismissInterrupted() {
        set({ batchInterrupted: [] });
      },

      async resumeBatch(id) {
        const summary = get().batchInterrupted.find((b) => b.id === id);
        set({
          batchId: id,
          batchPlan: null,
          batchItems: [],
          batchCounts: summary?.counts ?? null,
          batchInterrupted: get().batchInterrupted.filter((b) => b.id !== id),
        });
        await get().refreshBatchItems();
        await get().startBatch();
      },

      applyBatchEvents(events: BatchEvent[]) {
        const id = get().batchId;
        const mine = events.filter((e) => e.batchId === id);
        if (!mine.length) return;
        let items = get().batchItems;
        let copied = false;
        const byIdx = new Map(items.map((it, i) => [it.idx, i]));
        const patch = (idx: number, p: Partial<BatchItemView>) => {
          const i = byIdx.get(idx);
          if (i === undefined) return;
          if (!copied) {
            items = [...items];
            copied = true;
          }
          items[i] = { ...items[i], ...p };
        };
        const next: Partial<BatchSlice> = {};
        let ended = false;
        let fileEnded = false;
        for (const e of mine) {
          switch (e.type) {
            case 'start':
              next.batchCounts = e.counts;
              next.batchPhase = 'running';
              break;
            case 'file-start':
              patch(e.idx, { status: 'running', attempts: e.attempt, error: null });
              break;
            case 'file-end':
              fileEnded = true;
              patch(e.idx, { status: e.status, cost_usd: e.cost_usd, total_ms: e.total_ms, error: e.error });
              break;
            case 'progress':
              next.batchCounts = e.counts;
              next.batchSpent = e.spent_usd;
              break;
            case 'stopping':
              next.batchPhase = 'stopping';
              next.batchStopReason = e.reason;
              break;
            case 'end':
              ended = true;
              next.batchCounts = e.counts;
              next.batchSpent = e.spent_usd;
              next.batchPhase = e.status;
              next.batchStopReason = e.reason;
              break;
          }
        }
        set({ ...next, batchItems: items });
        if (ended) void get().refreshBatchItems();
        else if (fileEnded) scheduleRefresh();
      },
    };
  };
};
