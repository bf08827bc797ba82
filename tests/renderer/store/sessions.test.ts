import { expect, it } from 'vitest';
import type { MessageAttachment, SessionDetail, SessionSummary, StoredTurn } from '../../../shared/bridge/sessions.ts';
import { memoryStorage } from '../../../renderer/store/deps.ts';
import { createAppStore } from '../../../renderer/store/index.ts';
import { result } from '../model/turns.ts';
import { fakeBridge } from './fake-bridge.ts';
import { laneLabelEnglish } from '../../../shared/compare/lanes.ts';

const att = (id: string, patch: Partial<MessageAttachment> = {}): MessageAttachment => ({
  id,
  name: `${id}.png`,
  mime: 'image/png',
  kind: 'image',
  size: 1,
  width: 8,
  height: 8,
  label: null,
  sentAs: 'image',
  ...patch,
});
const stored = (requestId: string, prompt: string, patch: Partial<StoredTurn> = {}): StoredTurn => ({
  id: `${requestId}:user`,
  requestId,
  prompt,
  attachments: [],
  providerName: 'Z.AI',
  model: 'glm-4.5v',
  thinking: true,
  status: 'done',
  reasoning: '',
  answer: `answer to ${prompt}`,
  boxes: [],
  result: result(`answer to ${prompt}`),
  createdAt: 1,
  parentId: null,
  params: null,
  ...patch,
});

it('opens a stored session: images keep their kinds, the lanes of a compare come back as one, the next ask follows it', async () => {
  const detail: SessionDetail = {
    session: { id: 'S', title: 'Pages', createdAt: 1, updatedAt: 2, turns: 3, snippet: null },
    turns: [
      stored('r1', 'Read page 3', {
        attachments: [att('p2', { label: 'page 2', sentAs: 'page' }), att('p3', { label: 'page 3', sentAs: 'page' })],
      }),
      // As migration 8 links a session stored as a list: each exchange follows the one before.
      stored('r2', 'Compare', { thinking: true, parentId: 'r1:user' }),
      stored('r3', 'Compare', { thinking: false, answer: 'The fast lane', parentId: 'r2:user' }),
    ],
  };
  const bridge = fakeBridge({
    getSession: async () => detail,
    getCompareInfo: async () => ({ groupOf: { r2: 'g', r3: 'g' }, preferred: { g: 'r3' } }),
  });
  const store = createAppStore(bridge, { storage: memoryStorage() });
  await store.getState().loadProviders();
  await store.getState().openSession('S');
  await store.getState().restoreCompares();

  const turns = store.getState().turns;
  expect(turns[0].images.map((im) => [im.kind, im.label, im.attachmentId])).toEqual([
    ['page', 'page 2', 'p2'],
    ['page', 'page 3', 'p3'],
  ]);
  expect(turns.map((t) => [t.compareGroup ?? null, t.laneLabel ? laneLabelEnglish(t.laneLabel) : null, t.parentId])).toEqual([
    [null, null, null],
    ['g', 'Thinking', turns[0].id],
    ['g', 'Fast', turns[0].id],
  ]);
  expect(store.getState().comparePreferred).toEqual({ g: 'r3' });

  store.getState().setPrompt('And now?');
  await store.getState().send();
  expect(bridge.started[0]).toMatchObject({ sessionId: 'S', prompt: 'And now?' });
  // The compare counts once, answered by the lane marked better.
  expect(bridge.started[0].history.map((h) => h.text)).toEqual([
    'Read page 3',
    'answer to Read page 3',
    'Compare',
    'The fast lane',
  ]);
  expect(store.getState().turns.at(-1)?.parentId).toBe(turns[1].id);
});

it('a search typed further wins over the list of an earlier one that answers late', async () => {
  const summary = (id: string): SessionSummary => ({ id, title: id, createdAt: 1, updatedAt: 1, turns: 1, snippet: null });
  const waiting = new Map<string, (list: SessionSummary[]) => void>();
  const bridge = fakeBridge({
    listSessions: (q) => new Promise((resolve) => waiting.set(q?.search ?? '', resolve)),
  });
  const store = createAppStore(bridge, { storage: memoryStorage() });
  store.setState({ sessionSearch: 'rec' });
  const early = store.getState().loadSessions();
  store.setState({ sessionSearch: 'receipt' });
  const late = store.getState().loadSessions();
  waiting.get('receipt')!([summary('the receipt')]);
  await late;
  waiting.get('rec')!([summary('a recipe'), summary('the receipt')]);
  await early;
  expect(store.getState().sessions.map((s) => s.title)).toEqual(['the receipt']);
});
