/**
 * The shown conversation as a path through the turn tree. Today every turn follows the one before it (lanes of
 * a compare follow the same turn), so the path is the whole list; regenerate and branch add siblings, and the
 * path then picks one child at each step: the one on the way to the current leaf.
 */
import type { Turn } from './turn.ts';

/**
 * The turns from the root to `leafId`, in order. A step that is a compare lane brings its sibling lanes (same
 * parent, same group) with it, in the order they were stored, since a compare is shown as one item.
 */
export function pathTo(all: readonly Turn[], leafId: string | null): Turn[] {
  const byId = new Map(all.map((t) => [t.id, t]));
  const chain: Turn[] = [];
  const seen = new Set<string>();
  for (let t = leafId ? byId.get(leafId) : undefined; t && !seen.has(t.id); t = t.parentId ? byId.get(t.parentId) : undefined) {
    seen.add(t.id);
    chain.push(t);
  }
  chain.reverse();
  const out: Turn[] = [];
  for (const t of chain) {
    if (!t.compareGroup) out.push(t);
    else out.push(...all.filter((x) => x.compareGroup === t.compareGroup && x.parentId === t.parentId));
  }
  return out;
}

/**
 * The turn a new question follows: the last turn shown. After a compare, that is its first lane (the lanes are
 * siblings; the history sent with the next question picks the lane it uses, see history.ts).
 */
export function leafOf(shown: readonly Turn[]): string | null {
  const last = shown.at(-1);
  if (!last) return null;
  if (!last.compareGroup) return last.id;
  return shown.find((t) => t.compareGroup === last.compareGroup)!.id;
}

/** Links turns that were read as a flat list (a reopened session) into one path: each follows the one before. */
export function linkInOrder(turns: readonly Turn[]): Turn[] {
  const out: Turn[] = [];
  for (const t of turns) {
    const prev = out.at(-1);
    // Lanes of one compare (already grouped) share the parent of the first lane.
    const sibling = prev && t.compareGroup && prev.compareGroup === t.compareGroup;
    out.push({ ...t, parentId: sibling ? prev.parentId : (leafOf(out) ?? null) });
  }
  return out;
}
