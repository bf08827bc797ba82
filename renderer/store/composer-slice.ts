import type { StateCreator } from 'zustand';
import type { AttachmentInfo } from '../../shared/bridge/attachments.ts';
import { DEFAULT_BUDGET } from '../../shared/media/budget.ts';
import { bridge } from '../bridge/bridge.ts';
import { failureMessage } from '../bridge/bridge-error.ts';
import type { State } from './index.ts';

/** A file in the composer: shown at once from a local URL, usable once the host has stored it. */
export interface PendingAttachment {
  localId: string;
  name: string;
  previewUrl: string;
  status: 'uploading' | 'ready';
  info: AttachmentInfo | null;
}

export interface ComposerSlice {
  prompt: string;
  attachments: PendingAttachment[];
  /** A message about the last thing attached (a refused file), shown inline in the composer. */
  notice: string | null;
  budget: number;
  setPrompt(prompt: string): void;
  addFiles(files: File[]): Promise<void>;
  removeAttachment(localId: string): void;
  clearComposer(): void;
  dismissNotice(): void;
}

let seq = 0;

export const createComposerSlice: StateCreator<State, [], [], ComposerSlice> = (set, get) => ({
  prompt: '',
  attachments: [],
  notice: null,
  budget: DEFAULT_BUDGET,
  setPrompt: (prompt) => set({ prompt }),
  async addFiles(files) {
    const refused: string[] = [];
    await Promise.all(
      files.map(async (file) => {
        const localId = `a${++seq}`;
        const previewUrl = URL.createObjectURL(file);
        set((s) => ({ attachments: [...s.attachments, { localId, name: file.name, previewUrl, status: 'uploading', info: null }], notice: null }));
        try {
          const info = await bridge.putAttachment({ name: file.name, mime: file.type, bytes: new Uint8Array(await file.arrayBuffer()) });
          if (info.kind !== 'image') throw new Error(`“${file.name}” is a ${info.kind.toUpperCase()}; this version of Glimpse sends images only.`);
          set((s) => ({ attachments: s.attachments.map((a) => (a.localId === localId ? { ...a, status: 'ready', info } : a)) }));
        } catch (e) {
          URL.revokeObjectURL(previewUrl);
          set((s) => ({ attachments: s.attachments.filter((a) => a.localId !== localId) }));
          refused.push(failureMessage(e));
        }
      }),
    );
    if (refused.length) set({ notice: refused.join(' ') });
  },
  removeAttachment(localId) {
    const a = get().attachments.find((x) => x.localId === localId);
    if (a) URL.revokeObjectURL(a.previewUrl);
    set((s) => ({ attachments: s.attachments.filter((x) => x.localId !== localId) }));
  },
  // Preview URLs are not revoked here: the sent turn keeps showing them.
  clearComposer: () => set({ prompt: '', attachments: [], notice: null }),
  dismissNotice: () => set({ notice: null }),
});
