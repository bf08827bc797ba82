import { expect, it, vi } from 'vitest';
import type { BatchCounts, BatchItemView } from '../../../shared/batch/types.ts';
import type { BatchPlanInput, BatchPlanView } from '../../../shared/bridge/batch.ts';
import { createAppStore } from '../../../renderer/store/index.ts';
import { fakeBridge } from './fake-bridge.ts';

const counts = (p: Partial<BatchCounts>): BatchCounts => ({
  total: 3,
  done: 0,
  failed: 0,
  skipped: 0,
  pending: 0,
  running: 0,
  ...p,
});

const item = (idx: number, p: Partial<BatchItemView> = {}): BatchItemView => ({
  idx,
  path: `/in/p${idx}.png`,
  name: `p${idx}`,
  kind: 'image',
  pages: 1,
  status: 'pending',
  attempts: 0,
  prompt_tokens: null,
  completion_tokens: null,
  cost_usd: null,
  total_ms: null,
  error: null,
  request_id: null,
  ...p,
});

const plan = (batchId: string): BatchPlanView => ({
  batchId,
  resumed: false,
  counts: counts({ pending: 3 }),
  found: { files: 3, images: 3, pdfs: 0, pages: 0 },
  skipped: [],
  failed: [],
  estimate: {
    files: 3,
    prompt_tokens: 3000,
    completion: { low: 150, high: 1500, basis: 'fast', total_low: 450, total_high: 4500 },
    usd_low: 0.01,
    usd_high: 0.02,
    price: null,
    discount: 1,
  },
});

it('plans with the toolbar choice, follows events to the end, and fetches the items again for their tokens', async () => {
  let planned: BatchPlanInput | null = null;
  let stored = [item(0), item(1), item(2)];
  const started: string[] = [];
  const bridge = fakeBridge({
    planBatch: async (input) => {
      planned = input;
      return plan('b1');
    },
    getBatchItems: async ({ offset, limit }) => stored.slice(offset ?? 0, (offset ?? 0) + (limit ?? 1000)),
    startBatch: async (id) => {
      started.push(id);
    },
  });
  const store = createAppStore(bridge);
  await store.getState().loadProviders();
  store.getState().setThinking(false);
  await store.getState().planBatch({ inputs: ['/in'], outDir: '/out', prompt: 'Read it' });
  expect(planned).toMatchObject({ inputs: ['/in'], providerId: 'p1', model: 'glm-4.5v', thinking: false, outDir: '/out' });
  expect(store.getState().batchItems.map((i) => i.status)).toEqual(['pending', 'pending', 'pending']);

  await store.getState().startBatch();
  expect(started).toEqual(['b1']);
  expect(store.getState().batchPhase).toBe('running');

  store.getState().applyBatchEvents([
    { type: 'file-start', batchId: 'b1', idx: 0, file: '/in/p0.png', attempt: 1 },
    { type: 'file-start', batchId: 'b1', idx: 1, file: '/in/p1.png', attempt: 1 },
    { type: 'file-end', batchId: 'b1', idx: 1, file: '/in/p1.png', status: 'failed', cost_usd: null, total_ms: 40, error: 'bad' },
    // Another batch's events are not this view's.
    { type: 'file-end', batchId: 'other', idx: 0, file: '/x', status: 'done', cost_usd: 1, total_ms: 1, error: null },
    {
      type: 'progress',
      batchId: 'b1',
      counts: counts({ failed: 1, running: 1, pending: 1 }),
      spent_usd: 0,
      rate_per_s: 1,
      eta_s: 2,
    },
  ]);
  expect(store.getState().batchItems.map((i) => [i.status, i.error])).toEqual([
    ['running', null],
    ['failed', 'bad'],
    ['pending', null],
  ]);
  expect(store.getState().batchCounts).toMatchObject({ failed: 1, running: 1 });

  stored = [
    item(0, { status: 'done', prompt_tokens: 900, completion_tokens: 20, cost_usd: 0.001, total_ms: 30 }),
    item(1, { status: 'failed', error: 'bad' }),
    item(2, { status: 'done', prompt_tokens: 900, completion_tokens: 22, cost_usd: 0.001, total_ms: 31 }),
  ];
  store
    .getState()
    .applyBatchEvents([
      { type: 'end', batchId: 'b1', counts: counts({ done: 2, failed: 1 }), spent_usd: 0.002, status: 'done', reason: null },
    ]);
  expect(store.getState().batchPhase).toBe('done');
  await vi.waitFor(() => expect(store.getState().batchItems[2].prompt_tokens).toBe(900));
  expect(store.getState().batchSpent).toBe(0.002);
});

it('fetches a long batch page by page; a refused plan is an error shown, not a throw', async () => {
  const many = Array.from({ length: 4500 }, (_, i) => item(i));
  const offsets: number[] = [];
  const bridge = fakeBridge({
    planBatch: async () => plan('big'),
    getBatchItems: async ({ offset, limit }) => {
      offsets.push(offset ?? 0);
      return many.slice(offset ?? 0, (offset ?? 0) + (limit ?? 1000));
    },
  });
  const store = createAppStore(bridge);
  await store.getState().loadProviders();
  await store.getState().planBatch({ inputs: ['/in'], outDir: '/out', prompt: 'x' });
  expect(store.getState().batchItems).toHaveLength(4500);
  expect(offsets).toEqual([0, 2000, 4000]);

  const refusing = createAppStore(
    fakeBridge({
      planBatch: async () => {
        throw new Error('The output folder /ro cannot be written.');
      },
    }),
  );
  await refusing.getState().loadProviders();
  await refusing.getState().planBatch({ inputs: ['/in'], outDir: '/ro', prompt: 'x' });
  expect(refusing.getState().batchError).toContain('/ro');
  expect(refusing.getState().batchBusy).toBe(false);
});

it('offers interrupted batches and resumes one: its items are fetched and it is started', async () => {
  const started: string[] = [];
  const summary = {
    id: 'old',
    createdAt: 1,
    status: 'running' as const,
    stopReason: null,
    outDir: '/out',
    prompt: 'p',
    model: null,
    thinking: false,
    counts: counts({ done: 1, pending: 2 }),
    active: false,
  };
  const store = createAppStore(
    fakeBridge({
      interruptedBatches: async () => [summary],
      getBatchItems: async () => [item(0, { status: 'done' }), item(1), item(2)],
      startBatch: async (id) => {
        started.push(id);
      },
    }),
  );
  await store.getState().loadInterruptedBatches();
  expect(store.getState().batchInterrupted.map((b) => b.id)).toEqual(['old']);
  await store.getState().resumeBatch('old');
  expect(started).toEqual(['old']);
  expect(store.getState().batchInterrupted).toEqual([]);
  expect(store.getState().batchItems).toHaveLength(3);
  expect(store.getState().batchPhase).toBe('running');
});
