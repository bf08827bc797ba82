/** What a reference sent to the model stands for, from where it came from (see {@link SentMediaKind}). */
import type { AttachmentRef } from '../bridge/chat.ts';
import type { AttachmentKind } from '../bridge/attachments.ts';
import type { SentMediaKind } from '../bridge/sessions.ts';

/**
 * A ref with a page source is a rendered PDF page, one with a time a sampled frame; otherwise the stored file's
 * own kind decides: a video sent as is went whole, anything else is an image.
 */
export function sentKindOf(ref: Pick<AttachmentRef, 'source'>, fileKind: AttachmentKind): SentMediaKind {
  if (ref.source?.page != null) return 'page';
  if (ref.source?.timeMs != null) return 'frame';
  return fileKind === 'video' ? 'video' : 'image';
}

/**
 * The best reading of a message stored before its kinds were recorded: its label says page or frame (every
 * page and frame was sent with one), a stored video went whole, and the rest were images.
 */
export function legacySentKind(label: string | null, fileKind: AttachmentKind): SentMediaKind {
  if (label && /^page\s+\d+\b/i.test(label)) return 'page';
  if (label && /^frame\s+\d+\b/i.test(label)) return 'frame';
  return fileKind === 'video' ? 'video' : 'image';
}
