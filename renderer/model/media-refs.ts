/**
 * What one attached file sends and how its turn shows it, pure: the rendering and storing of pages and the
 * sampling of frames happen in the window (renderer/features/attachments); these make the refs and the turn's
 * images from what that produced, so every image carries its label, its kind and its stored id.
 */
import type { AttachmentRef } from '../../shared/bridge/chat.ts';
import { frameRef } from '../../shared/media/frames.ts';
import { pageRef } from '../../shared/media/pages.ts';
import { nativeVideoRefusal } from '../../shared/media/video.ts';
import { type HostMessage, hostMessage } from '../../shared/messages/messages.ts';
import type { TurnImage } from './turn.ts';

export interface SentMedia {
  refs: AttachmentRef[];
  /** What the sent turn shows. */
  images: TurnImage[];
}

interface Pixels {
  previewUrl: string;
  width: number | null;
  height: number | null;
}

/** A stored image sent as it is. */
export function plainImage(id: string, name: string, px: Pixels): SentMedia {
  return { refs: [{ id }], images: [{ name, ...px, attachmentId: id, label: null, kind: 'image' }] };
}

/** One rendered page of a stored PDF. */
export function pdfPage(pdf: { id: string; name: string }, page: number, imageId: string, px: Pixels, text = ''): SentMedia {
  const ref = pageRef(page, imageId, pdf.id, text);
  return {
    refs: [ref],
    images: [{ name: `${pdf.name} · ${ref.label}`, ...px, attachmentId: imageId, label: ref.label!, kind: 'page' }],
  };
}

/** One sampled frame of a stored clip (`index` 0-based, `seconds` into the clip). */
export function clipFrame(
  clip: { id: string; name: string },
  index: number,
  seconds: number,
  imageId: string,
  px: Pixels,
): SentMedia {
  const ref = frameRef(index, seconds, imageId, clip.id);
  return {
    refs: [ref],
    images: [{ name: `${clip.name} · ${ref.label}`, ...px, attachmentId: imageId, label: ref.label!, kind: 'frame' }],
  };
}

/** A clip sent whole as video; its poster frame (when there is one) shows in the turn but is no image to the model. */
export function wholeClip(clip: { id: string; name: string }, poster: Pixels | null): SentMedia {
  return {
    refs: [{ id: clip.id }],
    images: poster ? [{ name: `${clip.name} (clip)`, ...poster, attachmentId: clip.id, label: null, kind: 'video' }] : [],
  };
}

/** Why a PDF cannot be sent as picked, or null. */
export function pdfRefusal(name: string, pick: { locked: unknown; pages: readonly number[] }): HostMessage | null {
  if (pick.locked) return hostMessage('send.pdf-locked', { name });
  if (pick.pages.length === 0) return hostMessage('send.pdf-no-pages', { name });
  return null;
}

/** Why a clip cannot be sent as set up, or null. */
export function clipRefusal(
  clip: { name: string; mime: string; size: number },
  state: { send: 'frames' | 'native'; sampling: unknown; error: HostMessage | string | null; frames: readonly unknown[] },
  modelTakesVideo: boolean,
): HostMessage | string | null {
  if (state.send === 'native') {
    return nativeVideoRefusal({ name: clip.name, modelTakesVideo, mime: clip.mime, size: clip.size });
  }
  if (state.sampling) return hostMessage('send.clip-sampling', { name: clip.name });
  if (state.error) return state.error;
  if (state.frames.length === 0) return hostMessage('send.clip-no-frames', { name: clip.name });
  return null;
}

/** The media of several files in order, as one. */
export function joinMedia(parts: readonly SentMedia[]): SentMedia {
  return { refs: parts.flatMap((p) => p.refs), images: parts.flatMap((p) => p.images) };
}
