import { expect, it } from 'vitest';
import { leafOf, linkInOrder, pathTo } from '../../../renderer/model/thread.ts';
import { regroupCompares } from '../../../renderer/model/lanes.ts';
import { turn } from './turns.ts';
import { laneLabelEnglish } from '../../../shared/compare/lanes.ts';

it('links a flat list into one path, lanes of a compare as siblings of one parent', () => {
  const linked = linkInOrder([turn('a'), turn('l1', { compareGroup: 'g' }), turn('l2', { compareGroup: 'g' }), turn('b')]);
  expect(linked.map((t) => [t.id, t.parentId])).toEqual([
    ['a', null],
    ['l1', 'a'],
    ['l2', 'a'],
    ['b', 'l1'],
  ]);
  expect(leafOf(linked)).toBe('b');
  expect(leafOf(linked.slice(0, 3))).toBe('l1');
});

it('shows the path to the leaf: a branch off the first turn hides the other branch', () => {
  const all = [
    turn('a'),
    turn('b', { parentId: 'a' }),
    turn('b2', { parentId: 'a' }),
    turn('c', { parentId: 'b' }),
    turn('l1', { parentId: 'b2', compareGroup: 'g' }),
    turn('l2', { parentId: 'b2', compareGroup: 'g' }),
  ];
  expect(pathTo(all, 'c').map((t) => t.id)).toEqual(['a', 'b', 'c']);
  expect(pathTo(all, 'l2').map((t) => t.id)).toEqual(['a', 'b2', 'l1', 'l2']);
  expect(pathTo(all, null)).toEqual([]);
});

it('regroups the lanes of a reopened session, labels them again and makes them siblings', () => {
  const reopened = linkInOrder([
    turn('a', { requestId: 'r1' }),
    turn('x', { requestId: 'r2', thinking: true }),
    turn('y', { requestId: 'r3', thinking: false }),
    turn('z', { requestId: 'r4' }),
  ]);
  const turns = regroupCompares(reopened, { groupOf: { r2: 'g', r3: 'g' }, preferred: {} });
  expect(
    turns.map((t) => [t.id, t.compareGroup ?? null, t.laneLabel ? laneLabelEnglish(t.laneLabel) : null, t.parentId]),
  ).toEqual([
    ['a', null, null, null],
    ['x', 'g', 'Thinking', 'a'],
    ['y', 'g', 'Fast', 'a'],
    ['z', null, null, 'x'],
  ]);
});
