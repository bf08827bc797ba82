/**
 * The decoding itself, run only inside the decode child (decode-child.ts): libvips through sharp for PNG, JPEG,
 * WebP, GIF, AVIF; Skia through @napi-rs/canvas for BMP (libvips has no BMP reader); libheif compiled to
 * WebAssembly for HEIC (libvips is built without an HEVC decoder). Native decoders have crashed on hostile bytes,
 * so none of this runs in the host process.
 *
 * Damaged files that every viewer still shows (a truncated download, junk before the header) are decoded
 * leniently and flagged, so the person is told what was sent.
 */
import type { Sharp } from 'sharp';
import { fitToBudget } from '../../../shared/media/budget.ts';
import { checkBmpHeader } from './bmp-header.ts';
import { imageStart, sniff } from './sniff.ts';

/** A refusal the host turns into `bad-input` naming the file. */
/** The refusal of a file that is no image at all (or too damaged to tell): the window words it by its own code. */
export const NOT_AN_IMAGE = 'could not be read: the file is damaged or not an image';

export class DecodeRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DecodeRefusal';
  }
}

export interface Probed {
  width: number;
  height: number;
  /** Why the file counts as damaged although it was read, else null. */
  damaged: string | null;
}

export interface Prepared {
  jpeg: Uint8Array;
  width: number;
  height: number;
  tokens: number;
  damaged: string | null;
  /** The original's upright size: what a probe would say, so a file prepared first needs no second trip. */
  source: { width: number; height: number };
}

let sharpPromise: Promise<typeof import('sharp')> | null = null;
const loadSharp = async () => {
  const sharp = (await (sharpPromise ??= import('sharp'))).default;
  // libvips' operation cache (50 MB, 100 operations) only helps when the same image is processed again; here
  // every job is another file, so the cache was memory held for nothing (it grew the child by tens of MB a batch).
  sharp.cache(false);
  return sharp;
};

type Source = { raw: { data: Uint8Array; width: number; height: number } } | { encoded: Uint8Array; junk: number };

async function decodeBmp(bytes: Uint8Array): Promise<Source> {
  const header = checkBmpHeader(bytes);
  if ('problem' in header) throw new DecodeRefusal(`is not a valid BMP: ${header.problem}`);
  const { createCanvas, loadImage } = await import('@napi-rs/canvas');
  let img: Awaited<ReturnType<typeof loadImage>>;
  try {
    img = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch {
    throw new DecodeRefusal('could not be read: the BMP is damaged');
  }
  const { width, height } = img;
  if (!width || !height) throw new DecodeRefusal('could not be read: the BMP has no pixels');
  const ctx = createCanvas(width, height).getContext('2d');
  ctx.drawImage(img, 0, 0);
  const px = ctx.getImageData(0, 0, width, height).data;
  return { raw: { data: new Uint8Array(px.buffer, px.byteOffset, px.byteLength), width, height } };
}

async function decodeHeic(bytes: Uint8Array): Promise<Source> {
  const { default: decode } = await import('heic-decode');
  try {
    const out = await decode({ buffer: bytes });
    return {
      raw: {
        data: new Uint8Array(out.data.buffer, out.data.byteOffset, out.data.byteLength),
        width: out.width,
        height: out.height,
      },
    };
  } catch (e) {
    throw new DecodeRefusal(`could not be read: the HEIC file is damaged (${(e as Error).message})`);
  }
}

async function source(bytes: Uint8Array): Promise<Source> {
  const kind = sniff(bytes);
  if (kind?.mime === 'image/bmp') return decodeBmp(bytes);
  if (kind?.mime === 'image/heic' || kind?.mime === 'image/heif') return decodeHeic(bytes);
  // Only a file sniffed as JPEG/PNG can have junk skipped: a GIF or WebP may hold those bytes inside its data.
  const junk = kind?.mime === 'image/jpeg' || kind?.mime === 'image/png' ? Math.max(0, imageStart(bytes)) : 0;
  return { encoded: junk > 0 ? bytes.subarray(junk) : bytes, junk };
}

/**
 * Runs `use` on a sharp pipeline over the first frame: strictly first, then, if libvips objects, again with
 * `failOn: 'none'` (what a viewer does with a truncated file), noting that the file was damaged.
 */
async function withImage<T>(bytes: Uint8Array, use: (img: Sharp) => Promise<T>): Promise<{ value: T; damaged: string | null }> {
  const sharp = await loadSharp();
  const src = await source(bytes);
  if ('raw' in src) {
    const { data, width, height } = src.raw;
    return { value: await use(sharp(data, { raw: { width, height, channels: 4 } })), damaged: null };
  }
  // pages: 1 is the first frame of a GIF or animated WebP; a huge scan is still decoded (no pixel limit surprise).
  const open = (failOn: 'warning' | 'none') => sharp(src.encoded, { pages: 1, limitInputPixels: 1e9, failOn });
  await refuseImplausible(open('none'), src.encoded.length);
  const junkNote = src.junk > 0 ? `${src.junk} bytes of junk came before the image` : null;
  try {
    return { value: await use(open('warning')), damaged: junkNote };
  } catch (strict) {
    try {
      const value = await use(open('none'));
      const why = firstLine((strict as Error).message);
      return { value, damaged: [junkNote, why].filter(Boolean).join('; ') };
    } catch {
      throw new DecodeRefusal(NOT_AN_IMAGE);
    }
  }
}

/**
 * No real compressor packs more than this many pixels into a byte (zlib tops out near 1000:1, and a 1-bit PNG
 * has 8 pixels a byte); a header claiming more is corrupt. Decoding it leniently would fill millions of made-up
 * rows, which took minutes for a 100-byte file claiming 9849368x16.
 */
const MAX_PIXELS_PER_BYTE = 16_384;

async function refuseImplausible(img: Sharp, length: number): Promise<void> {
  let meta: Awaited<ReturnType<Sharp['metadata']>>;
  try {
    meta = await img.metadata();
  } catch {
    throw new DecodeRefusal(NOT_AN_IMAGE);
  }
  const pixels = (meta.width ?? 0) * (meta.height ?? 0);
  if (pixels > length * MAX_PIXELS_PER_BYTE) {
    throw new DecodeRefusal(
      `could not be read: its header claims ${meta.width}x${meta.height} pixels, far more than its ${length} bytes can hold`,
    );
  }
}

const firstLine = (s: string) =>
  s
    .split('\n')[0]
    .replace(/^Vips\w*:\s*|^vips\w*:\s*/, '')
    .trim() || 'the data is damaged';

/**
 * Whether a JPEG or PNG ends as a whole file does (EOI marker, IEND chunk, give or take trailing bytes). Most
 * damage is a cut-short file, so only files failing this are read in full when attached; the rest are read
 * header-only, which keeps attaching a 24-megapixel photo instant. Damage inside a whole file is found on send.
 */
function looksWhole(b: Uint8Array, format: string | undefined): boolean {
  const tail = b.subarray(Math.max(0, b.length - 4096));
  const has = (sig: number[]) => tail.some((_, i) => sig.every((v, j) => tail[i + j] === v));
  if (format === 'jpeg') return has([0xff, 0xd9]);
  if (format === 'png') return has([0x49, 0x45, 0x4e, 0x44]);
  return true;
}

/** Upright size (EXIF orientations 5-8 swap sides); a file that looks cut short is read in full to say so now. */
export async function probe(bytes: Uint8Array): Promise<Probed> {
  const { value, damaged } = await withImage(bytes, async (img) => {
    const meta = await img.metadata();
    if (!meta.width || !meta.height) throw new Error('no dimensions');
    // A tiny thumbnail is the cheapest full read (JPEG shrinks on load) and fails where the data is cut short.
    if (!looksWhole(bytes, meta.format)) await img.resize(16, 16, { fit: 'inside' }).raw().toBuffer();
    const swap = (meta.orientation ?? 1) >= 5;
    return swap ? { width: meta.height, height: meta.width } : { width: meta.width, height: meta.height };
  });
  return { ...value, damaged };
}

/** The image upright, first frame, resized to the budget at multiples of 28 px, flattened on white, as JPEG. */
export async function prepare(bytes: Uint8Array, budget: number): Promise<Prepared> {
  const { value, damaged } = await withImage(bytes, async (img) => {
    const meta = await img.metadata();
    if (!meta.width || !meta.height) throw new Error('no dimensions');
    const swap = (meta.orientation ?? 1) >= 5;
    const fit = swap ? fitToBudget(meta.height, meta.width, budget) : fitToBudget(meta.width, meta.height, budget);
    const out = await img
      .rotate()
      .resize(fit.width, fit.height, { fit: 'fill' })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 88, mozjpeg: true })
      .toBuffer();
    const source = swap ? { width: meta.height, height: meta.width } : { width: meta.width, height: meta.height };
    return { out, fit, source };
  });
  const { out, fit, source } = value;
  return {
    jpeg: new Uint8Array(out.buffer, out.byteOffset, out.byteLength),
    width: fit.width,
    height: fit.height,
    tokens: fit.tokens,
    damaged,
    source,
  };
}

/** What OCR reads: the image upright, grey, flattened on white, as PNG, no larger than {@link OCR_MAX_SIDE}. */
export interface OcrPrepared {
  png: Uint8Array;
  width: number;
  height: number;
  /** The size it had before being scaled down, or null when it was not. */
  scaledFrom: { width: number; height: number } | null;
  damaged: string | null;
}

/**
 * Tesseract needs text about 20-40 px tall; a side of 6,000 px keeps an A4 page at ~500 dpi and a long receipt
 * readable, while a 30,000 px panorama is scaled down instead of filling the worker's memory.
 */
export const OCR_MAX_SIDE = 6_000;

/** The image as OCR should see it (see {@link OcrPrepared}). */
export async function prepareForOcr(bytes: Uint8Array, maxSide = OCR_MAX_SIDE): Promise<OcrPrepared> {
  const { value, damaged } = await withImage(bytes, async (img) => {
    const meta = await img.metadata();
    if (!meta.width || !meta.height) throw new Error('no dimensions');
    const swap = (meta.orientation ?? 1) >= 5;
    const w = swap ? meta.height : meta.width;
    const h = swap ? meta.width : meta.height;
    const scale = Math.min(1, maxSide / Math.max(w, h));
    const width = Math.max(1, Math.round(w * scale));
    const height = Math.max(1, Math.round(h * scale));
    const out = await img
      .rotate()
      .resize(width, height, { fit: 'fill' })
      .flatten({ background: '#ffffff' })
      .grayscale()
      .png({ compressionLevel: 1 })
      .toBuffer();
    return { out, width, height, scaledFrom: scale < 1 ? { width: w, height: h } : null };
  });
  const { out, width, height, scaledFrom } = value;
  return { png: new Uint8Array(out.buffer, out.byteOffset, out.byteLength), width, height, scaledFrom, damaged };
}
