/** Continue through the store (issue #10): the same turn grows, Stop stops the continuation, a refusal keeps the text. */
import { describe, expect, it } from 'vitest';
import { BridgeError } from '../../../renderer/bridge/bridge-error.ts';
import { memoryStorage } from '../../../renderer/store/deps.ts';
import { createAppStore } from '../../../renderer/store/index.ts';
import { CONTINUE_PROMPT } from '../../../shared/params/continuation.ts';
import { result } from '../model/turns.ts';
import { fakeBridge } from './fake-bridge.ts';

const ev = (requestId: string, event: object) => ({ channel: 'chat', requestId, event }) as never;

async function cutAnswer(bridge = fakeBridge()) {
  const store = createAppStore(bridge, { storage: memoryStorage() });
  await store.getState().loadProviders();
  store.getState().selectProvider('p1');
  store.getState().setPrompt('Tell me a story');
  await store.getState().send();
  const first = bridge.started[0]!;
  store
    .getState()
    .applyChatEvents([ev(first.requestId!, { type: 'end', result: { ...result('Once upon'), finish_reason: 'length' } })]);
  return { bridge, store, first, turnId: store.getState().turns[0]!.id };
}

describe('continueAnswer', () => {
  it('sends the same question with the answer so far, and the same turn grows', async () => {
    const { bridge, store, first, turnId } = await cutAnswer();
    await store.getState().continueAnswer(turnId);
    const c = bridge.started[1]!;
    expect(c).toMatchObject({
      providerId: 'p1',
      prompt: 'Tell me a story',
      history: [],
      sessionId: store.getState().sessionId,
      continues: { requestId: first.requestId, answer: 'Once upon' },
    });
    expect(c.requestId).not.toBe(first.requestId);
    expect(c).not.toHaveProperty('parentRequestId');
    store.getState().applyChatEvents([ev(c.requestId!, { type: 'delta', content: ' a time.' })]);
    const turns = store.getState().turns;
    expect(turns).toHaveLength(1);
    expect(turns[0]).toMatchObject({ id: turnId, requestId: first.requestId, answer: 'Once upon a time.', status: 'sending' });
    // The provider is Z.AI: it has no prefill, and the window knows it will be a new message.
    expect(turns[0]!.continuing?.mode).toBe('new-message');
    expect(CONTINUE_PROMPT).toMatch(/^Continue exactly/);
  });

  it('Stop cancels the continuation, not the request that already ended', async () => {
    const { bridge, store, turnId } = await cutAnswer();
    await store.getState().continueAnswer(turnId);
    await store.getState().stop(turnId);
    expect(bridge.cancelled).toEqual([bridge.started[1]!.requestId]);
  });

  it('a continuation the host refuses leaves the answer as it was, with the reason', async () => {
    const bridge = fakeBridge();
    const { store, turnId } = await cutAnswer(bridge);
    bridge.startChat = async () => {
      throw new BridgeError('host-unreachable', 'The host is gone.');
    };
    await store.getState().continueAnswer(turnId);
    const t = store.getState().turns[0]!;
    expect(t).toMatchObject({ answer: 'Once upon', status: 'error' });
    expect(t.error?.kind).toBe('host-unreachable');
    expect(t.continuing).toBeUndefined();
  });
});
