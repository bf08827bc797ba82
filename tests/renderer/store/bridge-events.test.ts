import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { connectBridgeEvents } from '../../../renderer/store/bridge-events.ts';
import { memoryStorage } from '../../../renderer/store/deps.ts';
import { createAppStore } from '../../../renderer/store/index.ts';
import { result } from '../model/turns.ts';
import { fakeBridge } from './fake-bridge.ts';

// The window's frames, run by hand: each call to `frame()` runs the callbacks queued before it.
let queued: FrameRequestCallback[] = [];
const frame = () => {
  const run = queued;
  queued = [];
  for (const f of run) f(performance.now());
};
beforeEach(() => {
  queued = [];
  vi.stubGlobal('document', { visibilityState: 'visible' });
  vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => queued.push(f));
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

it('applies a burst once per frame; an end that came with new text settles the turn a frame later', async () => {
  const { store, chat } = await sentTurn();

  chat({ type: 'delta', content: 'Hi' });
  chat({ type: 'delta', content: ' there' });
  chat({ type: 'end', result: result('Hi there') });
  expect(store.getState().turns[0]).toMatchObject({ status: 'sending', answer: 'Hi' });

  frame();
  // The text is shown this frame; the end (status, stats, actions) waits for the next.
  expect(store.getState().turns[0]).toMatchObject({ status: 'sending', answer: 'Hi there' });

  frame();
  expect(store.getState().turns[0]).toMatchObject({ status: 'done', answer: 'Hi there', result: { answer: 'Hi there' } });
});
