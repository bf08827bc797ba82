import type { StateCreator } from 'zustand';
import { defaultProvider } from '../model/local-ocr.ts';
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
  return (set, get) => {
    /**
     * With no pick and no key, a saved local model server that answers the start-up scan beats Local OCR. The
     * scan runs in the host in the background; the window does not wait for it, and a pick made meanwhile stays.
     */
    const preferAnsweringServer = async () => {
      try {
        const before = get().providerId;
        const { servers } = await bridge.scanLocalServers();
        const pick = defaultProvider(get().providers, null, servers);
        if (pick && get().providerId === before && saved.providerId === undefined) set({ providerId: pick.id });
      } catch {
        // No scan (an older host): Local OCR stays picked.
      }
    };
    return {
      providers: [],
      providerId: saved.providerId ?? null,
      thinking: saved.thinking ?? true,
      providersError: null,
      async loadProviders() {
        try {
          const providers = await bridge.listProviders();
          const current = get().providerId;
          // Keep the person's pick; otherwise a provider with a key, else Local OCR (works offline, no key).
          const pick = defaultProvider(providers, current);
          set({ providers, providerId: pick?.id ?? null, providersError: null });
          if (!current && pick && !pick.hasKey) void preferAnsweringServer();
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
      async testProvider(id) {
        const report = await bridge.testProvider(id);
        // A test reads the provider's model list again (OpenRouter: what each model takes): show it now.
        if (report.ok) await get().loadProviders();
        return report;
      },
    };
  };
};
