import { describe, expect, it } from 'vitest';
import { BridgeError } from '../../../renderer/bridge/bridge-error.ts';
import { memoryStorage } from '../../../renderer/store/deps.ts';
import { createAppStore } from '../../../renderer/store/index.ts';
import { result } from '../model/turns.ts';
import { fakeBridge, provider, type FakeBridge } from './fake-bridge.ts';
import { laneLabelEnglish } from '../../../shared/compare/lanes.ts';

async function storeWith(bridge: FakeBridge) {
  const store = createAppStore(bridge, { storage: memoryStorage() });
  await store.getState().loadProviders();
  return store;
}

const end = (requestId: string, answer: string, kind: 'cancelled' | null = null) =>
  ({ channel: 'chat', requestId, event: { type: 'end', result: result(answer, kind) } }) as const;

describe('the store with a fake bridge', () => {
  it('sends a single ask as one lane, clears the composer and streams the answer into its turn', async () => {
    const bridge = fakeBridge();
    const store = await storeWith(bridge);
    store.getState().setPrompt('What is this?');
    await store.getState().send();
    expect(bridge.started).toHaveLength(1);
    const [req] = bridge.started;
    expect(req).toMatchObject({
      providerId: 'p1',
      model: 'glm-4.5v',
      thinking: true,
      prompt: 'What is this?',
      attachments: [],
      history: [],
      sessionId: store.getState().sessionId,
    });
    expect(req.compareGroup).toBeUndefined();
    expect(store.getState().prompt).toBe('');
    expect(store.getState().turns.map((t) => [t.status, t.requestId])).toEqual([['sending', req.requestId]]);

    store.getState().applyChatEvents([end(req.requestId!, 'A cat.')]);
    expect(store.getState().turns[0]).toMatchObject({ status: 'done', answer: 'A cat.' });
  });

  it('sends the request before the new turn renders: in the same task as the store update, not a microtask later', async () => {
    const bridge = fakeBridge();
    const store = await storeWith(bridge);
    store.getState().setPrompt('What is this?');
    // React renders a store update in a microtask queued when the store changes; note what had left by then.
    const sentAtRender: number[] = [];
    const stop = store.subscribe((s, before) => {
      if (s.turns.length > before.turns.length) queueMicrotask(() => sentAtRender.push(bridge.started.length));
    });
    await store.getState().send();
    stop();
    expect(sentAtRender).toEqual([1]);
  });

  it('runs a compare as two lanes of one group, and the next ask sends the compare once as history', async () => {
    const bridge = fakeBridge();
    const store = await storeWith(bridge);
    store.getState().setPrompt('Count the cats');
    await store.getState().runCompare();
    expect(bridge.started.map((r) => [r.thinking, Boolean(r.compareGroup)])).toEqual([
      [true, true],
      [false, true],
    ]);
    expect(bridge.started[0].compareGroup).toBe(bridge.started[1].compareGroup);
    const lanes = store.getState().turns;
    expect(lanes.map((t) => t.laneLabel && laneLabelEnglish(t.laneLabel))).toEqual(['Thinking', 'Fast']);
    expect(lanes[0].parentId).toBe(lanes[1].parentId);

    store.getState().applyChatEvents([end(bridge.started[0].requestId!, 'Three'), end(bridge.started[1].requestId!, 'Four')]);
    await store
      .getState()
      .markPreferred(lanes[0].compareGroup!, bridge.started[1].requestId!)
      .catch(() => undefined);
    store.getState().setPrompt('Which is biggest?');
    await store.getState().send();
    expect(bridge.started[2].history).toEqual([
      { role: 'user', text: 'Count the cats' },
      // markPreferred is not faked: the mark is taken back, so the first lane that answered stands for the compare.
      { role: 'assistant', text: 'Three' },
    ]);
    expect(store.getState().turns.at(-1)?.parentId).toBe(lanes[0].id);
  });

  it.each(['forbidden', 'host-unreachable', 'internal'])(
    'a bridge failure of kind %s keeps its kind on the turn',
    async (kind) => {
      const bridge = fakeBridge({
        startChat: () => Promise.reject(new BridgeError(kind, `Refused: ${kind}.`)),
      });
      const store = await storeWith(bridge);
      store.getState().setPrompt('Hello');
      await store.getState().send();
      expect(store.getState().turns.map((t) => [t.status, t.error?.kind, t.error?.message])).toEqual([
        ['error', kind, `Refused: ${kind}.`],
      ]);
    },
  );

  it('a lane refused by the bridge fails alone; the other lane keeps its request', async () => {
    let calls = 0;
    const bridge = fakeBridge({
      startChat: async (r) => {
        if (++calls === 2) throw new BridgeError('host-unreachable', 'The Glimpse server is not answering.');
        return { requestId: r.requestId! };
      },
    });
    const store = await storeWith(bridge);
    store.getState().setPrompt('Compare');
    await store.getState().runCompare();
    expect(
      store.getState().turns.map((t) => [t.laneLabel && laneLabelEnglish(t.laneLabel), t.status, t.error?.kind ?? null]),
    ).toEqual([
      ['Thinking', 'sending', null],
      ['Fast', 'error', 'host-unreachable'],
    ]);
  });

  it('Stop cancels the running request and the turn ends as cancelled with what arrived', async () => {
    const bridge = fakeBridge();
    const store = await storeWith(bridge);
    store.getState().setPrompt('Long answer please');
    await store.getState().send();
    const t = store.getState().turns[0];
    await store.getState().stop(t.id);
    expect(bridge.cancelled).toEqual([t.requestId]);
    store.getState().applyChatEvents([end(t.requestId!, 'The first part', 'cancelled')]);
    expect(store.getState().turns[0]).toMatchObject({ status: 'cancelled', answer: 'The first part' });
  });

  it('does not send while a turn runs, nor without a prompt or files', async () => {
    const bridge = fakeBridge();
    const store = await storeWith(bridge);
    await store.getState().send();
    store.getState().setPrompt('One');
    await store.getState().send();
    store.getState().setPrompt('Two');
    await store.getState().send();
    expect(bridge.started.map((r) => r.prompt)).toEqual(['One']);
    expect(store.getState().prompt).toBe('Two');
  });

  it('says which lane points at a provider that is gone, and keeps the prompt', async () => {
    const bridge = fakeBridge({ listProviders: async () => [provider('p1', 'Z.AI'), provider('p2', 'Other')] });
    const store = await storeWith(bridge);
    store.getState().setLane(1, { providerId: 'p2' });
    await store.getState().loadProviders();
    bridge.listProviders = async () => [provider('p1', 'Z.AI')];
    await store.getState().loadProviders();
    store.getState().setPrompt('Compare');
    await store.getState().runCompare();
    expect(bridge.started).toEqual([]);
    expect(store.getState().notice).toEqual({
      code: 'lanes.provider-gone',
      params: { lane: 2 },
      message: 'Lane 2’s provider no longer exists: pick another in Lanes.',
    });
    expect(store.getState().prompt).toBe('Compare');
  });
});
