import { expect, it } from 'vitest';
import { historyOf } from '../../../renderer/model/history.ts';
import { turn } from './turns.ts';

it('sends earlier turns as user/assistant messages; a failed turn without an answer adds only its question', () => {
  const h = historyOf(
    [turn('a', { prompt: 'Hi', answer: 'Hello' }), turn('b', { prompt: 'And?', answer: '', status: 'error' })],
    {},
  );
  expect(h).toEqual([
    { role: 'user', text: 'Hi' },
    { role: 'assistant', text: 'Hello' },
    { role: 'user', text: 'And?' },
  ]);
});

it('sends a compare once: the lane marked better, else the first lane that answered without an error', () => {
  const lanes = [
    turn('l1', { prompt: 'Count', answer: '', compareGroup: 'g', status: 'error' }),
    turn('l2', { prompt: 'Count', answer: 'Three', compareGroup: 'g' }),
    turn('l3', { prompt: 'Count', answer: 'Four', compareGroup: 'g' }),
  ];
  expect(historyOf(lanes, {})).toEqual([
    { role: 'user', text: 'Count' },
    { role: 'assistant', text: 'Three' },
  ]);
  expect(historyOf(lanes, { g: 'r-l3' })[1]).toEqual({ role: 'assistant', text: 'Four' });
});
