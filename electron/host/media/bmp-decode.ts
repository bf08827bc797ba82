/**
 * BMP, which libvips (and so sharp) does not read: decoded by Skia through @napi-rs/canvas (already here for
 * rendering PDF pages headless) into raw RGBA that sharp takes from there.
 */

export interface RawImage {
  data: Buffer;
  width: number;
  height: number;
}

export async function decodeBmp(bytes: Uint8Array): Promise<RawImage> {
  // Loaded here, not at start-up: Skia costs ~45 ms to load and only BMPs need it.
  const { createCanvas, loadImage } = await import('@napi-rs/canvas');
  const img = await loadImage(Buffer.from(bytes));
  const { width, height } = img;
  if (!width || !height) throw new Error('no dimensions');
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const pixels = ctx.getImageData(0, 0, width, height).data;
  return { data: Buffer.from(pixels.buffer, pixels.byteOffset, pixels.byteLength), width, height };
}
