import { expect, it } from 'vitest';
import { contextFit } from '../../../../renderer/model/context-warning.ts';

it('says when a prompt is over or near the context window, and never guesses an unknown one', () => {
  expect(contextFit(70_000, 65_536)).toEqual({ kind: 'over', context: 65_536 });
  expect(contextFit(60_000, 65_536)).toEqual({ kind: 'near', context: 65_536 });
  expect(contextFit(40_000, 65_536)).toEqual({ kind: 'fits' });
  expect(contextFit(1_000_000, null)).toEqual({ kind: 'fits' });
});
