/**
 * Turns what is in the composer into what one request sends: stored images as they are, the picked pages of
 * each PDF rendered now at the budget's size and stored as derived images labelled "page N", each clip as its
 * sampled frames labelled "frame N at mm:ss.t" (or the clip itself where the provider takes video). The refs
 * and the turn's images are made by the model (renderer/model/media-refs.ts); this does the rendering and storing.
 */
import type { AttachmentApi } from '../../shared/bridge/attachments.ts';
import {
  clipFrame,
  clipRefusal,
  joinMedia,
  pdfPage,
  pdfRefusal,
  plainImage,
  wholeClip,
  type SentMedia,
} from '../model/media-refs.ts';
import type { PendingAttachment } from '../model/attachments.ts';
import { pageText, renderPageForSending } from './pdf-engine.ts';
import { type HostMessage, hostMessage } from '../../shared/messages/messages.ts';

/** A refusal as an error the store's failureText reads: the message code rides along as its summary. */
const refused = (m: HostMessage | string) =>
  typeof m === 'string' ? new Error(m) : Object.assign(new Error(m.message), { summary: m });

export type PreparedMedia = SentMedia;

export async function prepareSend(
  attachments: readonly PendingAttachment[],
  opts: { budget: number; modelTakesVideo: boolean; store: Pick<AttachmentApi, 'putAttachment'> },
  progress: (what: HostMessage) => void,
): Promise<PreparedMedia> {
  const parts: SentMedia[] = [];
  for (const a of attachments) {
    if (a.status !== 'ready' || !a.info) continue;
    const info = a.info;
    if (info.kind === 'image') {
      parts.push(plainImage(info.id, a.name, { previewUrl: a.previewUrl, width: info.width, height: info.height }));
    } else if (info.kind === 'pdf' && a.pdf) {
      const refusal = pdfRefusal(a.name, a.pdf);
      if (refusal) throw refused(refusal);
      const stem = a.name.replace(/\.pdf$/i, '');
      for (const [i, n] of a.pdf.pages.entries()) {
        progress(hostMessage('send.rendering-page', { page: n, name: a.name, n: i + 1, count: a.pdf.pages.length }));
        const page = await renderPageForSending(a.localId, n, opts.budget);
        const stored = await opts.store.putAttachment({
          name: `${stem} p${n}.png`,
          mime: 'image/png',
          bytes: new Uint8Array(await page.blob.arrayBuffer()),
        });
        const text = a.pdf.withText ? (a.pdf.texts[n] ?? (await pageText(a.localId, n))) : '';
        parts.push(
          pdfPage(
            { id: info.id, name: a.name },
            n,
            stored.id,
            { previewUrl: URL.createObjectURL(page.blob), width: page.width, height: page.height },
            text,
          ),
        );
      }
    } else if (info.kind === 'video' && a.clip) {
      const clip = a.clip;
      const refusal = clipRefusal({ name: a.name, mime: info.mime, size: info.size }, clip, opts.modelTakesVideo);
      if (refusal) throw refused(refusal);
      const ref = { id: info.id, name: a.name };
      if (clip.send === 'native') {
        const poster = clip.frames[0];
        parts.push(wholeClip(ref, poster ? { previewUrl: poster.previewUrl, width: clip.width, height: clip.height } : null));
        continue;
      }
      clip.frames.forEach((f, i) => {
        parts.push(clipFrame(ref, i, f.time, f.id, { previewUrl: f.previewUrl, width: f.width, height: f.height }));
      });
    }
  }
  return joinMedia(parts);
}
