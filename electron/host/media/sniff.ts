/** Identifies a file by its first bytes, not its name: a `.png` that is really a text file is refused. */
import type { AttachmentKind } from '../../../shared/bridge/attachments.ts';

export interface Sniffed {
  kind: AttachmentKind;
  mime: string;
}

const starts = (b: Uint8Array, sig: number[], at = 0) => sig.every((v, i) => b[at + i] === v);
const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
/** How far into a file a JPEG or PNG header is looked for behind junk (a mail client's or a camera's prefix). */
export const JUNK_SCAN = 64 * 1024;

/** ISO-BMFF brands of still images: HEIF with HEVC (Apple's HEIC), AVIF, and the generic HEIF ones. */
const AVIF_BRANDS = new Set(['avif', 'avis']);
const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx']);
const HEIF_BRANDS = new Set(['mif1', 'msf1', 'mif2', 'mif3']);

/** The `ftyp` box's major brand and compatible brands (what the file says it can be read as). */
export function ftypBrands(b: Uint8Array): string[] {
  if (ascii(b, 4, 8) !== 'ftyp') return [];
  const size = ((b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3]) >>> 0;
  const end = Math.min(b.length, size >= 16 && size <= 4096 ? size : 16);
  const brands = [ascii(b, 8, 12)];
  for (let at = 16; at + 4 <= end; at += 4) brands.push(ascii(b, at, at + 4));
  return brands;
}

function isoMedia(b: Uint8Array): Sniffed {
  const [major, ...compatible] = ftypBrands(b);
  // The major brand decides; a generic HEIF major brand (mif1, msf1) is narrowed by the compatible ones.
  const all = HEIF_BRANDS.has(major) ? [major, ...compatible] : [major];
  if (all.some((x) => AVIF_BRANDS.has(x))) return { kind: 'image', mime: 'image/avif' };
  if (all.some((x) => HEIC_BRANDS.has(x))) return { kind: 'image', mime: 'image/heic' };
  if (HEIF_BRANDS.has(major)) return { kind: 'image', mime: 'image/heif' };
  return { kind: 'video', mime: major === 'qt  ' ? 'video/quicktime' : 'video/mp4' };
}

/** Where a JPEG or PNG starts: 0 for a clean file, past the junk for one with a prefix, -1 if none is found. */
export function imageStart(b: Uint8Array): number {
  if (starts(b, JPEG) || starts(b, PNG)) return 0;
  const end = Math.min(b.length, JUNK_SCAN);
  for (let at = 1; at < end; at++) {
    if ((b[at] === 0xff && starts(b, JPEG, at)) || (b[at] === 0x89 && starts(b, PNG, at))) return at;
  }
  return -1;
}

export function sniff(bytes: Uint8Array): Sniffed | null {
  if (starts(bytes, PNG)) return { kind: 'image', mime: 'image/png' };
  if (starts(bytes, JPEG)) return { kind: 'image', mime: 'image/jpeg' };
  if (ascii(bytes, 0, 4) === 'GIF8') return { kind: 'image', mime: 'image/gif' };
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return { kind: 'image', mime: 'image/webp' };
  if (ascii(bytes, 0, 2) === 'BM') return { kind: 'image', mime: 'image/bmp' };
  if (ascii(bytes, 0, 5) === '%PDF-') return { kind: 'pdf', mime: 'application/pdf' };
  if (ascii(bytes, 4, 8) === 'ftyp') return isoMedia(bytes);
  if (starts(bytes, [0x1a, 0x45, 0xdf, 0xa3])) return { kind: 'video', mime: 'video/webm' };
  // Junk before the header: read from where the image starts (image-decode.ts skips the prefix).
  const at = imageStart(bytes);
  if (at > 0) return { kind: 'image', mime: bytes[at] === 0xff ? 'image/jpeg' : 'image/png' };
  return null;
}
