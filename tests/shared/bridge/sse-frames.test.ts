import { describe, expect, it } from 'vitest';
import { PART_EVENT, SsePieces, sseFrames } from '../../../shared/bridge/sse-frames.ts';

/** The frames as an EventSource reads them: [event type, data] per message. */
function read(frames: string): [string, string][] {
  return frames
    .split('\n\n')
    .filter(Boolean)
    .map((frame) => {
      let type = 'message';
      let data = '';
      for (const line of frame.split('\n')) {
        if (line.startsWith('event: ')) type = line.slice(7);
        // One space after the colon is dropped, as EventSource does.
        else if (line.startsWith('data:')) data = line.slice(line[5] === ' ' ? 6 : 5);
      }
      return [type, data];
    });
}

function roundTrip(json: string, piece?: number): { json: string; messages: number } {
  const pieces = new SsePieces();
  const out: string[] = [];
  const messages = read(sseFrames(json, piece));
  for (const [type, data] of messages) {
    if (type === PART_EVENT) pieces.part(data);
    else out.push(pieces.end(data));
  }
  expect(out).toHaveLength(1);
  return { json: out[0]!, messages: messages.length };
}

describe('sseFrames', () => {
  it('sends a small event as one message, as before', () => {
    const json = JSON.stringify({ channel: 'chat', event: { type: 'delta', content: 'hi' } });
    expect(sseFrames(json)).toBe(`data: ${json}\n\n`);
  });

  it('sends a large event in pieces that join back to the same JSON', () => {
    const json = JSON.stringify({ answer: 'x '.repeat(200_000), boxes: Array.from({ length: 2000 }, (_, n) => ({ n })) });
    const back = roundTrip(json);
    expect(back.json).toBe(json);
    expect(back.messages).toBeGreaterThan(5);
  });

  it('keeps spaces at the start of a piece', () => {
    const json = `"${'a'.repeat(9)}   ${'b'.repeat(20)}"`;
    expect(roundTrip(json, 10).json).toBe(json);
  });

  it('never cuts a surrogate pair in two', () => {
    const json = JSON.stringify('😀'.repeat(50));
    for (const piece of [3, 4, 7, 10]) {
      const frames = read(sseFrames(json, piece));
      // No piece starts or ends with half a pair.
      for (const [, data] of frames) expect(/^[\udc00-\udfff]|[\ud800-\udbff]$/.test(data)).toBe(false);
      expect(roundTrip(json, piece).json).toBe(json);
    }
  });

  it('forgets pieces of an event cut off by a reconnection', () => {
    const pieces = new SsePieces();
    pieces.part('{"half":');
    pieces.reset();
    expect(pieces.end('{"whole":1}')).toBe('{"whole":1}');
  });
});
