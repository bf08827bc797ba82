/**
 * Where a snip stands, shared by what starts one (the Snip button, the desktop app's shortcut, tray and menu) and
 * the overlay that crops it: the captured picture while the person selects, or the message of a refused capture.
 */
import { create } from 'zustand';
import type { SnipCapture } from '../../../shared/bridge/desktop.ts';
import { bridge } from '../../bridge/bridge.ts';
import { failureMessage } from '../../model/failure.ts';
import { CaptureError, captureDisplayFrame } from '../../platform/screen-capture.ts';

export interface SnipPicture {
  blob: Blob;
  url: string;
  width: number;
  height: number;
}

interface SnipState {
  picture: SnipPicture | null;
  error: string | null;
  capturing: boolean;
  show(blob: Blob, width: number, height: number): void;
  fail(message: string): void;
  close(): void;
  dismissError(): void;
}

export const useSnip = create<SnipState>((set, get) => ({
  picture: null,
  error: null,
  capturing: false,
  show(blob, width, height) {
    get().close();
    set({ picture: { blob, url: URL.createObjectURL(blob), width, height }, error: null, capturing: false });
  },
  fail: (message) => set({ error: message, capturing: false }),
  close() {
    const p = get().picture;
    if (p) URL.revokeObjectURL(p.url);
    set({ picture: null });
  },
  dismissError: () => set({ error: null }),
}));

/** The desktop app captures in its main process (and answers with a `snip` event); a browser asks the page. */
export const snipsOnHost = () => Boolean(bridge.onDesktopEvent);

export async function startSnip(): Promise<void> {
  const s = useSnip.getState();
  if (s.capturing || s.picture) return;
  useSnip.setState({ capturing: true, error: null });
  try {
    if (snipsOnHost()) {
      await bridge.startSnip();
      return;
    }
    const shot = await captureDisplayFrame();
    useSnip.getState().show(shot.blob, shot.width, shot.height);
  } catch (e) {
    useSnip.getState().fail(e instanceof CaptureError ? e.message : failureMessage(e));
  }
}

/** A capture the desktop app's main process sent. */
export function showHostCapture(c: SnipCapture): void {
  useSnip.getState().show(new Blob([c.png as Uint8Array<ArrayBuffer>], { type: 'image/png' }), c.width, c.height);
}
