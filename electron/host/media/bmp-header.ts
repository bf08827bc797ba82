/**
 * Checks a BMP's headers before any decoder sees it: a decoder handed a 3-byte "BM" file or a header claiming
 * 20000x3000000 pixels has crashed the process before, so only files whose fields are sane go on.
 */

export interface BmpHeader {
  width: number;
  height: number;
  bitsPerPixel: number;
}

/** DIB header sizes in use: OS/2 core (12), OS/2 v2 (16, 64), Windows v1-v5 (40, 52, 56, 108, 124). */
const DIB_SIZES = new Set([12, 16, 40, 52, 56, 64, 108, 124]);
const BIT_DEPTHS = new Set([1, 2, 4, 8, 16, 24, 32]);
/** BI_RGB, BI_RLE8, BI_RLE4, BI_BITFIELDS, BI_ALPHABITFIELDS (6); embedded JPEG/PNG (4, 5) are not read. */
const COMPRESSIONS = new Set([0, 1, 2, 3, 6]);
/** Each side at most this; larger is a corrupt field, not a photo (and would ask for terabytes of pixels). */
export const BMP_MAX_SIDE = 32_768;
export const BMP_MAX_PIXELS = 200_000_000;

/** The reason the headers are not sane, or the header's values when they are. */
export function checkBmpHeader(b: Uint8Array): BmpHeader | { problem: string } {
  if (b.length < 26) return { problem: `it is ${b.length} bytes, shorter than a BMP header` };
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const fileSize = v.getUint32(2, true);
  const dataOffset = v.getUint32(10, true);
  const dibSize = v.getUint32(14, true);
  if (!DIB_SIZES.has(dibSize)) return { problem: `its DIB header size (${dibSize}) is not one BMP uses` };
  if (b.length < 14 + dibSize) return { problem: 'it ends inside its header' };
  // The file-size field is often 0 or a little off in files other programs read without complaint; only a value
  // smaller than the headers themselves is nonsense.
  if (fileSize !== 0 && fileSize < 14 + dibSize)
    return { problem: `its file size field (${fileSize}) is smaller than its header` };
  const core = dibSize === 12;
  const width = core ? v.getUint16(18, true) : v.getInt32(18, true);
  const rawHeight = core ? v.getUint16(20, true) : v.getInt32(22, true);
  const bitsPerPixel = core ? v.getUint16(24, true) : v.getUint16(28, true);
  const compression = core ? 0 : v.getUint32(30, true);
  const height = Math.abs(rawHeight);
  if (width <= 0 || height <= 0) return { problem: `its size (${width}x${rawHeight}) is not a picture's` };
  if (width > BMP_MAX_SIDE || height > BMP_MAX_SIDE || width * height > BMP_MAX_PIXELS) {
    return { problem: `its size (${width}x${height}) is beyond any real picture` };
  }
  if (!BIT_DEPTHS.has(bitsPerPixel)) return { problem: `its bit depth (${bitsPerPixel}) is not one BMP uses` };
  if (!COMPRESSIONS.has(compression)) return { problem: `its compression (${compression}) is not supported` };
  if (rawHeight < 0 && (compression === 1 || compression === 2))
    return { problem: 'it is a top-down RLE bitmap, which BMP forbids' };
  if (dataOffset < 14 + dibSize || dataOffset >= b.length)
    return { problem: `its pixel data offset (${dataOffset}) is outside the file` };
  return { width, height, bitsPerPixel };
}
