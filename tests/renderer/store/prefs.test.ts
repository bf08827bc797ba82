import { expect, it } from 'vitest';
import { DEFAULT_BUDGET, MAX_BUDGET } from '../../../shared/media/budget.ts';
import { memoryStorage, type KeyValueStorage } from '../../../renderer/store/deps.ts';
import { createAppStore } from '../../../renderer/store/index.ts';
import { fakeBridge, provider } from './fake-bridge.ts';

it('remembers the budget, the provider and the mode in the storage it is given, for the next window', async () => {
  const storage = memoryStorage();
  const bridge = fakeBridge({ listProviders: async () => [provider('p1', 'Z.AI'), provider('p2', 'Other')] });
  const first = createAppStore(bridge, { storage });
  expect(first.getState().budget).toBe(DEFAULT_BUDGET);
  first.getState().setBudget(10 ** 9);
  expect(first.getState().budget).toBe(MAX_BUDGET);
  await first.getState().loadProviders();
  first.getState().selectProvider('p2');
  first.getState().setThinking(false);

  const next = createAppStore(bridge, { storage });
  await next.getState().loadProviders();
  expect([next.getState().budget, next.getState().providerId, next.getState().thinking]).toEqual([MAX_BUDGET, 'p2', false]);
});

it('a storage that refuses writes loses the preference, not the action', () => {
  const refusing: KeyValueStorage = {
    getItem: () => null,
    setItem: () => {
      throw new Error('QuotaExceededError');
    },
    removeItem: () => undefined,
  };
  const store = createAppStore(fakeBridge(), { storage: refusing });
  store.getState().setBudget(1024);
  expect(store.getState().budget).toBe(1024);
});
