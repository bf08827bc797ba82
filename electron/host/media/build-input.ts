/**
 * Turns a request's attachment refs into the user message's content parts: each image sized to the budget with
 * its label as text just before it (so the model and the grounding overlay can tell "page 3" from "frame 3 at
 * 00:12.4") and any extra text (a page's text layer) just after; a clip as `video_url` where the model takes
 * video. Also collects exactly what is sent, for the estimate.
 */
import type { AttachmentRef } from '../../../shared/bridge/chat.ts';
import type { ContentPart } from '../../../shared/engine/request-body.ts';
import { refTexts } from '../../../shared/media/estimate.ts';
import { nativeVideoRefusal } from '../../../shared/media/video.ts';
import type { AttachmentStore } from '../attachment-store.ts';
import { BadInputError } from '../bad-input.ts';
import { type PreparedImage, prepareImage } from './image-prep.ts';
import { hostMessage } from '../../../shared/messages/messages.ts';

export interface BuiltParts {
  parts: ContentPart[];
  /** Pixel sizes of the images as sent. */
  images: { width: number; height: number }[];
  /** Labels and extra texts as sent. */
  texts: string[];
}

export async function buildAttachmentParts(
  refs: readonly AttachmentRef[],
  store: AttachmentStore,
  opts: { budget: number; modelTakesVideo: boolean; prepared?: ReadonlyMap<string, PreparedImage> },
): Promise<BuiltParts> {
  const out: BuiltParts = { parts: [], images: [], texts: [] };
  // Every image is handed to the decode pool at once, so its children work on a batch in parallel; the parts are
  // still put together in order, and the first failure in that order is the one reported.
  const prepared = new Map<string, Promise<PreparedImage>>();
  for (const ref of refs) {
    const info = store.info(ref.id);
    if (info?.kind !== 'image' || prepared.has(ref.id)) continue;
    const ready = opts.prepared?.get(ref.id);
    if (ready) {
      prepared.set(ref.id, Promise.resolve(ready));
      continue;
    }
    // By path: the decode child reads the stored file itself, the host never holds it.
    const p = prepareImage({ path: store.pathOf(ref.id) }, opts.budget, info.name);
    p.catch(() => {}); // awaited below in order; a later one may never be awaited once an earlier one failed
    prepared.set(ref.id, p);
  }
  for (const ref of refs) {
    const info = store.info(ref.id);
    if (!info) throw new BadInputError(hostMessage('file.gone'));
    const { before, after } = refTexts(ref);
    if (before) {
      out.parts.push({ type: 'text', text: before });
      out.texts.push(before);
    }
    if (info.kind === 'image') {
      const img = await prepared.get(ref.id)!;
      out.parts.push({ type: 'image_url', image_url: { url: img.dataUrl } });
      out.images.push({ width: img.width, height: img.height });
    } else if (info.kind === 'video') {
      const refusal = nativeVideoRefusal({
        name: info.name,
        modelTakesVideo: opts.modelTakesVideo,
        mime: info.mime,
        size: info.size,
      });
      if (refusal) throw new BadInputError(refusal);
      // Z.AI takes base64 data URLs for video_url as well as http(s) ones (docs/providers.md, Media).
      const b64 = Buffer.from(store.read(ref.id).bytes).toString('base64');
      out.parts.push({ type: 'video_url', video_url: { url: `data:${info.mime};base64,${b64}` } });
    } else {
      throw new BadInputError(hostMessage('file.pdf-pick-pages', { name: info.name }));
    }
    if (after) {
      out.parts.push({ type: 'text', text: after });
      out.texts.push(after);
    }
  }
  return out;
}
