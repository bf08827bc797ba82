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

it('applies host events once per frame; an end that came with new text settles the turn a frame later', async () => {
  const bridge = fakeBridge();
  const store = createAppStore(bridge, { storage: memoryStorage() });
  await store.getState().loadProviders();
  connectBridgeEvents(store, bridge);
  store.getState().setPrompt('Hello?');
  await store.getState().send();
  const requestId = bridge.started[0].requestId!;
  const chat = (event: object) => bridge.emit({ channel: 'chat', requestId, event } as never);

  chat({ type: 'delta', content: 'Hi' });
  chat({ type: 'delta', content: ' there' });
  chat({ type: 'end', result: result('Hi there') });
  expect(store.getState().turns[0]).toMatchObject({ status: 'sending', answer: '' });
  expect(queued).toHaveLength(1); // one frame asked for, however many events

  frame();
  // The text is shown this frame; the end (status, stats, actions) waits for the next.
  expect(store.getState().turns[0]).toMatchObject({ status: 'sending', answer: 'Hi there' });
  expect(queued).toHaveLength(1);

  frame();
  expect(store.getState().turns[0]).toMatchObject({ status: 'done', answer: 'Hi there', result: { answer: 'Hi there' } });
  expect(queued).toHaveLength(0);
});
