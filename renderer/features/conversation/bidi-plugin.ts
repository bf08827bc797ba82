/**
 * A rehype plugin that shows each bidi embedding, override or isolate control in an answer by name, as an element
 * of its own, instead of letting it reorder the text around it (see shared/text/bidi.ts). Runs after sanitising,
 * on text nodes, code included (there as text, so the code stays one string): a reordered line of code is the
 * classic way to hide what it does.
 */
import { BIDI_CONTROL_RE, bidiMark, bidiName, showBidiControls } from '../../../shared/text/bidi.ts';

interface HastNode {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

const HAS_BIDI = /[\u202a-\u202e\u2066-\u2069]/;

function split(value: string): HastNode[] {
  const out: HastNode[] = [];
  let at = 0;
  for (const m of value.matchAll(BIDI_CONTROL_RE)) {
    if (m.index > at) out.push({ type: 'text', value: value.slice(at, m.index) });
    out.push({
      type: 'element',
      tagName: 'span',
      properties: { className: ['bidi-control'], title: `Bidirectional control ${bidiName(m[0])} shown, not applied` },
      children: [{ type: 'text', value: bidiMark(m[0]) }],
    });
    at = m.index + 1;
  }
  if (at < value.length) out.push({ type: 'text', value: value.slice(at) });
  return out;
}

export function rehypeShowBidi() {
  return (tree: HastNode) => {
    // Without recursion: the tree may be as deep as the depth cap allows.
    const todo: [HastNode, boolean][] = [[tree, false]];
    while (todo.length) {
      const [node, inCode] = todo.pop()!;
      if (!node.children) continue;
      const code = inCode || node.tagName === 'code' || node.tagName === 'pre';
      if (code) {
        // Code stays one text node (the highlighter and the copy button read it): the mark goes in as text.
        for (const c of node.children) {
          if (c.type === 'text' && c.value && HAS_BIDI.test(c.value)) c.value = showBidiControls(c.value);
          else todo.push([c, true]);
        }
        continue;
      }
      if (node.children.some((c) => c.type === 'text' && c.value && HAS_BIDI.test(c.value)))
        node.children = node.children.flatMap((c) =>
          c.type === 'text' && c.value && HAS_BIDI.test(c.value) ? split(c.value) : [c],
        );
      for (const c of node.children) if (c.type !== 'text') todo.push([c, false]);
    }
  };
}
