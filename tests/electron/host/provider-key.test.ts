/**
 * A stored key belongs to the server it was entered for: moving a provider's base URL to another origin without
 * entering the key again removes it, so the next request cannot carry it to the new host.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../../electron/host/host.ts';
import { startFakeProvider, type FakeProvider } from '../../fixtures/fake-provider.ts';
import { useTestHosts } from './test-host.ts';

const KEY = 'sk-key-for-the-first-host-123';
const hosts = useTestHosts('glimpse-keys-');
let other: FakeProvider;
beforeAll(async () => {
  other = await startFakeProvider();
});
afterAll(() => other?.close());

const ask = (h: Host, providerId: string) =>
  h.chat.run({ providerId, thinking: false, prompt: 'hi', attachments: [], history: [] }, new AbortController(), () => {});
/** Saves the test's provider at `baseUrl`: new with the key, or an existing one (`id`) with a key only if given. */
const saveBox = (h: Host, baseUrl: string, more: { id?: string; apiKey?: string } = {}) =>
  h.methods.saveProvider({ catalogId: 'custom', name: 'Box', baseUrl, model: 'glm-4.5v', ...more });
const storedKeys = () => {
  const file = join(hosts.dir, 'keys.json');
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
};

describe('a stored key and a new base URL', () => {
  it('is removed when the origin changes and no key is entered, and is not sent to the new host', async () => {
    const h = hosts.newHost();
    const first = await saveBox(h, `${hosts.fake.url}/zai`, { apiKey: KEY });
    expect(first.hasKey).toBe(true);
    expect(first.keyDropped).toBeUndefined();

    const moved = await saveBox(h, `${other.url}/zai`, { id: first.id });
    expect(moved).toMatchObject({ hasKey: false, keyDropped: true, baseUrl: `${other.url}/zai` });
    expect(storedKeys()).not.toContain(KEY);
    expect((await h.methods.listProviders()).find((p) => p.id === first.id)).toMatchObject({ hasKey: false });

    await ask(h, first.id);
    expect(other.requests).toHaveLength(1);
    expect(other.requests[0].authorization).not.toContain(KEY);
  });

  it('is kept when only the path changes on the same origin', async () => {
    const h = hosts.newHost();
    const first = await saveBox(h, `${hosts.fake.url}/zai`, { apiKey: KEY });
    const moved = await saveBox(h, `${hosts.fake.url}/vllm/`, { id: first.id });
    expect(moved).toMatchObject({ hasKey: true });
    expect(moved.keyDropped).toBeUndefined();
    await ask(h, first.id);
    expect(hosts.fake.requests.at(-1)!.authorization).toBe(`Bearer ${KEY}`);
  });

  it('goes to the new origin when it is entered again with the new address', async () => {
    const h = hosts.newHost();
    const first = await saveBox(h, `${hosts.fake.url}/zai`, { apiKey: KEY });
    const moved = await saveBox(h, `${other.url}/zai`, { id: first.id, apiKey: 'sk-key-for-the-second-host' });
    expect(moved).toMatchObject({ hasKey: true });
    expect(moved.keyDropped).toBeUndefined();
    await ask(h, first.id);
    expect(other.requests.at(-1)!.authorization).toBe('Bearer sk-key-for-the-second-host');
  });
});
