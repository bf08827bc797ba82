import type { StateCreator } from 'zustand';
import type { KeyValueStorage, StoreDeps } from './deps.ts';
import type { ProvidersSlice, State } from './state.ts';

const PREFS = 'glimpse.prefs';
const prefs = (storage: KeyValueStorage): { providerId?: string; thinking?: boolean } => {
  try {
    return JSON.parse(storage.getItem(PREFS) ?? '{}');
  } catch {
    return {};
  }
};

export const createProvidersSlice = ({ bridge, storage }: StoreDeps): StateCreator<State, [], [], ProvidersSlice> => {
  const saved = prefs(storage);
  const savePrefs = (p: { providerId: string | null; thinking: boolean }) => storage.setItem(PREFS, JSON.stringify(p));
  return (set, get) => ({
    providers: [],
    providerId: saved.providerId ?? null,
    thinking: saved.thinking ?? true,
    providersError: null,
    async loadProviders() {
      try {
        const providers = await bridge.listProviders();
        const current = get().providerId;
        // Keep the person's pick; otherwise prefer a provider that already has a key.
        const pick = providers.find((p) => p.id === current) ?? providers.find((p) => p.hasKey) ?? providers[0];
        set({ providers, providerId: pick?.id ?? null, providersError: null });
      } catch (e) {
        set({ providersError: (e as Error).message });
      }
    },
    selectProvider(id) {
      set({ providerId: id });
      savePrefs({ providerId: id, thinking: get().thinking });
    },
    setThinking(on) {
      set({ thinking: on });
      savePrefs({ providerId: get().providerId, thinking: on });
    },
    async saveProvider(input) {
      const saved = await bridge.saveProvider(input);
      await get().loadProviders();
      return saved;
    },
    async deleteProvider(id) {
      await bridge.deleteProvider(id);
      if (get().providerId === id) set({ providerId: null });
      await get().loadProviders();
    },
    testProvider: (id) => bridge.testProvider(id),
  });
};
