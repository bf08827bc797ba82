/**
 * Prepares an image for upload: decoded by sharp (libvips; BMP through Skia), turned upright from EXIF, first
 * frame only for GIF/animated WebP, resized to the visual-token budget at multiples of 28 px, re-encoded as JPEG.
 * The original stays on disk for display and boxes.
 */
import type { Sharp } from 'sharp';
import { fitToBudget } from '../../../shared/media/budget.ts';
import { BadInputError } from '../bad-input.ts';
import { decodeBmp } from './bmp-decode.ts';

const isBmp = (b: Uint8Array) => b[0] === 0x42 && b[1] === 0x4d;

/** Loaded on first use, as pdf-render.ts loads pdf.js: a text-only `glimpse ask` or `glimpse usage` skips libvips' ~45 ms start. */
let sharpPromise: Promise<typeof import('sharp')> | null = null;
const loadSharp = async () => (await (sharpPromise ??= import('sharp'))).default;

/** A sharp pipeline over the image's first frame, whatever format it is in. */
async function open(bytes: Uint8Array): Promise<Sharp> {
  if (isBmp(bytes)) {
    const raw = await decodeBmp(bytes);
    const sharp = await loadSharp();
    return sharp(raw.data, { raw: { width: raw.width, height: raw.height, channels: 4 } });
  }
  // pages: 1 is the first frame of a GIF or animated WebP; a huge scan is still decoded (no pixel limit surprise).
  const sharp = await loadSharp();
  return sharp(bytes, { pages: 1, limitInputPixels: 1e9 });
}

export interface PreparedImage {
  dataUrl: string;
  width: number;
  height: number;
  tokens: number;
  bytes: number;
}

export interface ImageSize {
  width: number;
  height: number;
}

/** Upright dimensions of an image (EXIF orientations 5-8 swap width and height). */
export async function imageSize(bytes: Uint8Array): Promise<ImageSize> {
  try {
    const meta = await (await open(bytes)).metadata();
    if (!meta.width || !meta.height) throw new Error('no dimensions');
    const swap = (meta.orientation ?? 1) >= 5;
    return swap ? { width: meta.height, height: meta.width } : { width: meta.width, height: meta.height };
  } catch {
    throw new BadInputError('This image could not be read: the file is damaged or not an image.');
  }
}

export async function prepareImage(bytes: Uint8Array, budget: number): Promise<PreparedImage> {
  const { width, height } = await imageSize(bytes);
  const fit = fitToBudget(width, height, budget);
  try {
    const out = await (await open(bytes))
      .rotate()
      .resize(fit.width, fit.height, { fit: 'fill' })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 88, mozjpeg: true })
      .toBuffer();
    return {
      dataUrl: `data:image/jpeg;base64,${out.toString('base64')}`,
      width: fit.width,
      height: fit.height,
      tokens: fit.tokens,
      bytes: out.length,
    };
  } catch {
    throw new BadInputError('This image could not be decoded: the file is damaged.');
  }
}
