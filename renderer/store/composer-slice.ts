import type { StateCreator } from 'zustand';
import { clampBudget, DEFAULT_BUDGET } from '../../shared/media/budget.ts';
import { bridge } from '../bridge/bridge.ts';
import { failureMessage } from '../bridge/bridge-error.ts';
import type { ClipState, PendingAttachment, PdfPick } from '../features/attachments/attachment-types.ts';
import { closeClip, sampleClip, startClip } from '../features/attachments/clip-actions.ts';
import { closePdfDoc } from '../features/attachments/pdf-engine.ts';
import { extractTexts, startPdf, unlockPdf } from '../features/attachments/pdf-actions.ts';
import { prepareSend, type PreparedMedia } from '../features/attachments/prepare-send.ts';
import { providerTakesVideo } from '../features/attachments/provider-media.ts';
import { contextRefusal } from '../features/composer/context-warning.ts';
import type { State } from './index.ts';

export type { PendingAttachment } from '../features/attachments/attachment-types.ts';

export interface ComposerSlice {
  prompt: string;
  attachments: PendingAttachment[];
  /** A message about the last thing attached (a refused file), shown inline in the composer. */
  notice: string | null;
  /** Visual tokens per image (256..16,384), remembered across launches. */
  budget: number;
  /** What is being done before a send (rendering pages, uploading them), or null. */
  preparing: string | null;
  setPrompt(prompt: string): void;
  setBudget(budget: number): void;
  addFiles(files: File[]): Promise<void>;
  removeAttachment(localId: string): void;
  clearComposer(): void;
  dismissNotice(): void;
  /** Opens a password-protected PDF; resolves false when the password is wrong. */
  unlockPdf(localId: string, password: string): Promise<boolean>;
  setPdfPick(localId: string, patch: Partial<Pick<PdfPick, 'pages' | 'withText'>>): void;
  setClip(localId: string, patch: Partial<Pick<ClipState, 'send' | 'plan' | 'range'>>): void;
  /** (Re)samples a clip's frames with its current plan and range. */
  sampleClip(localId: string): Promise<void>;
  /** Renders and stores what the attachments send; null (and a notice) when something cannot be sent. */
  prepareAttachments(): Promise<PreparedMedia | null>;
}

const BUDGET_KEY = 'glimpse.budget';
const savedBudget = () => {
  try {
    const n = Number(localStorage.getItem(BUDGET_KEY));
    return n ? clampBudget(n) : DEFAULT_BUDGET;
  } catch {
    return DEFAULT_BUDGET;
  }
};

let seq = 0;
const clipAborts = new Map<string, AbortController>();

export const createComposerSlice: StateCreator<State, [], [], ComposerSlice> = (set, get) => {
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
    budget: savedBudget(),
    preparing: null,
    setPrompt: (prompt) => set({ prompt }),
    setBudget(budget) {
      const b = clampBudget(budget);
      set({ budget: b });
      try {
        localStorage.setItem(BUDGET_KEY, String(b));
      } catch {
        // Private windows may refuse storage; the budget still applies to this session.
      }
    },
    async addFiles(files) {
      const refused: string[] = [];
      await Promise.all(
        files.map(async (file) => {
          const localId = `a${++seq}`;
          const isImage = file.type.startsWith('image/');
          const previewUrl = isImage ? URL.createObjectURL(file) : '';
          set((s) => ({ attachments: [...s.attachments, { localId, name: file.name, previewUrl, status: 'uploading', info: null }], notice: null }));
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
              // The host decoded it; a preview the browser cannot show (BMP is fine, but be safe) still sends.
              patch(localId, (a) => ({ ...a, status: 'ready', info, previewUrl: a.previewUrl || URL.createObjectURL(file) }));
            }
          } catch (e) {
            drop(localId);
            refused.push(failureMessage(e));
          }
        }),
      );
      if (refused.length) set({ notice: refused.join(' ') });
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
      await sampleClip(localId, a.name, a.clip, ctrl.signal, (clip) => {
        if (!ctrl.signal.aborted) patch(localId, (x) => (x.clip ? { ...x, clip: { ...x.clip, ...clip } } : x));
      });
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
        return await prepareSend(s.attachments, { budget: s.budget, modelTakesVideo: providerTakesVideo(s) }, (what) => set({ preparing: what }));
      } catch (e) {
        set({ notice: failureMessage(e) });
        return null;
      } finally {
        set({ preparing: null });
      }
    },
  };
};
