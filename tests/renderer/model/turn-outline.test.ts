import { describe, expect, it } from 'vitest';
import { shallow } from 'zustand/shallow';
import { applyChatEvents } from '../../../renderer/model/chat-reducer.ts';
import { turnOutline } from '../../../renderer/model/turn-outline.ts';
import { env, result, turn } from './turns.ts';

describe('turnOutline', () => {
  it('is unchanged by a delta once the turn has text, so the turn view does not re-render per delta', () => {
    let turns = applyChatEvents(
      [turn('a', { status: 'streaming' })],
      [env('r-a', { type: 'delta', reasoning: 'hm', content: 'Two ' })],
    );
    const before = turnOutline(turns[0]);
    turns = applyChatEvents(turns, [env('r-a', { type: 'delta', reasoning: ' more', content: 'cats' })]);
    expect(turns[0].answer).toBe('Two cats');
    expect(shallow(before, turnOutline(turns[0]))).toBe(true);
  });

  it('changes when the first text arrives and when the turn ends', () => {
    let turns = [turn('a', { status: 'streaming' })];
    const empty = turnOutline(turns[0]);
    turns = applyChatEvents(turns, [env('r-a', { type: 'delta', content: 'Two' })]);
    const streaming = turnOutline(turns[0]);
    expect(shallow(empty, streaming)).toBe(false);
    expect(streaming.hasAnswer).toBe(true);
    turns = applyChatEvents(turns, [env('r-a', { type: 'end', result: result('Two cats.') })]);
    const done = turnOutline(turns[0]);
    expect(shallow(streaming, done)).toBe(false);
    expect(done).toMatchObject({ status: 'done', result: { answer: 'Two cats.' } });
  });
});
