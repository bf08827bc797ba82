/**
 * Scans one stretch of an answer for boxes. Everything it looks at is local: no lookup crosses a blank line, a
 * box-token pair or a code fence, so an answer cut at a blank line outside those ("a cut") scans to the same result
 * in pieces as whole. The incremental parser (parse-answer.ts) relies on this to re-scan only the live tail.
 */
import { toFractions } from './coords.ts';
import { findImageRefs } from './image-refs.ts';
import { CHIP_CLOSE, CHIP_OPEN, type GroundedBox, type ImageRef } from './types.ts';

/** GLM's special tokens look like `<|begin_of_box|>`; any of them is protocol, never text for a person. */
const TOKEN_RE = /<\|([a-z_]{1,40})\|>/g;
/** A token still arriving at the end of a stream: held back until it completes or proves to be text. */
const PARTIAL_TOKEN_RE = /<(?:\|[a-z_]{0,40}\|?)?$/;
/** Our chip markers; a model that writes them gets a replacement character, so it cannot forge a chip. */
const MARKER_CHARS_RE = /[\uE000\uE001]/g;

const NUM = String.raw`(-?\d+(?:\.\d+)?)`;
const SEP = String.raw`\s*,\s*`;
const NUMS = `${NUM}${SEP}${NUM}(?:${SEP}${NUM}${SEP}${NUM})?`;
/** A group of 2 or 4 numbers in any bracket style, as found between box tokens. */
const GROUP_ANY_RE = new RegExp(String.raw`[\[(<]\s*${NUMS}\s*[\])>]`, 'g');
/** A square-bracket group, the only style trusted bare in prose. */
const GROUP_SQUARE_RE = new RegExp(String.raw`\[\s*${NUMS}\s*\]`, 'g');
/** A JSON detection's coordinates: `"bbox_2d": [..]` (also `[[..]]`), `"point_2d": [x, y]`. */
const JSON_RE = new RegExp(
  String.raw`"(bbox_2d|bbox|box_2d|box|point_2d|point)"\s*:\s*\[\s*(?:\[\s*)?${NUMS}\s*(?:\]\s*)?\]`,
  'g',
);
const JSON_LABEL_RE = /"(label|name|text|category|class|object)"\s*:\s*"((?:[^"\\\n]|\\.)*)"/;
const FENCE_RE = /^ {0,3}(`{3,}|~{3,})/;
const INLINE_CODE_RE = /(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g;
const BETWEEN_BOXES_RE = /^[ \t,;[\]()<>]*$/;
const ONLY_BOXES_RE = /^[\s,;[\]()<>]*$/;
const PAIRS: Record<string, string> = { '[': ']', '(': ')', '<': '>' };

/** The result of scanning one stretch; positions are local to it. */
export interface Scan {
  text: string;
  markdown: string;
  boxes: GroundedBox[];
  refs: ImageRef[];
  /** Raw offsets just after a blank line where a cut is safe (outside box tokens and code fences). */
  cuts: number[];
}

interface Range {
  start: number;
  end: number;
}

/** Removes special tokens; returns the text, the box-token regions in it, and a map back to raw offsets. */
function stripTokens(raw: string) {
  let text = '';
  let last = 0;
  let open: number | null = null;
  const regions: Range[] = [];
  // (clean offset, raw offset) after each removed token, to map a clean position back to the raw text.
  const shifts: [number, number][] = [[0, 0]];
  for (const m of raw.matchAll(TOKEN_RE)) {
    text += raw.slice(last, m.index);
    last = m.index + m[0].length;
    shifts.push([text.length, last]);
    if (m[1] === 'begin_of_box') open ??= text.length;
    else if (m[1] === 'end_of_box' && open !== null) {
      regions.push({ start: open, end: text.length });
      open = null;
    }
  }
  let tail = raw.slice(last);
  const partial = PARTIAL_TOKEN_RE.exec(tail);
  if (partial) tail = tail.slice(0, partial.index);
  text += tail;
  if (open !== null) regions.push({ start: open, end: text.length });
  text = text.replace(MARKER_CHARS_RE, '\uFFFD'); // same length: offsets stay valid
  const toRaw = (p: number) => {
    // The last shift at or before p, by binary search: a list of boxes has two shifts per box.
    let lo = 0;
    let hi = shifts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (shifts[mid]![0] <= p) lo = mid;
      else hi = mid - 1;
    }
    // Tokens side by side (a box's end and the next box's begin) share one clean position: take the first, so a
    // cut there falls between them and the next stretch keeps its begin token.
    while (lo > 0 && shifts[lo - 1]![0] === p) lo--;
    const [at, raw] = shifts[lo] ?? [0, 0];
    return raw + (p - at);
  };
  return { text, regions, openAtEnd: open !== null, toRaw };
}

/** Fenced code blocks (an unclosed fence runs to the end of the text). */
function fenceRanges(text: string): Range[] {
  const fences: Range[] = [];
  let fence: { char: string; len: number; start: number } | null = null;
  let pos = 0;
  while (pos <= text.length) {
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl < 0 ? text.length : nl;
    const m = FENCE_RE.exec(text.slice(pos, lineEnd));
    const marker = m?.[1] ?? '';
    if (!fence && m) fence = { char: marker.charAt(0), len: marker.length, start: pos };
    else if (
      fence &&
      m &&
      marker.charAt(0) === fence.char &&
      marker.length >= fence.len &&
      text.slice(pos + m[0].length, lineEnd).trim() === ''
    ) {
      fences.push({ start: fence.start, end: lineEnd });
      fence = null;
    }
    if (nl < 0) break;
    pos = nl + 1;
  }
  if (fence) fences.push({ start: fence.start, end: text.length });
  return fences;
}

/** Fenced code blocks and inline code spans, which hold no chips and no bare boxes. */
function codeRanges(text: string, fences: Range[]): Range[] {
  const code = [...fences];
  let from = 0;
  for (const f of [...fences, { start: text.length, end: text.length }]) {
    const between = text.slice(from, f.start);
    for (const m of between.matchAll(INLINE_CODE_RE)) {
      if (!m[0].includes('\n\n')) code.push({ start: from + m.index, end: from + m.index + m[0].length });
    }
    from = f.end;
  }
  return code;
}

const overlaps = (ranges: readonly Range[], start: number, end: number) => ranges.some((r) => start < r.end && end > r.start);
/** Index of the last of `ranges` (sorted by start, not overlapping: the box-token regions) starting at or before `p`, or -1. */
function regionAt(ranges: readonly Range[], p: number): number {
  let lo = 0;
  let hi = ranges.length - 1;
  let hit = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid]!.start <= p) {
      hit = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return hit;
}
/** `overlaps` for sorted, non-overlapping ranges, by binary search: the regions can number tens of thousands. */
function overlapsSorted(ranges: readonly Range[], start: number, end: number): boolean {
  const r = ranges[regionAt(ranges, end - 1)];
  return Boolean(r && start < r.end && end > r.start);
}
const nums = (m: RegExpMatchArray, from: number) =>
  [m[from], m[from + 1], m[from + 2], m[from + 3]].filter((v) => v !== undefined).map(Number);

/** The label of a JSON detection: from the object around it, looking no further than a blank line. */
function jsonLabel(text: string, start: number, end: number): string | null {
  let depth = 0;
  let objStart = -1;
  for (let i = start - 1; i >= 0; i--) {
    const c = text[i];
    if (c === '\n' && text[i - 1] === '\n') break;
    if (c === '}') depth++;
    else if (c === '{') {
      if (depth === 0) {
        objStart = i;
        break;
      }
      depth--;
    }
  }
  if (objStart < 0) return null;
  let objEnd = text.length;
  depth = 0;
  for (let i = end; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' && text[i + 1] === '\n') {
      objEnd = i;
      break;
    }
    if (c === '{') depth++;
    else if (c === '}') {
      if (depth === 0) {
        objEnd = i;
        break;
      }
      depth--;
    }
  }
  const m = JSON_LABEL_RE.exec(text.slice(objStart, objEnd));
  if (!m) return null;
  try {
    return JSON.parse(`"${m[2]}"`) as string;
  } catch {
    return m[2] ?? null;
  }
}

/** Turns `\(..\)` and `\[..\]` into `$$` math, which the Markdown renderer's math plugin reads. */
function mathReplacements(text: string, skip: readonly Range[]): { start: number; end: number; with: string }[] {
  const out: { start: number; end: number; with: string }[] = [];
  for (const m of text.matchAll(/\\\(([\s\S]+?)\\\)|\\\[([\s\S]+?)\\\]/g)) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[0].includes('\n\n') || overlaps(skip, start, end)) continue;
    const inner = (m[1] ?? m[2] ?? '').trim();
    const lineStart = start === 0 || text[start - 1] === '\n';
    const lineEnd = end === text.length || text[end] === '\n';
    out.push({ start, end, with: m[2] !== undefined && lineStart && lineEnd ? `$$\n${inner}\n$$` : `$$${inner}$$` });
  }
  return out;
}

/** A line that starts a list item: a list of boxes is one paragraph with no blank line in it. */
const LIST_ITEM_START_RE = /^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]/;
/** What a lookup can carry from one line to the next: code spans, math, JSON objects. */
const CROSSES_LINES_RE = /[`{]|\\[([]/;
/** A line ending that may continue into the next line (an open bracket, a list of numbers, a JSON key). */
const OPEN_END_RE = /[[,:(<]\s*$/;

/**
 * Positions where a cut may go, in order: after each blank line, and at the start of each list item in a
 * paragraph whose lines so far hold nothing a lookup could carry across a line (no backtick, brace, `\(` or `\[`,
 * no line ending in an open bracket or separator). The second kind keeps a list of thousands of boxes from being
 * one stretch that the incremental parser re-scans whole on every update. The caller still skips cuts inside box
 * tokens and code fences.
 */
function cutCandidates(text: string): number[] {
  const out: number[] = [];
  let lineStart = 0;
  let carries = false;
  for (let i = text.indexOf('\n'); i >= 0 && i + 1 < text.length; i = text.indexOf('\n', i + 1)) {
    const line = text.slice(lineStart, i);
    const p = i + 1;
    lineStart = p;
    if (line === '' && i === 0) continue;
    if (line === '') {
      // A blank line (this newline follows another): the paragraph ends, and with it whatever it carried.
      carries = false;
      out.push(p);
      continue;
    }
    if (CROSSES_LINES_RE.test(line) || OPEN_END_RE.test(line)) carries = true;
    if (!carries && text[p] !== '\n' && LIST_ITEM_START_RE.test(text.slice(p, p + 16))) out.push(p);
  }
  return out;
}

/**
 * Scans `raw` (one stretch of an answer that starts at a cut or at the beginning) for boxes, numbering them from
 * `firstN`. `images` is not needed here: image assignment looks across stretches and is done by the caller.
 */
export function scanStretch(raw: string, firstN: number): Scan {
  const { text, regions, toRaw } = stripTokens(raw);
  const fences = fenceRanges(text);
  const code = codeRanges(text, fences);
  type Found = {
    start: number;
    end: number;
    nums: number[];
    source: GroundedBox['source'];
    label: string | null;
    region: number;
  };
  const found: Found[] = [];

  for (const m of text.matchAll(JSON_RE)) {
    const start = m.index;
    const end = start + m[0].length;
    found.push({ start, end, nums: nums(m, 2), source: 'json', label: jsonLabel(text, start, end), region: -1 });
  }
  const json = found.slice();
  regions.forEach((r, ri) => {
    const body = text.slice(r.start, r.end);
    for (const m of body.matchAll(GROUP_ANY_RE)) {
      const start = r.start + m.index;
      const end = start + m[0].length;
      if (overlaps(json, start, end) || overlaps(code, start, end)) continue;
      found.push({ start, end, nums: nums(m, 1), source: 'token', label: null, region: ri });
    }
  });
  for (const m of text.matchAll(GROUP_SQUARE_RE)) {
    const start = m.index;
    const end = start + m[0].length;
    const values = nums(m, 1);
    if (overlapsSorted(regions, start, end) || overlaps(json, start, end) || overlaps(code, start, end)) continue;
    // Bare numbers in prose are trusted only as the model writes boxes: whole numbers on its 0-1000 scale, and
    // a point only in double brackets ([[x,y]]); a JSON value ("key": [..]) is left to the JSON pattern.
    if (!values.every((v) => Number.isInteger(v) && v >= 0 && v <= 1000)) continue;
    if (values.length === 2 && !(text[start - 1] === '[' && text[end] === ']')) continue;
    if (/"\s*:\s*\[?\s*$/.test(text.slice(Math.max(0, start - 8), start))) continue;
    found.push({ start, end, nums: values, source: 'bare', label: null, region: -1 });
  }
  found.sort((a, b) => a.start - b.start);

  const boxes: GroundedBox[] = found.map((f, i) => ({
    ...toFractions(f.nums),
    kind: f.nums.length === 2 ? 'point' : 'box',
    label: f.label,
    image: null,
    imageNamed: false,
    n: firstN + i,
    source: f.source,
    start: f.start,
    end: f.end,
    raw: f.nums,
  }));

  // Runs of inline boxes become chips: a box-token pair holding nothing but boxes is replaced whole; otherwise
  // neighbouring boxes separated only by commas and brackets merge, and the brackets around them go too.
  const clusters: { start: number; end: number; ns: number[] }[] = [];
  const wholeRegions = new Set<number>();
  // Grouped once: a list of 20,000 boxes has 20,000 regions, and a filter per region would be quadratic.
  const byRegion = new Map<number, Found[]>();
  const indexOf = new Map<Found, number>();
  found.forEach((f, i) => {
    indexOf.set(f, i);
    if (f.region >= 0) byRegion.set(f.region, [...(byRegion.get(f.region) ?? []), f]);
  });
  regions.forEach((r, ri) => {
    const inRegion = byRegion.get(ri);
    if (!inRegion) return;
    let rest = text.slice(r.start, r.end);
    for (const f of inRegion.slice().reverse()) rest = rest.slice(0, f.start - r.start) + rest.slice(f.end - r.start);
    if (ONLY_BOXES_RE.test(rest)) {
      wholeRegions.add(ri);
      clusters.push({ start: r.start, end: r.end, ns: inRegion.map((f) => boxes[indexOf.get(f)!]!.n) });
    }
  });
  let current: { start: number; end: number; ns: number[]; region: number } | null = null;
  const flush = () => {
    if (!current) return;
    let { start, end } = current;
    const opener = () => text.charAt(start - 1);
    while (start > 0 && PAIRS[opener()] && text.charAt(end) === PAIRS[opener()] && (current.region >= 0 || opener() === '[')) {
      start--;
      end++;
    }
    clusters.push({ start, end, ns: current.ns });
    current = null;
  };
  found.forEach((f, i) => {
    if (f.source === 'json' || wholeRegions.has(f.region)) return;
    const n = boxes[i]!.n;
    if (current && current.region === f.region && BETWEEN_BOXES_RE.test(text.slice(current.end, f.start))) {
      current.end = f.end;
      current.ns.push(n);
      return;
    }
    flush();
    current = { start: f.start, end: f.end, ns: [n], region: f.region };
  });
  flush();

  const edits = [
    ...clusters.map((c) => ({ start: c.start, end: c.end, with: c.ns.map((n) => `${CHIP_OPEN}${n}${CHIP_CLOSE}`).join('') })),
    ...mathReplacements(text, [...code, ...clusters]),
  ].sort((a, b) => a.start - b.start);
  let markdown = '';
  let at = 0;
  for (const e of edits) {
    if (e.start < at) continue;
    markdown += text.slice(at, e.start) + e.with;
    at = e.end;
  }
  markdown += text.slice(at);

  const cuts = cutCandidates(text)
    .filter((p) => safeCut(p, regions, fences))
    .map(toRaw);
  return { text, markdown, boxes, refs: findImageRefs(text), cuts };
}

/** Whether a cut candidate is safe: not inside box tokens (unless a region ends right there), not in a fence. */
function safeCut(p: number, regions: readonly Range[], fences: readonly Range[]): boolean {
  const at = regionAt(regions, p);
  const here = regions[at];
  const endsHere = here?.end === p || regions[at - 1]?.end === p;
  if (here && p <= here.end && !endsHere) return false;
  return !overlaps(fences, p - 1, p + 1);
}

/**
 * The last safe cut in `raw` (a raw offset), exactly `scanStretch(raw, n).cuts.at(-1)`, without looking for boxes,
 * code spans, math or image names: the incremental parser uses it to find where the committed text can end, then
 * scans each stretch for boxes once.
 */
export function lastCut(raw: string): number | undefined {
  const { text, regions, toRaw } = stripTokens(raw);
  const candidates = cutCandidates(text);
  if (candidates.length === 0) return undefined;
  const fences = fenceRanges(text);
  for (let i = candidates.length - 1; i >= 0; i--) {
    const p = candidates[i]!;
    if (safeCut(p, regions, fences)) return toRaw(p);
  }
  return undefined;
}
