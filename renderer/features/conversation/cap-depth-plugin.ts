/**
 * Caps how deep an answer's markup may nest. A model (or a page it transcribes) can write 2,000 nested `<div>`s in
 * 22 KB; every later step of the Markdown pipeline (hast-util-from-parse5 inside rehype-raw, the sanitiser, the JSX
 * conversion, React's commit) walks the tree recursively and overflows the stack on it, which unmounts the app.
 *
 * Two rehype plugins, because the first overflow is inside rehype-raw itself:
 *  - `rehypeCapRawHtml` runs before rehype-raw and removes the tags of raw HTML that would open an element deeper
 *    than the cap (and their matching end tags), so the text inside stays and joins the deepest kept element;
 *  - `rehypeCapDepth` runs after it and flattens any element still deeper than its cap (nesting written in
 *    Markdown, or HTML the first step could not see) into its text.
 * Both walk the tree with an explicit stack: a recursive walk would overflow on the very input it guards against.
 */
import { Tokenizer, type Token } from 'parse5';

/** Levels of raw HTML elements kept; real answers (OCR tables, `<details>`, `<sup>`) use a handful. */
export const MAX_HTML_DEPTH = 32;
/** Levels of the rendered tree kept below each block's root. */
export const MAX_TREE_DEPTH = 64;

interface HastNode {
  type: string;
  tagName?: string;
  value?: string;
  children?: HastNode[];
}

// Elements without content: they never open a level.
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
// A start tag of one of these closes an open element of the same name (an unclosed `<li>` before the next `<li>`).
const CLOSED_BY_SIBLING = new Set(['p', 'li', 'dt', 'dd', 'option', 'tr', 'td', 'th']);

interface Tag {
  start: number;
  end: number;
  open: boolean;
  name: string;
}

/** The start and end tags of an HTML fragment, with their offsets, read by parse5's own tokenizer. */
function tagsOf(html: string): Tag[] {
  const tags: Tag[] = [];
  const skip = () => {};
  const push = (open: boolean) => (t: Token.TagToken) => {
    if (t.location) tags.push({ start: t.location.startOffset, end: t.location.endOffset, open, name: t.tagName });
  };
  const tokenizer = new Tokenizer(
    { sourceCodeLocationInfo: true },
    {
      onStartTag: push(true),
      onEndTag: push(false),
      onComment: skip,
      onDoctype: skip,
      onEof: skip,
      onCharacter: skip,
      onNullCharacter: skip,
      onWhitespaceCharacter: skip,
    },
  );
  tokenizer.write(html, true);
  return tags;
}

/** Open raw HTML elements across the raw nodes of one tree, in document order (rehype-raw joins them too). */
class OpenElements {
  private readonly stack: { name: string; dropped: boolean }[] = [];
  private kept = 0;
  private readonly max: number;

  constructor(max: number) {
    this.max = max;
  }

  /** Returns `html` without the tags that would nest past the cap, or the same string when none do. */
  filter(html: string): string {
    if (!html.includes('<')) return html;
    const cut: Tag[] = [];
    for (const tag of tagsOf(html)) if (this.take(tag)) cut.push(tag);
    if (!cut.length) return html;
    let out = '';
    let at = 0;
    for (const t of cut) {
      out += html.slice(at, t.start);
      at = t.end;
    }
    return out + html.slice(at);
  }

  /** Tracks one tag; true when it is to be removed. */
  private take(tag: Tag): boolean {
    const s = this.stack;
    if (tag.open) {
      if (VOID.has(tag.name)) return false;
      if (CLOSED_BY_SIBLING.has(tag.name) && s.at(-1)?.name === tag.name) this.pop(s.length - 1);
      const dropped = this.kept >= this.max;
      s.push({ name: tag.name, dropped });
      if (!dropped) this.kept++;
      return dropped;
    }
    let i = s.length - 1;
    while (i >= 0 && s[i].name !== tag.name) i--;
    if (i < 0) return false; // a stray end tag: the HTML parser ignores it, and so do we
    const dropped = s[i].dropped;
    this.pop(i);
    return dropped;
  }

  private pop(from: number): void {
    for (const e of this.stack.splice(from)) if (!e.dropped) this.kept--;
  }
}

/** Document-order walk without recursion. */
function eachNode(tree: HastNode, visit: (node: HastNode) => void): void {
  const todo: HastNode[] = [tree];
  while (todo.length) {
    const node = todo.pop()!;
    visit(node);
    if (node.children) for (let i = node.children.length - 1; i >= 0; i--) todo.push(node.children[i]);
  }
}

/** Before rehype-raw: raw HTML keeps at most `max` levels of elements; deeper tags are removed, their text kept. */
export function rehypeCapRawHtml(options: { max?: number } = {}) {
  const max = options.max ?? MAX_HTML_DEPTH;
  return (tree: HastNode) => {
    const open = new OpenElements(max);
    eachNode(tree, (node) => {
      if (node.type === 'raw' && typeof node.value === 'string') node.value = open.filter(node.value);
    });
  };
}

/** The text of a subtree, without recursion. */
function textOf(node: HastNode): string {
  let text = '';
  eachNode(node, (n) => {
    if (n.type === 'text' && n.value) text += n.value;
  });
  return text;
}

/** After rehype-raw: an element at depth `max` keeps only the text of what is under it. */
export function rehypeCapDepth(options: { max?: number } = {}) {
  const max = options.max ?? MAX_TREE_DEPTH;
  return (tree: HastNode) => {
    const todo: [HastNode, number][] = [[tree, 0]];
    while (todo.length) {
      const [node, depth] = todo.pop()!;
      if (!node.children) continue;
      if (depth >= max && node.children.some((c) => c.children)) {
        node.children = [{ type: 'text', value: textOf(node) }];
        continue;
      }
      for (const c of node.children) todo.push([c, depth + 1]);
    }
  };
}
