/**
 * Prepares an image for upload: decoded in the decode child (decode-pool.ts), turned upright from EXIF, first
 * frame only for GIF/animated WebP, resized to the visual-token budget at multiples of 28 px, re-encoded as JPEG.
 * The original stays on disk for display and boxes. Every refusal names the file, so with several images a
 * person sees which one is bad.
 */
import { BadInputError } from '../bad-input.ts';
import { DecodeFailure, decoder } from './decode-pool.ts';
import type { OcrPrepared } from './image-decode.ts';
import type { PdfOcrPage, PdfOcrPageRequest } from './pdf-ocr-page.ts';
import { hostMessage } from '../../../shared/messages/messages.ts';
import { NOT_AN_IMAGE } from './image-decode.ts';

export interface PreparedImage {
  dataUrl: string;
  width: number;
  height: number;
  tokens: number;
  bytes: number;
  /** Why the file counts as damaged although what could be read is sent, else null. */
  damaged: string | null;
  /** The original's upright size. */
  source: { width: number; height: number };
}

export interface ImageSize {
  width: number;
  height: number;
  damaged: string | null;
}

function refusal(e: unknown, name: string | undefined): Error {
  if (!(e instanceof DecodeFailure)) return e as Error;
  if (!name) return new BadInputError(hostMessage('image.unreadable-unnamed', { reason: e.message }));
  // The decoder's commonest refusal has its own code; the rarer ones keep the decoder's English reason.
  return new BadInputError(
    e.message === NOT_AN_IMAGE
      ? hostMessage('image.damaged', { name })
      : hostMessage('image.unreadable', { name, reason: e.message }),
  );
}

/** Upright dimensions of an image (EXIF orientations 5-8 swap width and height), and whether it is damaged. */
export async function imageSize(image: Uint8Array | { path: string }, name?: string): Promise<ImageSize> {
  try {
    return await decoder.probe(image);
  } catch (e) {
    throw refusal(e, name);
  }
}

export async function prepareImage(image: Uint8Array | { path: string }, budget: number, name?: string): Promise<PreparedImage> {
  try {
    const out = await decoder.prepare(image, budget);
    return {
      dataUrl: `data:image/jpeg;base64,${Buffer.from(out.jpeg.buffer, out.jpeg.byteOffset, out.jpeg.byteLength).toString('base64')}`,
      width: out.width,
      height: out.height,
      tokens: out.tokens,
      bytes: out.jpeg.byteLength,
      damaged: out.damaged,
      source: out.source,
    };
  } catch (e) {
    throw refusal(e, name);
  }
}

/** The image as Local OCR reads it (upright, grey, scaled down only when huge); refusals as for every provider. */
export async function imageForOcr(image: Uint8Array | { path: string }, name?: string): Promise<OcrPrepared> {
  try {
    return await decoder.prepareForOcr(image);
  } catch (e) {
    throw refusal(e, name);
  }
}

/**
 * A page of a stored PDF for Local OCR, drawn in the decode child: its text layer when it has one, else the page
 * at `dpi`. A damaged file is refused with its name; a page that makes the renderer crash is named too.
 */
export async function pdfPageForOcr(req: PdfOcrPageRequest): Promise<PdfOcrPage> {
  try {
    return await decoder.pdfPageForOcr(req);
  } catch (e) {
    if (e instanceof DecodeFailure)
      throw new BadInputError(e.reason === 'refused' ? e.message : `${req.name}: page ${req.page} ${e.message}.`);
    throw e;
  }
}
