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

describe('a key from the environment and a base URL the person typed', () => {
  const ENV = { ZAI_API_KEY: 'zai-env-key-123456', GLIMPSE_API_KEY: '' };
  const saveZai = (h: Host, baseUrl: string, apiKey?: string) =>
    h.methods.saveProvider({ id: 'zai', catalogId: 'zai', name: 'Z.AI', baseUrl, model: 'glm-4.5v', apiKey });

  it('is used for the catalog’s own server only, never sent to another origin', async () => {
    const h = hosts.newHost({ env: ENV });
    expect(h.providers.get('zai')).toMatchObject({ baseUrl: 'https://api.z.ai/api/paas/v4', hasKey: true });
    expect(h.providers.keyFor('zai')).toBe(ENV.ZAI_API_KEY);

    const moved = await saveZai(h, `${other.url}/zai`);
    expect(moved.hasKey).toBe(false);
    expect(h.providers.keyFor('zai')).toBeNull();
    await ask(h, 'zai');
    expect(other.requests.at(-1)!.authorization ?? '').not.toContain(ENV.ZAI_API_KEY);

    // Back at the catalog's address (another path on the same origin), the environment's key applies again.
    expect(await saveZai(h, 'https://api.z.ai/api/coding/paas/v4')).toMatchObject({ hasKey: true });
    expect(h.providers.keyFor('zai')).toBe(ENV.ZAI_API_KEY);
  });

  it('gives way to a key entered for the typed address, and GLIMPSE_API_KEY follows the same rule', async () => {
    const h = hosts.newHost({ env: { GLIMPSE_API_KEY: 'glimpse-env-key-123456' } });
    await saveZai(h, `${other.url}/zai`, 'sk-entered-for-this-box');
    await ask(h, 'zai');
    expect(other.requests.at(-1)!.authorization).toBe('Bearer sk-entered-for-this-box');

    const box = await saveBox(h, `${other.url}/zai`);
    expect(box.hasKey).toBe(false);
    await ask(h, box.id);
    expect(other.requests.at(-1)!.authorization ?? '').not.toContain('glimpse-env-key');
  });
});
