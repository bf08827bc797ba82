/**
 * Crops a box's region out of its image at full resolution (a canvas over the stored original, which is a
 * same-origin blob: URL, so the canvas is not tainted). A point crops a square around it.
 */
import { toPixels } from '../../../shared/grounding/coords.ts';
import { loadImage } from './image-size.ts';
import type { ShownBox } from './use-grounding.ts';

export async function cropBox(src: string, box: ShownBox): Promise<Blob> {
  const img = await loadImage(src);
  const W = img.naturalWidth;
  const H = img.naturalHeight;
  let { x1, y1, x2, y2 } = toPixels(box, W, H);
  if (box.kind === 'point') {
    const half = Math.max(16, Math.round(Math.min(W, H) * 0.05));
    [x1, y1, x2, y2] = [x1 - half, y1 - half, x1 + half, y1 + half].map((v, i) => Math.max(0, Math.min(i % 2 ? H : W, v)));
  }
  const w = Math.max(1, x2 - x1);
  const h = Math.max(1, y2 - y1);
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  canvas.getContext('2d')!.drawImage(img, x1, y1, w, h, 0, 0, w, h);
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The crop could not be encoded.'))), 'image/png'),
  );
}

/** A file name for a crop: the image's name, the box's number and label. */
export function cropName(imageName: string | undefined, box: ShownBox): string {
  const stem = (imageName ?? 'image')
    .replace(/\.[a-z0-9]+$/i, '')
    .replace(/[^\p{L}\p{N}._ -]+/gu, '-')
    .slice(0, 60);
  const label = box.label ? `-${box.label.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 30)}` : '';
  return `${stem}-box${box.n}${label}.png`;
}

/** Offers a blob as a download (the browser's or Electron's save flow). */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked after the download has taken the data; revoking at once can cancel it in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
