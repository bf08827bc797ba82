import { describe, expect, it } from 'vitest';
import { newestLeaf, showBranch, siblingsOf, withoutTurn } from '../../../renderer/model/branches.ts';
import { sendingTurn, type Turn } from '../../../renderer/model/turn.ts';

const turn = (id: string, parentId: string | null, createdAt: number): Turn => ({
  ...sendingTurn({ id, parentId, requestId: `r-${id}`, prompt: id, images: [], providerName: 'P', model: 'm', thinking: false }),
  createdAt,
});

// a ─ b ─ c        b2 regenerates b (a sibling), d follows b2.
//   └ b2 ─ d
const tree = [turn('a', null, 1), turn('b', 'a', 2), turn('c', 'b', 3), turn('b2', 'a', 4), turn('d', 'b2', 5)];

describe('branches', () => {
  it('numbers siblings oldest first', () => {
    expect(siblingsOf(tree, tree[1]!).map((t) => t.id)).toEqual(['b', 'b2']);
    expect(siblingsOf(tree, tree[0]!).map((t) => t.id)).toEqual(['a']);
  });
  it('flipping to a sibling shows the newest leaf under it, and hides the other branch', () => {
    expect(newestLeaf(tree, tree[1]!).id).toBe('c');
    const { turns, hiddenTurns } = showBranch(tree, 'c');
    expect(turns.map((t) => t.id)).toEqual(['a', 'b', 'c']);
    expect(hiddenTurns.map((t) => t.id)).toEqual(['b2', 'd']);
    expect(showBranch(tree, newestLeaf(tree, tree[3]!).id).turns.map((t) => t.id)).toEqual(['a', 'b2', 'd']);
  });
  it('deleting a turn keeps the turns after it, now following its parent', () => {
    const left = withoutTurn(tree, 'b');
    expect(left.map((t) => t.id)).toEqual(['a', 'c', 'b2', 'd']);
    expect(left.find((t) => t.id === 'c')?.parentId).toBe('a');
  });
});
