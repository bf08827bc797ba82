import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { connectBridgeEvents } from '../../../renderer/store/bridge-events.ts';
import { memoryStorage } from '../../../renderer/store/deps.ts';
import { createAppStore } from '../../../renderer/store/index.ts';
import { result } from '../model/turns.ts';
import { fakeBridge } from './fake-bridge.ts';

// The window's frames, run by hand: each call to `frame()` runs the animation-frame callbacks queued before it,
// "paints" (calls `onPaint`), then runs the messages posted during the frame, which a browser delivers after it.
let queued: [number, FrameRequestCallback][] = [];
let posted: (() => void)[] = [];
let onPaint = () => {};
let frameIds = 0;
const frame = () => {
  const run = queued;
  queued = [];
  for (const [, f] of run) f(performance.now());
  onPaint();
  const after = posted;
  posted = [];
  for (const f of after) f();
};
class FrameMessageChannel {
  port1 = { onmessage: null as null | (() => void), close() {} };
  port2 = { postMessage: () => posted.push(() => this.port1.onmessage?.()) };
}
beforeEach(() => {
  queued = [];
  posted = [];
  onPaint = () => {};
  vi.stubGlobal('document', { visibilityState: 'visible' });
  vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => {
    queued.push([++frameIds, f]);
    return frameIds;
  });
  vi.stubGlobal('cancelAnimationFrame', (id: number) => {
    queued = queued.filter(([q]) => q !== id);
  });
  vi.stubGlobal('MessageChannel', FrameMessageChannel);
});
afterEach(() => vi.unstubAllGlobals());

/** A store with one turn sent, its events connected; `chat` emits one host event of that turn's request. */
async function sentTurn() {
  const bridge = fakeBridge();
  const store = createAppStore(bridge, { storage: memoryStorage() });
  await store.getState().loadProviders();
  connectBridgeEvents(store, bridge);
  store.getState().setPrompt('Hello?');
  await store.getState().send();
  const requestId = bridge.started[0].requestId!;
  const chat = (event: object) => bridge.emit({ channel: 'chat', requestId, event } as never);
  return { store, chat };
}

it('applies an event that finds the pipe quiet at once, and the events after it once per frame', async () => {
  const { store, chat } = await sentTurn();

  chat({ type: 'start', estimate: null });
  chat({ type: 'delta', content: 'Hi' });
  // Nothing queued and no text applied yet: neither the start nor the first text waits for a frame.
  expect(store.getState().turns[0]).toMatchObject({ status: 'streaming', answer: 'Hi' });

  // Before the next frame: batched, one frame asked for however many events.
  chat({ type: 'delta', content: ' there' });
  chat({ type: 'delta', content: ',' });
  expect(store.getState().turns[0]).toMatchObject({ answer: 'Hi' });
  frame();
  expect(store.getState().turns[0]).toMatchObject({ answer: 'Hi there,' });

  // Text arriving before the frame after that one waits for it: at most one batch of text per frame.
  chat({ type: 'delta', content: ' you' });
  expect(store.getState().turns[0]).toMatchObject({ answer: 'Hi there,' });
  frame();
  expect(store.getState().turns[0]).toMatchObject({ answer: 'Hi there, you' });

  // A frame with nothing to apply: the pipe is quiet again, the next token of a slow stream is applied as it arrives.
  frame();
  chat({ type: 'delta', content: '!' });
  expect(store.getState().turns[0]).toMatchObject({ answer: 'Hi there, you!' });
});

it("renders a request's start with its first text, or in the next frame when no text comes first", async () => {
  const { store, chat } = await sentTurn();
  let renders = 0;
  store.subscribe(() => renders++);

  chat({ type: 'start', estimate: null });
  expect(store.getState().turns[0].status).toBe('sending');
  chat({ type: 'delta', content: 'Hi' });
  expect(store.getState().turns[0]).toMatchObject({ status: 'streaming', answer: 'Hi' });
  expect(renders).toBe(1);
  // The frame the start had asked for finds nothing left to apply.
  frame();
  expect(renders).toBe(1);

  // A start alone (a provider slow to its first token) is shown by the next frame.
  const next = await sentTurn();
  next.chat({ type: 'start', estimate: null });
  expect(next.store.getState().turns[0].status).toBe('sending');
  frame();
  expect(next.store.getState().turns[0].status).toBe('streaming');
});

it('applies a burst once per frame; an end that came with new text settles the turn after that frame paints', async () => {
  const { store, chat } = await sentTurn();
  const painted: { answer: string; status: string }[] = [];
  onPaint = () => painted.push({ answer: store.getState().turns[0].answer, status: store.getState().turns[0].status });

  chat({ type: 'delta', content: 'Hi' });
  chat({ type: 'delta', content: ' there' });
  frame();
  // Mid-burst: the text of the next frame, and the end, arrive before it.
  chat({ type: 'delta', content: ' now' });
  chat({ type: 'end', result: result('Hi there now') });
  expect(store.getState().turns[0]).toMatchObject({ status: 'sending', answer: 'Hi there' });

  // The text is shown this frame; the end (status, stats, actions) is applied after it paints.
  frame();
  expect(painted).toEqual([
    { answer: 'Hi there', status: 'sending' },
    { answer: 'Hi there now', status: 'sending' },
  ]);
  expect(store.getState().turns[0]).toMatchObject({
    status: 'done',
    answer: 'Hi there now',
    result: { answer: 'Hi there now' },
  });
});

it('settles a turn after the frame that paints its text, also when that text was applied at once', async () => {
  const { store, chat } = await sentTurn();
  const painted: { answer: string; status: string }[] = [];
  onPaint = () => painted.push({ answer: store.getState().turns[0].answer, status: store.getState().turns[0].status });

  // A short answer arrives all at once: its start, the first token (the host sends a quiet spell's first delta
  // alone), the rest merged, and the end, within a few ms.
  chat({ type: 'start', estimate: null });
  chat({ type: 'delta', content: 'Two' });
  chat({ type: 'delta', content: ' cats.' });
  chat({ type: 'end', result: result('Two cats.') });
  expect(store.getState().turns[0]).toMatchObject({ status: 'streaming', answer: 'Two' });

  // The frame shows the whole text; the end is applied right after it paints, before the next frame.
  frame();
  expect(painted).toEqual([{ answer: 'Two cats.', status: 'streaming' }]);
  expect(store.getState().turns[0]).toMatchObject({ status: 'done', answer: 'Two cats.' });
});

it('holds an end that follows text applied at once until that text is painted, even with no text beside it', async () => {
  const { store, chat } = await sentTurn();
  const painted: string[] = [];
  onPaint = () => painted.push(store.getState().turns[0].status);

  chat({ type: 'delta', content: 'Yes.' });
  chat({ type: 'end', result: result('Yes.') });
  expect(store.getState().turns[0]).toMatchObject({ status: 'sending', answer: 'Yes.' });
  frame();
  expect(painted).toEqual(['sending']);
  expect(store.getState().turns[0]).toMatchObject({ status: 'done' });

  // A frame later the pipe is quiet again: the next request's first event is applied as it arrives.
  frame();
  expect(painted).toEqual(['sending', 'done']);
});
