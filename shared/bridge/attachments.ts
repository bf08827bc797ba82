/** Kinds of file a person can attach. */
import type { HostMessage } from '../messages/messages.ts';

export type AttachmentKind = 'image' | 'pdf' | 'video';

/** An attachment stored by the host, content-addressed by the SHA-256 of its bytes. */
export interface AttachmentInfo {
  id: string;
  name: string;
  mime: string;
  kind: AttachmentKind;
  size: number;
  width: number | null;
  height: number | null;
  /** Set on the answer to an upload when the file was read despite damage: what the person should be told. */
  notice?: string;
  /** The same notice as a message code, for the window to say in its language. */
  noticeText?: HostMessage;
}

export interface AttachmentUpload {
  name: string;
  mime: string;
  bytes: Uint8Array;
}

export interface AttachmentApi {
  /** Stores the bytes (once per content) and returns what was stored; refuses what is not a readable image/PDF/video. */
  putAttachment(upload: AttachmentUpload): Promise<AttachmentInfo>;
  /** The original bytes, for display and for drawing boxes. */
  getAttachment(id: string): Promise<AttachmentUpload>;
}

export const attachmentMethods = ['putAttachment', 'getAttachment'] as const;
