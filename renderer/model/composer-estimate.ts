/**
 * What the composer's request will cost, from exactly what it will send: each image at the budget's size,
 * each picked PDF page at its rendered size, each sampled frame, plus the prompt, the history and the labels
 * (shared/media/estimate.ts, the same function the host uses when it sends).
 */
import type { AttachmentRef } from '../../shared/bridge/chat.ts';
import { fitToBudget } from '../../shared/media/budget.ts';
import { estimatePrompt, refTexts } from '../../shared/media/estimate.ts';
import { frameLabel } from '../../shared/media/frames.ts';
import { pageFit, pageLabel } from '../../shared/media/pages.ts';
import type { Estimate } from '../../shared/engine/types.ts';
import type { Price } from '../../shared/providers/catalog.ts';
import type { PendingAttachment } from './attachments.ts';

export interface ComposerEstimate extends Estimate {
  images: number;
  imageTokens: number;
  /** A clip goes natively: the provider counts its tokens, so the figure leaves it out. */
  nativeClip: boolean;
}

/** Sizes and labels of what one attachment sends, mirroring renderer/features/attachments/prepare-send.ts. */
export function sentParts(
  a: PendingAttachment,
  budget: number,
): { images: { width: number; height: number }[]; refs: Pick<AttachmentRef, 'label' | 'text'>[] } {
  const info = a.info;
  if (a.status !== 'ready' || !info) return { images: [], refs: [] };
  if (info.kind === 'image' && info.width && info.height)
    return { images: [fitToBudget(info.width, info.height, budget)], refs: [{}] };
  if (info.kind === 'pdf' && a.pdf && !a.pdf.locked) {
    const pdf = a.pdf;
    return {
      images: pdf.pages.map((n) => pageFit(pdf.sizes[n - 1].width, pdf.sizes[n - 1].height, budget)),
      refs: pdf.pages.map((n) => ({ label: pageLabel(n), text: pdf.withText ? pdf.texts[n] : undefined })),
    };
  }
  if (info.kind === 'video' && a.clip && a.clip.send === 'frames') {
    return {
      images: a.clip.frames.map((f) => fitToBudget(f.width, f.height, budget)),
      refs: a.clip.frames.map((f, i) => ({ label: frameLabel(i, f.time) })),
    };
  }
  return { images: [], refs: [] };
}

export function composerEstimate(
  attachments: readonly PendingAttachment[],
  budget: number,
  texts: readonly string[],
  price: Price | null,
): ComposerEstimate {
  const images: { width: number; height: number }[] = [];
  const all = [...texts];
  for (const a of attachments) {
    const p = sentParts(a, budget);
    images.push(...p.images);
    for (const r of p.refs) {
      const t = refTexts(r);
      if (t.before) all.push(t.before);
      if (t.after) all.push(t.after);
    }
  }
  const e = estimatePrompt({ images, texts: all }, price);
  const imageTokens = estimatePrompt({ images, texts: [] }, null).prompt_tokens;
  return { ...e, images: images.length, imageTokens, nativeClip: attachments.some((a) => a.clip?.send === 'native') };
}
