/**
 * Caps how deeply Markdown lists may nest, in the source, before any parser sees it. 1,500 nested lists (each
 * item indented under the last, ~1 MB) take the Markdown parsers time that grows faster than the square of the
 * depth (800 levels: 3.7 s in marked's lexer, 35 s in micromark), and the tree they make is as deep as the div
 * nesting that cap-depth-plugin.ts guards against. Real answers nest lists a few levels; so, per line outside
 * fenced code:
 *  - a list item indented past MAX_INDENT columns starts again at the left margin, as an item of a list at the
 *    top: its text stays, and so do its order and its marker, but it no longer nests inside the items before it
 *    (keeping it at the cap instead would leave every later item inside one top-level item, one block of the
 *    whole list, which the lexer still reads level by level);
 *  - a chain of list markers on one line (`- - - - item`, each opening a list inside the last) keeps its first
 *    MAX_MARKERS markers.
 * The text of every line is kept. Incremental: each update reads only the lines that were not complete before.
 */

/** Columns of indentation a list item may have: 20 levels of two-space nesting, 10 of four-space. */
export const MAX_INDENT = 40;
/** List markers kept at the start of one line. */
export const MAX_MARKERS = 16;

const INDENT_RE = /^[ \t]+/;
const FENCE_RE = /^[ \t]*(`{3,}|~{3,})/;
const MARKERS_RE = /^(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)+/;
const ONE_MARKER_RE = /(?:[-*+]|\d{1,9}[.)])[ \t]+/g;

/** Columns of a run of spaces and tabs (a tab advances to the next multiple of 4, as in CommonMark). */
function columns(ws: string): number {
  let col = 0;
  for (const c of ws) col = c === '\t' ? col + 4 - (col % 4) : col + 1;
  return col;
}

/** One line, capped; `fence` is the open code fence's marker, if any. */
function capLine(line: string, fence: string | null): string {
  if (fence !== null) return line;
  let out = line;
  const ws = INDENT_RE.exec(out)?.[0];
  if (ws && ws.length > MAX_INDENT / 4 && columns(ws) > MAX_INDENT && MARKERS_RE.test(out.slice(ws.length)))
    out = out.slice(ws.length);
  const lead = INDENT_RE.exec(out)?.[0].length ?? 0;
  const chain = MARKERS_RE.exec(out.slice(lead))?.[0];
  if (chain && chain.length > MAX_MARKERS * 2) {
    const markers = chain.match(ONE_MARKER_RE) ?? [];
    if (markers.length > MAX_MARKERS)
      out = out.slice(0, lead) + markers.slice(0, MAX_MARKERS).join('') + out.slice(lead + chain.length);
  }
  return out;
}

/** The fence state after `line`: opened, closed (by the same character, at least as long), or unchanged. */
function nextFence(line: string, fence: string | null): string | null {
  const m = FENCE_RE.exec(line);
  if (!m) return fence;
  if (fence === null) return m[1];
  return m[1][0] === fence[0] && m[1].length >= fence.length && line.trim() === m[1] ? null : fence;
}

/** Characters before the end of the consumed input that an update compares to tell extension from replacement. */
const CHECK = 64;

export class ListDepthCap {
  /** Length of the input consumed so far (whole lines), its last CHECK characters, and what it became. */
  private consumed = 0;
  private consumedEnd = '';
  private output = '';
  /** Whether any line was changed: while none was, the text itself is returned (no copy, no new string). */
  private changed = false;
  private fence: string | null = null;

  /**
   * `text` with list nesting capped. Text that does not extend the last one starts over. Extension is checked on
   * the characters before the consumed end, not the whole prefix: an answer grows by appending, and comparing
   * its whole length on every frame was a cost that grew with the answer.
   */
  update(text: string): string {
    if (text.length < this.consumed || text.slice(this.consumed - this.consumedEnd.length, this.consumed) !== this.consumedEnd) {
      this.consumed = 0;
      this.consumedEnd = '';
      this.output = '';
      this.changed = false;
      this.fence = null;
    }
    const end = text.lastIndexOf('\n') + 1;
    if (end > this.consumed) {
      const lines = text.slice(this.consumed, end).split('\n');
      lines.pop(); // the empty string after the last newline
      const wasChanged = this.changed;
      let out = '';
      for (const line of lines) {
        const capped = capLine(line, this.fence);
        if (capped !== line) this.changed = true;
        out += `${capped}\n`;
        this.fence = nextFence(line, this.fence);
      }
      // Once a line changed, the output is kept; before that it is the input itself.
      if (this.changed) this.output = (wasChanged ? this.output : text.slice(0, this.consumed)) + out;
      this.consumed = end;
      this.consumedEnd = text.slice(Math.max(0, end - CHECK), end);
    }
    const partial = end < text.length ? text.slice(end) : '';
    const cappedPartial = partial && capLine(partial, this.fence);
    if (!this.changed && cappedPartial === partial) return text;
    return (this.changed ? this.output : text.slice(0, end)) + cappedPartial;
  }
}
