import { expect, it } from 'vitest';
import {
  CATCH_UP_MIN_SLICE,
  FIRST_SLICE,
  IntakePace,
  MAX_SLICE,
  MIN_SLICE,
} from '../../../../renderer/features/conversation/intake-pace.ts';

it('starts with a small slice, then takes what the measured cost says fits the budget', () => {
  const pace = new IntakePace(8);
  expect(pace.slice()).toBe(FIRST_SLICE);
  pace.record(8_000, 4); // 0.5 µs a character: 8 ms holds 16,000
  expect(pace.slice()).toBe(16_000);
});

it('grows at most twice the last slice measured, and slows down at once when text gets dearer', () => {
  const pace = new IntakePace(8);
  pace.record(10_000, 0.5); // 0.05 µs a character would allow 160,000
  expect(pace.slice()).toBe(20_000);
  pace.record(20_000, 1);
  expect(pace.slice()).toBe(40_000);
  pace.record(40_000, 20); // ten times the cost: at once
  expect(pace.slice()).toBe(16_000);
  pace.record(16_000, 1); // cheap again: part of the way back
  const next = pace.slice();
  expect(next).toBeGreaterThan(16_000);
  expect(next).toBeLessThan(32_001);
});

it('learns the fixed cost of a render from renders that took in little text, and leaves the rest to the text', () => {
  const pace = new IntakePace(8);
  for (let i = 0; i < 30; i++) pace.record(10, 2); // every render costs 2 ms, whatever arrived
  pace.record(12_000, 5); // 2 ms fixed + 3 ms for 12,000 characters: 0.25 µs each
  expect(pace.slice()).toBe(24_000); // the 6 ms left after the fixed part
});

it('puts at least half of a render down to its text, however dear small renders were', () => {
  const pace = new IntakePace(8);
  for (let i = 0; i < 30; i++) pace.record(10, 20); // a Markdown tail: 20 ms a render
  pace.record(16_000, 16); // cheaper than that altogether: 8 ms of it counted for 16,000 characters
  expect(pace.slice()).toBe(MIN_SLICE);
});

it('keeps each slice within its bounds', () => {
  const slow = new IntakePace(8);
  slow.record(10_000, 1_000);
  expect(slow.slice()).toBe(MIN_SLICE);
  const fast = new IntakePace(8);
  for (let n = 8_000; n < MAX_SLICE; n *= 2) fast.record(n, 0);
  expect(fast.slice()).toBe(MAX_SLICE);
});

it('takes a bigger slice while a backlog waits, sized by the catch-up budget', () => {
  const pace = new IntakePace(8, 20);
  pace.record(16_000, 16); // 1 µs a character: 8 ms holds 8,000, 20 ms holds 20,000
  expect(pace.slice()).toBe(8_000);
  expect(pace.slice(8_000)).toBe(8_000); // no more waiting than the normal slice takes
  expect(pace.slice(300_000)).toBe(20_000);
  pace.record(20_000, 40); // 2 µs a character: the catch-up floor, not the 10,000 the budget says
  expect(pace.slice(300_000)).toBe(CATCH_UP_MIN_SLICE);
  expect(pace.slice()).toBe(MIN_SLICE);
  // Still at most twice the last slice measured, and within MAX_SLICE.
  const fast = new IntakePace(8, 20);
  fast.record(10_000, 0.5);
  expect(fast.slice(300_000)).toBe(20_000);
});

it('never gives a catch-up budget smaller than the normal one', () => {
  const pace = new IntakePace(30);
  pace.record(16_000, 8);
  expect(pace.slice(300_000)).toBe(pace.slice());
});
