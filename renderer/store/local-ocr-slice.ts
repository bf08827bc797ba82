/**
 * Working without a key (issue #11): the local model servers the host found, adding one as a provider in one
 * click, and the first-run guide (shown once, reopened from Help).
 */
import type { StateCreator } from 'zustand';
import type { LocalServer } from '../../shared/bridge/local-ocr.ts';
import { LOCAL_OCR } from '../../shared/providers/catalog.ts';
import type { StoreDeps } from './deps.ts';
import type { LocalOcrSlice, State } from './state.ts';

export const createLocalOcrSlice = ({ bridge }: StoreDeps): StateCreator<State, [], [], LocalOcrSlice> => {
  return (set, get) => ({
    localServers: null,
    scanning: false,
    localServersError: null,
    guideOpen: false,
    ocrLanguages: [],
    async scanLocalServers(fresh = false) {
      set({ scanning: true, localServersError: null });
      try {
        set({ localServers: (await bridge.scanLocalServers(fresh)).servers });
      } catch (e) {
        set({ localServersError: (e as Error).message });
      } finally {
        set({ scanning: false });
      }
    },
    async addLocalServer(server: LocalServer, model: string) {
      const view = await get().saveProvider({ catalogId: server.catalogId, name: server.name, baseUrl: server.baseUrl, model });
      get().selectProvider(view.id);
    },
    async loadGuide() {
      try {
        const info = await bridge.getLocalOcrInfo();
        // Guide clicked while this was on its way: the person's choice stands, whatever the host remembers.
        set((s) => ({ ocrLanguages: info.languages, guideOpen: s.guideOpen || !info.guideDone }));
      } catch {
        // An older host without the guide: nothing to show.
      }
    },
    openGuide() {
      set({ guideOpen: true });
    },
    async closeGuide() {
      set({ guideOpen: false });
      await bridge.setGuideDone(true).catch(() => {});
    },
    async readSample(file: File) {
      const ocr = get().providers.find((p) => p.catalogId === LOCAL_OCR);
      if (!ocr) return;
      get().selectProvider(ocr.id);
      get().clearComposer();
      await get().addFiles([file]);
      await get().send();
    },
  });
};
