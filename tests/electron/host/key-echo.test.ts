/**
 * A model that repeats the key it was sent with: the key must not reach the answer that is stored in the session,
 * exported, or written to the ledger; nor an echoed error, however short the key.
 */
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Host } from '../../../electron/host/host.ts';
import { useTestHosts } from './test-host.ts';

const hosts = useTestHosts('glimpse-echo-');

async function ask(h: Host, path: string, key: string) {
  const p = h.providers.save({
    catalogId: 'zai',
    name: 'Echo',
    baseUrl: `${hosts.fake.url}/${path}`,
    model: 'glm-4.5v',
    apiKey: key,
  });
  return h.chat.run(
    { providerId: p.id, thinking: true, prompt: 'What is my key?', attachments: [], history: [], sessionId: 'S-echo' },
    new AbortController(),
    () => {},
  );
}

describe('a key echoed back by the provider', () => {
  it('is masked in the answer and reasoning, the stored session, both exports and the ledger', async () => {
    const KEY = 'sk-echoed-in-the-answer-7788';
    const h = hosts.newHost();
    const result = await ask(h, 'zai/echo-key', KEY);
    expect(result.error).toBeNull();
    expect(result.answer).toBe('Your key is … and that is all.');
    expect(result.reasoning).toBe('The header says …. ');

    const session = await h.methods.getSession('S-echo');
    expect(JSON.stringify(session)).not.toContain(KEY);
    expect(session.turns[0].answer).toBe('Your key is … and that is all.');
    const json = await h.methods.exportSession({ id: 'S-echo', format: 'json' });
    expect(Buffer.from(json.bytes).toString('utf8')).not.toContain(KEY);
    const zip = await h.methods.exportSession({ id: 'S-echo', format: 'markdown' });
    for (const bytes of Object.values(unzipSync(zip.bytes))) expect(Buffer.from(bytes).toString('utf8')).not.toContain(KEY);
    expect(await h.methods.exportLedgerCsv()).not.toContain(KEY);
  });

  it('is masked in an echoed error even when it is shorter than 6 characters', async () => {
    const h = hosts.newHost();
    const result = await ask(h, 'zai/echo-auth', 'k3y9');
    expect(result.error?.message).toBe('Malformed header Authorization: Bearer … key … rejected');
    expect(await h.methods.exportLedgerCsv()).not.toMatch(/\bk3y9\b/);
  });
});
