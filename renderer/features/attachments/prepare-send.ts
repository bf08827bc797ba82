/**
 * Turns what is in the composer into what one request sends: stored images as they are, the picked pages of
 * each PDF rendered now at the budget's size and stored as derived images labelled "page N", each clip as its
 * sampled frames labelled "frame N at mm:ss.t" (or the clip itself where the provider takes video).
 */
import type { AttachmentRef } from '../../../shared/bridge/chat.ts';
import { frameLabel } from '../../../shared/media/frames.ts';
import { pageLabel } from '../../../shared/media/pages.ts';
import { nativeVideoRefusal } from '../../../shared/media/video.ts';
import { bridge } from '../../bridge/bridge.ts';
import type { TurnImage } from '../../store/conversation-slice.ts';
import type { PendingAttachment } from './attachment-types.ts';
import { pageText, renderPageForSending } from './pdf-engine.ts';

export interface PreparedMedia {
  refs: AttachmentRef[];
  /** What the sent turn shows. */
  images: TurnImage[];
}

export async function prepareSend(
  attachments: readonly PendingAttachment[],
  opts: { budget: number; modelTakesVideo: boolean },
  progress: (what: string) => void,
): Promise<PreparedMedia> {
  const out: PreparedMedia = { refs: [], images: [] };
  for (const a of attachments) {
    if (a.status !== 'ready' || !a.info) continue;
    const info = a.info;
    if (info.kind === 'image') {
      out.refs.push({ id: info.id });
      out.images.push({ name: a.name, previewUrl: a.previewUrl, width: info.width, height: info.height });
    } else if (info.kind === 'pdf' && a.pdf) {
      if (a.pdf.locked) throw new Error(`“${a.name}” needs its password before it can be sent.`);
      if (a.pdf.pages.length === 0) throw new Error(`No pages of “${a.name}” are picked: pick some, or remove it.`);
      const stem = a.name.replace(/\.pdf$/i, '');
      for (const [i, n] of a.pdf.pages.entries()) {
        progress(`Rendering page ${n} of “${a.name}” (${i + 1} of ${a.pdf.pages.length})…`);
        const page = await renderPageForSending(a.localId, n, opts.budget);
        const stored = await bridge.putAttachment({ name: `${stem} p${n}.png`, mime: 'image/png', bytes: new Uint8Array(await page.blob.arrayBuffer()) });
        const text = a.pdf.withText ? (a.pdf.texts[n] ?? (await pageText(a.localId, n))) : '';
        const label = pageLabel(n);
        out.refs.push({ id: stored.id, label, source: { attachmentId: info.id, page: n }, ...(text ? { text } : {}) });
        out.images.push({ name: `${a.name} · ${label}`, previewUrl: URL.createObjectURL(page.blob), width: page.width, height: page.height });
      }
    } else if (info.kind === 'video' && a.clip) {
      const clip = a.clip;
      if (clip.send === 'native') {
        const refusal = nativeVideoRefusal({ modelTakesVideo: opts.modelTakesVideo, mime: info.mime, size: info.size });
        if (refusal) throw new Error(`“${a.name}”: ${refusal}`);
        out.refs.push({ id: info.id });
        const poster = clip.frames[0];
        if (poster) out.images.push({ name: `${a.name} (clip)`, previewUrl: poster.previewUrl, width: clip.width, height: clip.height });
        continue;
      }
      if (clip.sampling) throw new Error(`Frames of “${a.name}” are still being sampled; send again in a moment.`);
      if (clip.error) throw new Error(clip.error);
      if (clip.frames.length === 0) throw new Error(`“${a.name}” has no sampled frames yet: press Sample frames.`);
      clip.frames.forEach((f, i) => {
        const label = frameLabel(i, f.time);
        out.refs.push({ id: f.id, label, source: { attachmentId: info.id, timeMs: Math.round(f.time * 1000) } });
        out.images.push({ name: `${a.name} · ${label}`, previewUrl: f.previewUrl, width: f.width, height: f.height });
      });
    }
  }
  return out;
}
