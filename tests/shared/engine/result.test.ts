import { expect, it } from 'vitest';
import { emptyFailedResult, isRunningStatus, resultStatus } from '../../../shared/engine/result.ts';
import { makeError } from '../../../shared/engine/errors.ts';

it('names how a request ended: done, cancelled (stopped), or error', () => {
  const failed = emptyFailedResult(makeError('auth', 'Key refused.'));
  expect(resultStatus({ error: null })).toBe('done');
  expect(resultStatus(failed)).toBe('error');
  expect(resultStatus(emptyFailedResult(makeError('cancelled', 'Stopped.')))).toBe('cancelled');
});

it('an empty failed result has no text, no tokens and a known cost of $0', () => {
  const r = emptyFailedResult(makeError('bad-input', 'No such file.'));
  expect(r).toMatchObject({ answer: '', reasoning: '', boxes: [], cost: { usd: 0, source: 'estimate' }, finish_reason: null });
  expect(r.usage).toEqual({ prompt_tokens: 0, completion_tokens: 0, reasoning_tokens: 0, cached_tokens: 0 });
  expect(r.error).toMatchObject({ kind: 'bad-input', message: 'No such file.' });
});

it('a request is running while sent or streaming, and not once it ended', () => {
  expect(['sending', 'streaming', 'done', 'error', 'cancelled', 'incomplete'].map(isRunningStatus)).toEqual([
    true,
    true,
    false,
    false,
    false,
    false,
  ]);
});
