/**
 * One message that never ends: a single `data:` line of an SSE stream, or a JSON body from a server that ignored
 * `stream: true`. Either is refused at the answer's size cap as it arrives (never held whole), the request ends as
 * `too-long` with a message that says so, and the deltas that came before it are kept.
 */
import { describe, expect, it } from 'vitest';
import type { Host } from '../../../electron/host/host.ts';
import type { ChatResult } from '../../../shared/engine/types.ts';
import { useTestHosts } from './test-host.ts';

const hosts = useTestHosts('glimpse-huge-');
const CAP = 64 * 1024;

async function ask(h: Host, path: string): Promise<ChatResult> {
  const p = h.providers.save({
    catalogId: 'zai',
    name: 'Flood',
    baseUrl: `${hosts.fake.url}/${path}`,
    model: 'glm-4.5v',
    apiKey: 'k-flood-123',
  });
  return h.chat.run(
    { providerId: p.id, thinking: false, prompt: 'Talk', attachments: [], history: [] },
    new AbortController(),
    () => {},
  );
}

/** How much the fake wrote before the hang-up: the reader stopped near the cap, not at the end of memory. */
const sentBeforeHangUp = () => hosts.fake.requests.at(-1)!.sentBytes ?? Number.POSITIVE_INFINITY;

describe('a message with no end', () => {
  it('one endless SSE event stops at the cap as too-long and keeps the deltas before it', async () => {
    const h = hosts.newHost({ idleTimeoutMs: 10_000, maxAnswerChars: CAP });
    const result = await ask(h, 'zai/huge-event');
    expect(result.error?.kind).toBe('too-long');
    expect(result.error?.message).toBe(
      'The provider sent one message of more than 1.1 MB without ending it, far more than a model writes; Glimpse stopped reading it there. What arrived before it is kept.',
    );
    expect(result.answer).toBe('Before the flood. ');
    await expect.poll(() => hosts.fake.requests.at(-1)!.aborted).toBe(true);
    expect(sentBeforeHangUp()).toBeLessThan(32 * 1024 * 1024);
  });

  it('an endless JSON body (no stream) stops at the cap as too-long', async () => {
    const h = hosts.newHost({ idleTimeoutMs: 10_000, maxAnswerChars: CAP });
    const result = await ask(h, 'zai/huge-json');
    expect(result.error?.kind).toBe('too-long');
    expect(result.error?.message).toContain('Nothing before it had arrived.');
    expect(result.answer).toBe('');
    await expect.poll(() => hosts.fake.requests.at(-1)!.aborted).toBe(true);
    expect(sentBeforeHangUp()).toBeLessThan(32 * 1024 * 1024);
  });
});
