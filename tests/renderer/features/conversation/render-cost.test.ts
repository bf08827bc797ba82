import { describe, expect, it } from 'vitest';
import { blockKind, RenderCost } from '../../../../renderer/features/conversation/render-cost.ts';

const prose = 'word '.repeat(100); // 500 chars
const table = '| a | b |\n|---|---|\n| 1 | 2 |\n';

describe('blockKind', () => {
  it('tells the kinds apart by a cheap look', () => {
    expect(blockKind('```ts\nx\n```\n')).toBe('code');
    expect(blockKind(table)).toBe('table');
    expect(blockKind('$$\nx^2\n$$\n')).toBe('math');
    expect(blockKind('1. item \uE0001\uE001\n')).toBe('chips');
    expect(blockKind('<table><tr><td>x</td></tr></table>')).toBe('html');
    expect(blockKind('- a\n- b\n')).toBe('list');
    expect(blockKind(prose)).toBe('prose');
  });
});

describe('RenderCost', () => {
  it('converts a kind never measured one block at a time', () => {
    const cost = new RenderCost();
    expect(cost.fit([prose, prose, prose], 0, 8)).toBe(1);
  });

  it('batches cheap blocks up to the budget, and each kind at its own rate', () => {
    const cost = new RenderCost();
    cost.record(prose, 0.5); // 1 ms per 1,000 chars
    cost.record(table, 4); // a table costs 4 ms however short
    const blocks = [...Array(40).fill(prose), table, table, table, prose];
    expect(cost.fit(blocks, 0, 8)).toBe(16); // 16 × 0.5 ms
    expect(cost.fit(blocks, 40, 8)).toBe(42); // two tables fill the frame
  });

  it('raises a rate at once when a render costs more than expected, and lowers it slowly', () => {
    const cost = new RenderCost();
    cost.record(prose, 1);
    cost.record(prose, 10);
    expect(cost.estimate(prose)).toBeCloseTo(10);
    cost.record(prose, 0);
    expect(cost.estimate(prose)).toBeCloseTo(7);
  });

  it('always makes progress, even when one block is over the budget', () => {
    const cost = new RenderCost();
    cost.record(table, 100);
    expect(cost.fit([table, table], 0, 8)).toBe(1);
    expect(cost.fit([table, table], 1, 8)).toBe(2);
  });

  it('fits blocks from the end down the same way, never below the floor it is given', () => {
    const cost = new RenderCost();
    cost.record(prose, 0.5);
    cost.record(table, 4);
    const blocks = [...Array(40).fill(prose), table, table, table, prose];
    expect(cost.fitBack(blocks, 44, 0, 8)).toBe(42); // the last prose block and one table: 4.5 ms, a second is 8.5
    expect(cost.fitBack(blocks, 40, 0, 8)).toBe(24); // 16 × 0.5 ms
    expect(cost.fitBack(blocks, 40, 30, 8)).toBe(30);
    cost.record(table, 100);
    expect(cost.fitBack(blocks, 43, 0, 8)).toBe(42); // one block over the budget still makes progress
  });
});
