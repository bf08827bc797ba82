/**
 * A provider that never stops talking: the answer is capped, the request ends as `too-long`, and what arrived up
 * to the cap is kept in the result, the stored session and the ledger.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_ANSWER_CHARS } from '../../../electron/host/chat-runner.ts';
import type { Host } from '../../../electron/host/host.ts';
import type { ChatResult } from '../../../shared/engine/types.ts';
import { useTestHosts } from './test-host.ts';

const hosts = useTestHosts('glimpse-cap-');

/** Starts a request the way the app does (startChat) and resolves with its end event's result. */
async function startAndWait(h: Host, path: string, sessionId: string): Promise<{ requestId: string; result: ChatResult }> {
  const p = h.providers.save({
    catalogId: 'zai',
    name: 'Endless',
    baseUrl: `${hosts.fake.url}/${path}`,
    model: 'glm-4.5v',
    apiKey: 'k-endless-123',
  });
  const ends = new Map<string, ChatResult>();
  let wake: () => void = () => {};
  h.subscribe((e) => {
    if (e.channel === 'chat' && e.event.type === 'end') {
      ends.set(e.requestId, e.event.result);
      wake();
    }
  });
  const { requestId } = await h.methods.startChat({
    providerId: p.id,
    thinking: false,
    prompt: 'Talk',
    attachments: [],
    history: [],
    sessionId,
  });
  while (!ends.has(requestId)) await new Promise<void>((r) => (wake = r));
  return { requestId, result: ends.get(requestId)! };
}

describe('an endless answer', () => {
  it('stops at the cap as too-long, keeping the text that arrived in the result, the session and the ledger', async () => {
    const cap = 64 * 1024;
    const h = hosts.newHost({ idleTimeoutMs: 5000, maxAnswerChars: cap });
    const { requestId, result } = await startAndWait(h, 'zai/endless', 'S-endless');
    expect(result.error).toMatchObject({
      kind: 'too-long',
      message:
        'The answer passed 64 KB of text, far more than a model writes; Glimpse stopped reading it there. What arrived is kept.',
    });
    expect(result.answer.length).toBe(cap);
    expect(result.answer.startsWith('word0 word0 ')).toBe(true);
    expect(result.reasoning).toBe('');

    const session = await h.methods.getSession('S-endless');
    expect(session.turns[0]).toMatchObject({ status: 'error', answer: result.answer });
    expect(session.turns[0].result?.error?.kind).toBe('too-long');
    const csv = await h.methods.exportLedgerCsv();
    expect(csv).toContain(requestId);
    const tally = await h.methods.getTally({ sessionId: 'S-endless' });
    expect(tally.last).toMatchObject({ request_id: requestId, status: 'error', error_kind: 'too-long' });
    expect(tally.last!.completion_tokens).toBeGreaterThan(1000);
  });

  it('is capped at 4 MB of reasoning and answer by default', { timeout: 60_000 }, async () => {
    const h = hosts.newHost({ idleTimeoutMs: 5000 });
    const { result } = await startAndWait(h, 'zai/endless-reasoning', 'S-default');
    expect(result.error?.kind).toBe('too-long');
    expect(result.error?.message).toContain('4 MB');
    expect(result.reasoning.length + result.answer.length).toBe(DEFAULT_MAX_ANSWER_CHARS);
  });
});
