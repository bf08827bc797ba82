/**
 * Which image a box belongs to. With several images in one request the answer usually names the one it means
 * ("in image 2", "page 3", "frame 5", "the second image", "第2张图"); a box goes to the image named nearest to it
 * in its own sentence, else to the last one named before it, else to the last image.
 */
import type { ImageInfo, ImageRef } from './types.ts';

const KIND_WORDS: Record<string, ImageRef['kind']> = {
  image: 'image',
  images: 'image',
  picture: 'image',
  photo: 'image',
  img: 'image',
  screenshot: 'image',
  page: 'page',
  slide: 'page',
  frame: 'frame',
};
const ORDINALS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
};
const CJK_KINDS: Record<string, ImageRef['kind']> = {
  张图: 'image',
  张图片: 'image',
  幅图: 'image',
  图: 'image',
  页: 'page',
  帧: 'frame',
};

const NUMBERED = /\b(image|picture|photo|img|screenshot|page|slide|frame)\s*(?:#|no\.\s*)?(\d{1,4})\b/gi;
const ORDINAL =
  /\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,3}(?:st|nd|rd|th))\s+(image|picture|photo|screenshot|page|slide|frame)\b/gi;
const CJK = /第\s*(\d{1,4})\s*(张图片|张图|幅图|页|帧)|图\s*(\d{1,4})/g;

/** The kind a matched word names; the patterns only match listed words, so the fallback is never reached. */
const kindOf = (word: string | undefined, table: Record<string, ImageRef['kind']>): ImageRef['kind'] =>
  table[(word ?? '').toLowerCase()] ?? 'image';

/**
 * A word every English reference holds. NUMBERED and ORDINAL try an alternation at every word of the text; most
 * stretches of an answer name no image at all, and this one pass tells so for a fraction of their cost.
 */
const KIND_WORD = /image|picture|photo|img|screenshot|page|slide|frame/i;

/** Every place in `text` that names an image, in order. `offset` is added to the positions. */
export function findImageRefs(text: string, offset = 0): ImageRef[] {
  const refs: ImageRef[] = [];
  if (KIND_WORD.test(text)) collectEnglish(text, offset, refs);
  if (text.includes('图') || text.includes('第'))
    for (const m of text.matchAll(CJK)) {
      const kind = m[2] ? kindOf(m[2], CJK_KINDS) : 'image';
      refs.push({ kind, number: Number(m[1] ?? m[3]), start: m.index + offset, end: m.index + m[0].length + offset });
    }
  return refs.sort((a, b) => a.start - b.start);
}

function collectEnglish(text: string, offset: number, refs: ImageRef[]): void {
  for (const m of text.matchAll(NUMBERED)) {
    refs.push({
      kind: kindOf(m[1], KIND_WORDS),
      number: Number(m[2]),
      start: m.index + offset,
      end: m.index + m[0].length + offset,
    });
  }
  for (const m of text.matchAll(ORDINAL)) {
    const w = (m[1] ?? '').toLowerCase();
    const number = ORDINALS[w] ?? Number.parseInt(w, 10);
    refs.push({ kind: kindOf(m[2], KIND_WORDS), number, start: m.index + offset, end: m.index + m[0].length + offset });
  }
}

/**
 * The index of the image a reference means: the image whose label names it ("page 3" matches a label
 * "page 3" or "report.pdf page 3"), else the n-th image; null when there is no such image.
 */
export function resolveRef(ref: ImageRef, images: readonly ImageInfo[]): number | null {
  if (ref.kind !== 'image') {
    const re = new RegExp(`\\b${ref.kind}\\s*${ref.number}\\b`, 'i');
    const byLabel = images.findIndex((im) => im.label != null && re.test(im.label));
    if (byLabel >= 0) return byLabel;
    // Labelled pages or frames that do not include this one: "page 9" of a 3-page pick is no image sent.
    if (images.some((im) => im.label != null && new RegExp(`\\b${ref.kind}\\b`, 'i').test(im.label))) return null;
  }
  return ref.number >= 1 && ref.number <= images.length ? ref.number - 1 : null;
}

const SENTENCE_END = /[.!?。！？](?=\s|$)|\n/g;

/** Start and end of the sentence (or table row, or line) around [start, end), given the sorted sentence ends. */
function sentenceAround(ends: readonly number[], length: number, start: number, end: number): [number, number] {
  // Binary search for the first end at or after `start`.
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid]! < start) lo = mid + 1;
    else hi = mid;
  }
  const from = lo > 0 ? ends[lo - 1]! + 1 : 0;
  while (lo < ends.length && ends[lo]! < end) lo++;
  return [from, ends[lo] ?? length];
}

/**
 * Assigns an image to each box in place: the resolvable reference nearest to the box within its sentence
 * (preferring one before it on a tie), else the last resolvable one before it (`before`: the image named last
 * before this text began, for text parsed in stretches), else the last image. Returns the image named last in
 * this text (or `before`), to carry into the next stretch.
 */
export function assignImages(
  text: string,
  boxes: { start: number; end: number; image: number | null; imageNamed: boolean }[],
  refs: readonly ImageRef[],
  images: readonly ImageInfo[],
  before: number | null = null,
): number | null {
  const resolved = refs.map((r) => ({ r, index: resolveRef(r, images) })).filter((x) => x.index !== null) as {
    r: ImageRef;
    index: number;
  }[];
  const fallback = images.length > 0 ? images.length - 1 : null;
  const ends = resolved.length && boxes.length ? [...text.matchAll(SENTENCE_END)].map((m) => m.index) : [];
  for (const b of boxes) {
    let best: number | null = null;
    let bestDist = Infinity;
    if (resolved.length) {
      const [from, to] = sentenceAround(ends, text.length, b.start, b.end);
      for (const { r, index } of resolved) {
        if (r.start < from || r.end > to) continue;
        const dist = r.end <= b.start ? b.start - r.end : r.start >= b.end ? r.start - b.end + 0.5 : 0;
        if (dist < bestDist) {
          best = index;
          bestDist = dist;
        }
      }
    }
    best ??= resolved.filter((x) => x.r.end <= b.start).at(-1)?.index ?? before;
    b.image = best ?? fallback;
    b.imageNamed = best !== null;
  }
  return resolved.at(-1)?.index ?? before;
}
