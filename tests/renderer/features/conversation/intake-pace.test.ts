import { expect, it } from 'vitest';
import { FIRST_SLICE, IntakePace, MAX_SLICE, MIN_SLICE } from '../../../../renderer/features/conversation/intake-pace.ts';

it('starts with a small slice, then takes what the measured cost says fits the budget', () => {
  const pace = new IntakePace(8);
  expect(pace.slice()).toBe(FIRST_SLICE);
  pace.record(4_000, 2); // 0.5 µs a character: 8 ms holds 16,000
  expect(pace.slice()).toBe(16_000);
});

it('slows down at once when text gets dearer, and speeds up gradually', () => {
  const pace = new IntakePace(8);
  pace.record(10_000, 1.25);
  expect(pace.slice()).toBe(64_000);
  pace.record(10_000, 5); // four times the cost: a quarter of the slice, at once
  expect(pace.slice()).toBe(16_000);
  pace.record(10_000, 1.25); // cheap again: part of the way back
  const next = pace.slice();
  expect(next).toBeGreaterThan(16_000);
  expect(next).toBeLessThan(64_000);
});

it('learns the fixed cost of a render from renders that took in little text, and leaves the rest to the text', () => {
  const pace = new IntakePace(8);
  for (let i = 0; i < 30; i++) pace.record(10, 2); // every render costs 2 ms, whatever arrived
  pace.record(24_000, 8); // 2 ms fixed + 6 ms for 24,000 characters: 0.25 µs each
  expect(pace.slice()).toBe(24_000); // the 6 ms left after the fixed part
});

it('keeps half the budget for text when the fixed part is slow, so a busy machine does not starve a burst', () => {
  const pace = new IntakePace(8);
  for (let i = 0; i < 30; i++) pace.record(0, 20); // a render alone takes 20 ms of wall time
  pace.record(20_000, 25); // 0.25 µs a character on top of it
  expect(pace.slice()).toBe(16_000);
});

it('keeps each slice within its bounds', () => {
  const slow = new IntakePace(8);
  slow.record(10_000, 1_000);
  expect(slow.slice()).toBe(MIN_SLICE);
  const fast = new IntakePace(8);
  fast.record(100_000, 0);
  expect(fast.slice()).toBe(MAX_SLICE);
});
