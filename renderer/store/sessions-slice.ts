/**
 * Sessions: the list in the sidebar, the one open in the conversation, and what can be done to one. The host
 * writes sessions itself from the chat stream; this slice reads them, opens one, and starts new ones.
 */
import type { StateCreator } from 'zustand';
import { failureMessage } from '../model/failure.ts';
import { downloadFile } from '../platform/download.ts';
import { turnFromStored } from '../model/stored-turn.ts';
import type { Turn } from '../model/turn.ts';
import type { StoreDeps } from './deps.ts';
import type { SessionsSlice, State } from './state.ts';

const LAST = 'glimpse.session';
const newId = () => crypto.randomUUID();

export const createSessionsSlice = ({ bridge, storage }: StoreDeps): StateCreator<State, [], [], SessionsSlice> => {
  /** Blob URLs made for a loaded session's images, released when another session is opened. */
  let loadedUrls: string[] = [];
  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  let seq = 0;
  /** The latest list asked for: an older answer (a search typed further meanwhile) arriving late is dropped. */
  let listSeq = 0;
  const releaseImages = () => {
    for (const u of loadedUrls) URL.revokeObjectURL(u);
    loadedUrls = [];
  };
  return (set, get) => ({
    sessionId: newId(),
    sessions: [],
    sessionSearch: '',
    sessionsError: null,
    async loadSessions() {
      const mine = ++listSeq;
      try {
        const sessions = await bridge.listSessions({ search: get().sessionSearch || null });
        if (mine === listSeq) set({ sessions, sessionsError: null });
      } catch (e) {
        if (mine === listSeq) set({ sessionsError: failureMessage(e) });
      }
    },
    setSessionSearch(q) {
      set({ sessionSearch: q });
      clearTimeout(searchTimer);
      // Typing is not a query per key: wait for a short pause.
      searchTimer = setTimeout(() => void get().loadSessions(), 150);
    },
    async openSession(id) {
      try {
        const d = await bridge.getSession(id);
        releaseImages();
        // A session is a tree: it opens at its newest branch; the others wait, one flip away.
        const all = d.turns.map((t) => turnFromStored(t, t.id, t.parentId));
        get().showTree(all);
        set({ sessionId: id, sessionsError: null });
        // The session's settings are those of its last exchange shown.
        get().replaceParams(get().turns.at(-1)?.params ?? {});
        storage.setItem(LAST, id);
        // Lanes of a compare come back as separate exchanges: regroup them (and their marks) from the ledger.
        void get().restoreCompares();
        void get().refreshTally();
        // Images load after the text: the conversation shows at once.
        const withImage = (x: Turn, t: Turn, i: number, url: string): Turn =>
          x.id === t.id ? { ...x, images: x.images.map((y, j) => (j === i ? { ...y, previewUrl: url } : y)) } : x;
        for (const t of all) {
          for (const [i, im] of t.images.entries()) {
            if (!im.attachmentId) continue;
            bridge
              .getAttachment(im.attachmentId)
              .then((file) => {
                const url = URL.createObjectURL(new Blob([file.bytes as BlobPart], { type: file.mime }));
                loadedUrls.push(url);
                set((st) => ({
                  turns: st.turns.map((x) => withImage(x, t, i, url)),
                  hiddenTurns: st.hiddenTurns.map((x) => withImage(x, t, i, url)),
                }));
              })
              .catch(() => {
                // A missing file leaves its name as the image's alt text.
              });
          }
        }
      } catch (e) {
        set({ sessionsError: failureMessage(e) });
        void get().loadSessions();
      }
    },
    newSession() {
      releaseImages();
      const id = newId();
      set({ sessionId: id, turns: [], hiddenTurns: [] });
      storage.removeItem(LAST);
      void get().refreshTally();
    },
    async renameSession(id, title) {
      try {
        await bridge.renameSession({ id, title });
        await get().loadSessions();
        return true;
      } catch (e) {
        set({ sessionsError: failureMessage(e) });
        return false;
      }
    },
    async deleteSession(id) {
      try {
        await bridge.deleteSession(id);
        if (get().sessionId === id) get().newSession();
        await get().loadSessions();
      } catch (e) {
        set({ sessionsError: failureMessage(e) });
      }
    },
    async exportSession(id, format) {
      try {
        // Markdown follows the branch on screen when it is this session's; JSON holds the whole tree anyway.
        const leaf = id === get().sessionId ? get().turns.at(-1)?.requestId : undefined;
        const file = await bridge.exportSession({ id, format, ...(leaf ? { leafRequestId: leaf } : {}) });
        downloadFile(file.fileName, file.mime, file.bytes);
      } catch (e) {
        set({ sessionsError: failureMessage(e) });
      }
    },
    async restoreLastSession() {
      await get().loadSessions();
      const last = storage.getItem(LAST);
      if (last && get().turns.length === 0 && get().sessions.some((s) => s.id === last)) await get().openSession(last);
      else void get().refreshTally();
    },
  });
};
