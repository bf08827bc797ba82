/**
 * Prepares an image for upload: decoded by sharp (libvips), turned upright from EXIF, resized to the visual-token
 * budget at multiples of 28 px, re-encoded as JPEG. The original stays on disk for display and boxes.
 */
import sharp from 'sharp';
import { fitToBudget } from '../../../shared/media/budget.ts';
import { BadInputError } from '../bad-input.ts';

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
    const meta = await sharp(bytes, { pages: 1 }).metadata();
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
    const out = await sharp(bytes, { pages: 1 })
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
