/**
 * `glimpse ask --boxes-out FILE.png`: the image with the answer's boxes drawn on it (sharp composites an SVG
 * overlay), so a grounding answer can be checked without the app. Boxes on several images give one file each.
 */
import { extname } from 'node:path';
import { toPixels } from '../../shared/grounding/coords.ts';
import { boxColour } from '../../shared/grounding/palette.ts';
import type { Box } from '../../shared/engine/types.ts';

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The SVG overlay for one image: numbered boxes (points as rings) in image pixels. */
export function overlaySvg(boxes: { box: Box; n: number }[], width: number, height: number): string {
  const stroke = Math.max(2, Math.round(Math.min(width, height) / 300));
  const font = Math.max(12, Math.round(Math.min(width, height) / 40));
  const shapes = boxes.map(({ box, n }) => {
    const c = boxColour(n);
    const p = toPixels(box, width, height);
    const tag = escapeXml(box.label ? `${n} ${box.label}` : String(n));
    const tagW = Math.round(font * 0.62 * tag.length + font * 0.6);
    const point = box.kind === 'point';
    // A box's tag sits on its top edge (inside when there is no room above); a point's to its right.
    const tx = Math.min(Math.max(0, point ? p.x1 + stroke * 6 : p.x1), Math.max(0, width - tagW));
    const ty = point
      ? Math.min(Math.max(0, p.y1 - (font + 4) / 2), height - font - 4)
      : p.y1 >= font + 4
        ? p.y1 - font - 4
        : Math.min(p.y1 + stroke, height - font - 4);
    const shape = point
      ? `<circle cx="${p.x1}" cy="${p.y1}" r="${stroke * 4}" fill="none" stroke="${c}" stroke-width="${stroke}"/><circle cx="${p.x1}" cy="${p.y1}" r="${stroke}" fill="${c}"/>`
      : `<rect x="${p.x1 + stroke / 2}" y="${p.y1 + stroke / 2}" width="${Math.max(1, p.x2 - p.x1 - stroke)}" height="${Math.max(1, p.y2 - p.y1 - stroke)}" fill="none" stroke="${c}" stroke-width="${stroke}"/>`;
    return `${shape}<rect x="${tx}" y="${ty}" width="${tagW}" height="${font + 4}" fill="${c}"/><text x="${tx + font * 0.3}" y="${ty + font}" font-family="sans-serif" font-size="${font}" fill="#fff">${tag}</text>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${shapes.join('')}</svg>`;
}

/** FILE.png for the first image with boxes, FILE-image2.png for boxes on the second, and so on. */
export function outputPath(file: string, imageIndex: number, first: boolean): string {
  if (first) return file;
  const ext = extname(file);
  return `${file.slice(0, file.length - ext.length)}-image${imageIndex + 1}${ext}`;
}

/**
 * Draws `boxes` on the images they belong to and writes them; returns the paths written. A box with no image
 * (there were none) is skipped. The format follows the file's extension (png, jpg, webp...).
 */
export async function writeBoxesOut(file: string, boxes: readonly Box[], images: readonly Uint8Array[]): Promise<string[]> {
  // Only `--boxes-out` needs libvips: loading it here keeps it off every other command's start-up.
  const { default: sharp } = await import('sharp');
  const byImage = new Map<number, { box: Box; n: number }[]>();
  boxes.forEach((box, i) => {
    if (box.image === null || box.image >= images.length) return;
    byImage.set(box.image, [...(byImage.get(box.image) ?? []), { box, n: i + 1 }]);
  });
  const written: string[] = [];
  for (const [index, list] of [...byImage].sort((a, b) => a[0] - b[0])) {
    // Upright first: the model saw the EXIF-rotated image, so its coordinates are in that frame.
    const { data, info } = await sharp(images[index], { pages: 1, limitInputPixels: 1e9 })
      .rotate()
      .toBuffer({ resolveWithObject: true });
    const path = outputPath(file, index, written.length === 0);
    await sharp(data)
      .composite([{ input: Buffer.from(overlaySvg(list, info.width, info.height)), top: 0, left: 0 }])
      .toFile(path);
    written.push(path);
  }
  return written;
}
