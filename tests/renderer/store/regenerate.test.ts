import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../../../renderer/store/deps.ts';
import { createAppStore } from '../../../renderer/store/index.ts';
import { settingsDiffer } from '../../../renderer/model/turn-settings.ts';
import { result } from '../model/turns.ts';
import { fakeBridge, provider } from './fake-bridge.ts';

const end = (requestId: string, answer: string) =>
  ({ channel: 'chat', requestId, event: { type: 'end', result: result(answer, null) } }) as const;

/** A store with two providers, one exchange sent with Z.AI, thinking on and temperature 0.2, and then the settings changed. */
async function afterChanges() {
  const bridge = fakeBridge({
    listProviders: async () => [provider('p1', 'Z.AI'), { ...provider('p2', 'OpenRouter'), model: 'z-ai/glm-4.5v' }],
  });
  const store = createAppStore(bridge, { storage: memoryStorage() });
  await store.getState().loadProviders();
  store.getState().selectProvider('p1');
  store.getState().setThinking(true);
  store.getState().setParams({ temperature: 0.2 });
  store.getState().setPrompt('Read the receipt');
  await store.getState().send();
  const first = bridge.started[0]!;
  store.getState().applyChatEvents([end(first.requestId!, 'Total 12.50')]);
  // The person moves on: another provider, thinking off, another temperature.
  store.getState().selectProvider('p2');
  store.getState().setThinking(false);
  store.getState().setParams({ temperature: 1 });
  return { bridge, store, turnId: store.getState().turns[0]!.id };
}

describe('regenerate', () => {
  it('sends the same request again: the original turn’s provider, model, thinking and parameters', async () => {
    const { bridge, store, turnId } = await afterChanges();
    const s = store.getState();
    expect(settingsDiffer(s.turns[0]!, s)).toEqual(['provider', 'model', 'thinking', 'params']);
    await s.regenerate(turnId);
    const again = bridge.started[1]!;
    expect(again).toMatchObject({ providerId: 'p1', model: 'glm-4.5v', thinking: true, params: { temperature: 0.2 } });
    expect(again.prompt).toBe('Read the receipt');
    const sibling = store.getState().turns.at(-1)!;
    expect(sibling).toMatchObject({ providerName: 'Z.AI', model: 'glm-4.5v', thinking: true, params: { temperature: 0.2 } });
  });

  it('with current settings, sends what the toolbar and panel hold now', async () => {
    const { bridge, store, turnId } = await afterChanges();
    await store.getState().regenerate(turnId, { current: true });
    expect(bridge.started[1]).toMatchObject({
      providerId: 'p2',
      model: 'z-ai/glm-4.5v',
      thinking: false,
      params: { temperature: 1 },
    });
  });

  it('offers nothing extra when the settings are unchanged', async () => {
    const { store } = await afterChanges();
    store.getState().selectProvider('p1');
    store.getState().setThinking(true);
    store.getState().setParams({ temperature: 0.2 });
    const s = store.getState();
    expect(settingsDiffer(s.turns[0]!, s)).toEqual([]);
  });
});
