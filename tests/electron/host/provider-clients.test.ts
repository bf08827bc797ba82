import { describe, expect, it } from 'vitest';
import { type ClientTarget, newClient, ProviderClients } from '../../../electron/host/provider-clients.ts';
import { useTestHosts } from './test-host.ts';

/** A cache whose clients are counted: `made` lists the target of each client it had to make. */
function counted() {
  const made: ClientTarget[] = [];
  const clients = new ProviderClients({
    make: (t, f) => {
      made.push(t);
      return newClient(t, f);
    },
  });
  return { clients, made };
}

describe('one SDK client per provider', () => {
  it('reuses the client while the address, key and headers stay the same', () => {
    const { clients, made } = counted();
    const a = clients.for('p1', { baseUrl: 'https://a.example/v1', apiKey: 'k1', headers: { 'x-a': '1' } });
    const b = clients.for('p1', { baseUrl: 'https://a.example/v1', apiKey: 'k1', headers: { 'x-a': '1' } });
    expect(b).toBe(a);
    expect(made).toHaveLength(1);
  });

  it('makes a new client when the address, the key or a header changes, each carrying what it was made for', () => {
    const { clients, made } = counted();
    const first = clients.for('p1', { baseUrl: 'https://a.example/v1', apiKey: 'k1' });
    const moved = clients.for('p1', { baseUrl: 'https://b.example/v1', apiKey: 'k1' });
    const rekeyed = clients.for('p1', { baseUrl: 'https://b.example/v1', apiKey: 'k2' });
    const headed = clients.for('p1', { baseUrl: 'https://b.example/v1', apiKey: 'k2', headers: { 'x-a': '1' } });
    const reheaded = clients.for('p1', { baseUrl: 'https://b.example/v1', apiKey: 'k2', headers: { 'x-a': '2' } });
    expect(new Set([first, moved, rekeyed, headed, reheaded]).size).toBe(5);
    expect(made).toHaveLength(5);
    expect(moved.baseURL).toBe('https://b.example/v1');
    expect(rekeyed.apiKey).toBe('k2');
    expect(clients.size).toBe(1);
  });

  it('never lends one provider’s client (and key) to another at the same address', () => {
    const { clients } = counted();
    const a = clients.for('p1', { baseUrl: 'https://same.example/v1', apiKey: 'key-of-p1' });
    const b = clients.for('p2', { baseUrl: 'https://same.example/v1', apiKey: 'key-of-p2' });
    const none = clients.for('p3', { baseUrl: 'https://same.example/v1', apiKey: null });
    expect(b).not.toBe(a);
    expect(a.apiKey).toBe('key-of-p1');
    expect(b.apiKey).toBe('key-of-p2');
    expect(none.apiKey).not.toBe('key-of-p1');
    expect(clients.for('p1', { baseUrl: 'https://same.example/v1', apiKey: 'key-of-p1' })).toBe(a);
  });

  it('forgets a provider’s client when told (saved or deleted), and a later change to the caller’s object is not seen', () => {
    const { clients, made } = counted();
    const target = { baseUrl: 'https://a.example/v1', apiKey: 'k1', headers: { 'x-a': '1' } };
    const a = clients.for('p1', target);
    target.headers['x-a'] = '2';
    expect(clients.for('p1', target)).not.toBe(a);
    clients.forget('p1');
    expect(clients.size).toBe(0);
    clients.for('p1', target);
    expect(made).toHaveLength(3);
  });
});

describe('the chat service reuses clients safely', () => {
  const hosts = useTestHosts('glimpse-clients-');
  const run = (h: ReturnType<typeof hosts.newHost>, providerId: string, ctrl = new AbortController()) =>
    h.chat.run({ providerId, thinking: false, prompt: 'hi', attachments: [], history: [] }, ctrl, (e) => {
      if (e.type === 'delta') ctrl.abort();
    });
  /** A Z.AI-kind provider on the fake at `path`: what each save below differs in. */
  const zai = (name: string, path: string, apiKey: string, id?: string) => ({
    ...(id ? { id } : {}),
    catalogId: 'zai' as const,
    name,
    baseUrl: `${hosts.fake.url}/${path}`,
    model: 'glm-4.5v',
    apiKey,
  });
  const plain = (h: ReturnType<typeof hosts.newHost>, providerId: string) =>
    h.chat.run({ providerId, thinking: false, prompt: 'hi', attachments: [], history: [] }, new AbortController(), () => {});

  it('sends each request to the provider’s current address with its current key', async () => {
    const h = hosts.newHost({ idleTimeoutMs: 5000 });
    const p = h.providers.save(zai('A', 'zai', 'key-a'));
    const q = h.providers.save(zai('B', 'zai', 'key-b'));
    expect((await plain(h, p.id)).error).toBeNull();
    expect(hosts.fake.requests.at(-1)?.authorization).toBe('Bearer key-a');
    expect((await plain(h, q.id)).error).toBeNull();
    expect(hosts.fake.requests.at(-1)?.authorization).toBe('Bearer key-b');
    // Moved and re-keyed (straight through the store, so only the cache's own check can notice).
    h.providers.save(zai('A', 'openrouter', 'key-a2', p.id));
    expect((await plain(h, p.id)).error).toBeNull();
    expect(hosts.fake.requests.at(-1)?.path).toMatch(/^\/openrouter\//);
    expect(hosts.fake.requests.at(-1)?.authorization).toBe('Bearer key-a2');
    // Saved through the bridge: the same, and the service's client is forgotten.
    await h.methods.saveProvider(zai('B', 'zai', 'key-b2', q.id));
    expect((await plain(h, q.id)).error).toBeNull();
    expect(hosts.fake.requests.at(-1)?.authorization).toBe('Bearer key-b2');
  });

  it('a cancelled request aborts alone: the next request on the same client completes', async () => {
    const h = hosts.newHost({ idleTimeoutMs: 5000 });
    const p = h.providers.save(zai('Slow', 'zai/slow', 'k'));
    const cancelled = await run(h, p.id);
    expect(cancelled.error?.kind).toBe('cancelled');
    const next = await plain(h, p.id);
    expect(next.error).toBeNull();
    expect(next.answer.length).toBeGreaterThan(0);
  });
});
