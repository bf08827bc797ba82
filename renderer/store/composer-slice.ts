import type { StateCreator } from 'zustand';
import { clampBudget, DEFAULT_BUDGET } from '../../shared/media/budget.ts';
import { failureText } from '../model/failure.ts';
import { joinNotices, type NoticePart } from '../model/notice.ts';
import type { PendingAttachment } from '../model/attachments.ts';
import { closeClip, sampleClip, startClip } from '../platform/clip-actions.ts';
import { closePdfDoc } from '../platform/pdf-engine.ts';
import { extractTexts, startPdf, unlockPdf } from '../platform/pdf-actions.ts';
import { prepareSend } from '../platform/prepare-send.ts';
import { providerTakesVideo } from '../model/provider-media.ts';
import { contextRefusal } from '../model/context-warning.ts';
import type { KeyValueStorage, StoreDeps } from './deps.ts';
import type { ComposerSlice, State } from './state.ts';

export type { PendingAttachment } from '../model/attachments.ts';

const BUDGET_KEY = 'glimpse.budget';
const savedBudget = (storage: KeyValueStorage) => {
  const n = Number(storage.getItem(BUDGET_KEY));
  return n ? clampBudget(n) : DEFAULT_BUDGET;
};

export const createComposerSlice =
  ({ bridge, storage }: StoreDeps): StateCreator<State, [], [], ComposerSlice> =>
  (set, get) => {
    let seq = 0;
    const clipAborts = new Map<string, AbortController>();
    const patch = (localId: string, f: (a: PendingAttachment) => PendingAttachment) =>
      set((s) => ({ attachments: s.attachments.map((a) => (a.localId === localId ? f(a) : a)) }));
    const drop = (localId: string) => {
      const a = get().attachments.find((x) => x.localId === localId);
      if (!a) return;
      if (a.previewUrl) URL.revokeObjectURL(a.previewUrl);
      for (const f of a.clip?.frames ?? []) URL.revokeObjectURL(f.previewUrl);
      clipAborts.get(localId)?.abort();
      closeClip(localId);
      closePdfDoc(localId);
      set((s) => ({ attachments: s.attachments.filter((x) => x.localId !== localId) }));
    };
    const refreshTexts = async (localId: string) => {
      const a = get().attachments.find((x) => x.localId === localId);
      if (!a?.pdf?.withText) return;
      const texts = await extractTexts(localId, a.pdf);
      patch(localId, (x) => (x.pdf ? { ...x, pdf: { ...x.pdf, texts: { ...x.pdf.texts, ...texts } } } : x));
    };

    return {
      prompt: '',
      attachments: [],
      notice: null,
      budget: savedBudget(storage),
      preparing: null,
      setPrompt: (prompt) => set({ prompt }),
      setBudget(budget) {
        const b = clampBudget(budget);
        set({ budget: b });
        // Private windows may refuse storage (safeStorage ignores it); the budget still applies to this session.
        storage.setItem(BUDGET_KEY, String(b));
      },
      async addFiles(files) {
        const refused: NoticePart[] = [];
        await Promise.all(
          files.map(async (file) => {
            const localId = `a${++seq}`;
            // HEIC/HEIF: the host reads them, but no browser engine except Safari's can show them: a named placeholder.
            const isImage =
              file.type.startsWith('image/') && !/^image\/hei[cf]/.test(file.type) && !/\.hei[cf]$/i.test(file.name);
            const previewUrl = isImage ? URL.createObjectURL(file) : '';
            set((s) => ({
              attachments: [...s.attachments, { localId, name: file.name, previewUrl, status: 'uploading', info: null }],
              notice: null,
            }));
            try {
              const bytes = new Uint8Array(await file.arrayBuffer());
              const info = await bridge.putAttachment({ name: file.name, mime: file.type, bytes });
              if (info.kind === 'pdf') {
                const pdf = await startPdf(localId, file.name, bytes);
                patch(localId, (a) => ({ ...a, status: 'ready', info, pdf }));
              } else if (info.kind === 'video') {
                const clip = await startClip(localId, file);
                patch(localId, (a) => ({ ...a, status: 'ready', info, clip }));
                if (!clip.error) void get().sampleClip(localId);
              } else {
                // The host decoded it; HEIC it can read but the window cannot show: no preview, a named placeholder.
                const displayable = !/^image\/hei[cf]$/.test(info.mime);
                patch(localId, (a) => ({
                  ...a,
                  status: 'ready',
                  info,
                  previewUrl: a.previewUrl || (displayable ? URL.createObjectURL(file) : ''),
                }));
                // Read despite damage (a truncated download): say so, since what is sent may be cut short.
                if (info.notice) refused.push(info.noticeText ?? info.notice);
              }
            } catch (e) {
              drop(localId);
              refused.push(failureText(e));
            }
          }),
        );
        if (refused.length) set({ notice: joinNotices(refused) });
      },
      removeAttachment: (localId) => drop(localId),
      // Preview URLs are not revoked here: the sent turn keeps showing them.
      clearComposer: () => {
        for (const a of get().attachments) {
          closePdfDoc(a.localId);
          closeClip(a.localId);
        }
        set({ prompt: '', attachments: [], notice: null });
      },
      dismissNotice: () => set({ notice: null }),
      async unlockPdf(localId, password) {
        const a = get().attachments.find((x) => x.localId === localId);
        if (!a) return false;
        const pdf = await unlockPdf(localId, a.name, password);
        patch(localId, (x) => ({ ...x, pdf }));
        return pdf.locked === null;
      },
      setPdfPick(localId, p) {
        patch(localId, (a) => (a.pdf ? { ...a, pdf: { ...a.pdf, ...p } } : a));
        void refreshTexts(localId);
      },
      setClip(localId, p) {
        patch(localId, (a) => (a.clip ? { ...a, clip: { ...a.clip, ...p } } : a));
      },
      async sampleClip(localId) {
        const a = get().attachments.find((x) => x.localId === localId);
        if (!a?.clip || !a.info) return;
        clipAborts.get(localId)?.abort();
        const ctrl = new AbortController();
        clipAborts.set(localId, ctrl);
        for (const f of a.clip.frames) URL.revokeObjectURL(f.previewUrl);
        patch(localId, (x) => ({ ...x, clip: { ...x.clip!, frames: [], error: null } }));
        await sampleClip(
          localId,
          a.name,
          a.clip,
          ctrl.signal,
          (clip) => {
            if (!ctrl.signal.aborted) patch(localId, (x) => (x.clip ? { ...x, clip: { ...x.clip, ...clip } } : x));
          },
          bridge,
        );
        if (clipAborts.get(localId) === ctrl) clipAborts.delete(localId);
      },
      async prepareAttachments() {
        const s = get();
        if (s.preparing) return null;
        // Over the model's context nothing is rendered or sent: the person is told what to pick instead.
        const refusal = contextRefusal(s);
        if (refusal) {
          set({ notice: refusal });
          return null;
        }
        try {
          return await prepareSend(
            s.attachments,
            { budget: s.budget, modelTakesVideo: providerTakesVideo(s), store: bridge },
            (what) => set({ preparing: what }),
          );
        } catch (e) {
          set({ notice: failureText(e) });
          return null;
        } finally {
          set({ preparing: null });
        }
      },
    };
  };
