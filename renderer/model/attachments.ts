/** What the composer holds per attached file, beyond the stored original: a PDF's picked pages, a clip's frames. */
import type { AttachmentInfo } from '../../shared/bridge/attachments.ts';
import type { FramePlan, TimeRange } from '../../shared/media/frames.ts';
import type { HostMessage } from '../../shared/messages/messages.ts';

export interface PdfPick {
  pageCount: number;
  /** Page sizes in points, index 0 = page 1. */
  sizes: { width: number; height: number }[];
  /** Picked pages, 1-based, ascending. */
  pages: number[];
  /** Send each page's text layer after its image. */
  withText: boolean;
  /** Text layers extracted so far, by page (only while `withText` is on). */
  texts: Record<number, string>;
  /** Waiting for a password (`wrong-password` after a failed try). */
  locked: 'password' | 'wrong-password' | null;
}

/** A sampled frame, stored by the host as a derived image. */
export interface ClipFrame {
  time: number;
  id: string;
  previewUrl: string;
  width: number;
  height: number;
}

export interface ClipState {
  duration: number;
  width: number;
  height: number;
  /** Frames sampled in the window, or the clip itself where the provider takes video. */
  send: 'frames' | 'native';
  plan: FramePlan;
  range: TimeRange;
  frames: ClipFrame[];
  /** Progress while sampling. */
  sampling: { done: number; total: number } | null;
  /** Why frames cannot be taken (a codec this window cannot decode), or why sampling failed: said in the window's language. */
  error: HostMessage | null;
}

/** A file in the composer: shown at once from a local URL, usable once the host has stored it. */
export interface PendingAttachment {
  localId: string;
  name: string;
  /** Object URL of the file (image, clip) or of a first-page/first-frame picture; '' until there is one. */
  previewUrl: string;
  status: 'uploading' | 'ready';
  info: AttachmentInfo | null;
  pdf?: PdfPick;
  clip?: ClipState;
}
