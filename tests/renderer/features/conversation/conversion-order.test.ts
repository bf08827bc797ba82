import { describe, expect, it } from 'vitest';
import { nextGroup } from '../../../../renderer/features/conversation/conversion-order.ts';

/** The order nextGroup converts `groups` groups in, each converted in one step, with `visible` on screen. */
function order(groups: number, visible: number[]): number[] {
  const done = new Set<number>();
  const out: number[] = [];
  for (
    let p = nextGroup(groups, (g) => !done.has(g), new Set(visible));
    p;
    p = nextGroup(groups, (g) => !done.has(g), new Set(visible))
  ) {
    done.add(p.group);
    out.push(p.group);
  }
  return out;
}

describe('nextGroup', () => {
  it('converts the groups on screen first, then outwards from the screen, the one below first', () => {
    expect(order(8, [5, 4])).toEqual([4, 5, 6, 3, 7, 2, 1, 0]);
  });

  it('at the end of an answer, converts bottom up from what is on screen', () => {
    expect(order(5, [4])).toEqual([4, 3, 2, 1, 0]);
  });

  it('says which picks are on screen, and goes top down when nothing is known to be', () => {
    expect(nextGroup(3, () => true, new Set([2]))).toEqual({ group: 2, inView: true });
    expect(nextGroup(3, (g) => g !== 2, new Set([2]))).toEqual({ group: 1, inView: false });
    expect(order(3, [])).toEqual([0, 1, 2]);
    // A group that is gone (the answer was replaced by a shorter one) is not picked.
    expect(nextGroup(2, () => true, new Set([7]))).toEqual({ group: 0, inView: false });
    expect(nextGroup(2, () => false, new Set([0]))).toBeNull();
  });
});
