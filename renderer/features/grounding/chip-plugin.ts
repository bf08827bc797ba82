/**
 * A rehype plugin that turns the parser's chip markers (shared/grounding: CHIP_OPEN n CHIP_CLOSE) into
 * `<box-chip data-n="n">` elements, rendered by the BoxChip component. It runs after sanitising, on text nodes
 * only, so the elements it makes are ours: a model cannot write one (the parser neutralises marker characters).
 */
import { CHIP_OPEN, CHIP_RE } from '../../../shared/grounding/types.ts';
import { MAX_CHIPS } from './chip-limit.ts';

interface HastNode {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

function splitText(value: string): HastNode[] | null {
  if (!value.includes(CHIP_OPEN)) return null;
  const out: HastNode[] = [];
  let at = 0;
  for (const m of value.matchAll(new RegExp(CHIP_RE.source, 'g'))) {
    if (m.index > at) out.push({ type: 'text', value: value.slice(at, m.index) });
    // Past MAX_CHIPS a box is its number in brackets, part of the text around it (see chip-limit.ts).
    if (Number(m[1]) > MAX_CHIPS) out.push({ type: 'text', value: `[${m[1]}]` });
    else out.push({ type: 'element', tagName: 'box-chip', properties: { dataN: m[1] }, children: [] });
    at = m.index + m[0].length;
  }
  if (at < value.length) out.push({ type: 'text', value: value.slice(at) });
  return out;
}

function walk(node: HastNode): void {
  if (!node.children || node.tagName === 'code' || node.tagName === 'pre') return;
  const next: HastNode[] = [];
  for (const child of node.children) {
    const parts = child.type === 'text' && child.value ? splitText(child.value) : null;
    if (parts) next.push(...parts);
    else {
      walk(child);
      next.push(child);
    }
  }
  node.children = next;
}

export function rehypeBoxChips() {
  return (tree: HastNode) => walk(tree);
}
