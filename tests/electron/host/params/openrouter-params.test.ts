import { describe, expect, it } from 'vitest';
import { MAX_AGE_MS, MAX_CHARS, OpenRouterParams, parseSupported } from '../../../../electron/host/params/openrouter-params.ts';
import { SPARSE_MODEL } from '../../../fixtures/fake-provider.ts';
import { useTestHosts } from '../test-host.ts';

const memorySetting = () => {
  let value: string | null = null;
  return { read: () => value, write: (v: string) => void (value = v) };
};
const answer = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });

describe('OpenRouter parameter lists', () => {
  it('keeps each listed model’s parameters and skips junk entries', () => {
    expect(
      parseSupported({
        data: [
          { id: 'a', supported_parameters: ['temperature', 'seed'] },
          { id: 'b' },
          { id: 'c', supported_parameters: [5] },
          { id: 7, supported_parameters: ['top_k'] },
          null,
        ],
      }),
    ).toEqual({ a: ['temperature', 'seed'] });
    expect(parseSupported({ error: 'nope' })).toBeNull();
  });

  it('stops reading an endless answer at its cap and keeps the lists it had', async () => {
    const setting = memorySetting();
    setting.write(JSON.stringify({ fetchedAt: 1, params: { 'z-ai/x': ['temperature'] } }));
    const chunk = new TextEncoder().encode('x'.repeat(1024 * 1024));
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(c) {
        pulled++;
        c.enqueue(chunk);
      },
    });
    const lists = new OpenRouterParams(setting, (async () => new Response(endless)) as typeof fetch);
    await lists.refresh('https://openrouter.example/api/v1');
    expect(pulled).toBeLessThanOrEqual(MAX_CHARS / chunk.length + 2);
    expect(lists.of('z-ai/x')).toEqual(['temperature']);
  });

  it('fetches once while a fetch is on its way, keeps the lists across a restart, and goes stale after a day', async () => {
    const setting = memorySetting();
    let now = 1_000;
    let fetches = 0;
    const fetcher = (async (url: string) => {
      fetches++;
      expect(url).toBe('https://openrouter.example/api/v1/models');
      return answer({ data: [{ id: 'z-ai/x', supported_parameters: ['temperature'] }] });
    }) as typeof fetch;
    const lists = new OpenRouterParams(setting, fetcher, () => now);
    expect(lists.stale()).toBe(true);
    await Promise.all([lists.refresh('https://openrouter.example/api/v1/'), lists.refresh('https://openrouter.example/api/v1')]);
    expect(fetches).toBe(1);
    expect(lists.of('z-ai/x')).toEqual(['temperature']);
    const again = new OpenRouterParams(setting, fetcher, () => now);
    expect([again.of('z-ai/x'), again.stale(), again.forModels(['z-ai/x', 'other'])]).toEqual([
      ['temperature'],
      false,
      { 'z-ai/x': ['temperature'] },
    ]);
    now += MAX_AGE_MS + 1;
    expect(again.stale()).toBe(true);
  });

  it('a failed fetch keeps what was known', async () => {
    const setting = memorySetting();
    const good = new OpenRouterParams(setting, (async () =>
      answer({ data: [{ id: 'm', supported_parameters: ['stop'] }] })) as typeof fetch);
    await good.refresh('https://o.example/v1');
    for (const bad of [
      async () => new Response('busy', { status: 503 }),
      async () => new Response('<html>not json</html>'),
      async () => {
        throw new TypeError('fetch failed');
      },
    ]) {
      const lists = new OpenRouterParams(setting, bad as typeof fetch);
      await lists.refresh('https://o.example/v1');
      expect(lists.of('m')).toEqual(['stop']);
    }
  });
});

describe('a host with an OpenRouter provider', () => {
  const hosts = useTestHosts('glimpse-orparams-');

  it('after Test connection, a model’s own list disables what it lacks, and a request with it is refused by name', async () => {
    const h = hosts.newHost();
    const p = await h.methods.saveProvider({
      catalogId: 'openrouter',
      name: 'OR',
      baseUrl: `${hosts.fake.url}/openrouter`,
      model: SPARSE_MODEL,
      apiKey: 'sk-or-test',
    });
    expect(p.supportedParams).toEqual({});
    expect((await h.methods.testProvider(p.id)).ok).toBe(true);
    const listed = (await h.methods.listProviders()).find((x) => x.id === p.id)!;
    const sparse = listed.supportedParams?.[SPARSE_MODEL] ?? [];
    expect([sparse.includes('top_k'), sparse.includes('seed'), sparse.includes('temperature')]).toEqual([false, false, true]);
    expect(listed.supportedParams?.['z-ai/glm-4.5v']).toContain('top_k');

    const before = hosts.fake.requests.length;
    const result = await h.chat.run(
      { providerId: p.id, thinking: false, prompt: 'hi', attachments: [], history: [], params: { top_k: 5 } },
      new AbortController(),
      () => {},
      '00000000-0000-4000-8000-0000000000a1',
    );
    expect(hosts.fake.requests.length).toBe(before);
    expect(result.error?.kind).toBe('bad-input');
    expect(result.error?.message).toContain(`${SPARSE_MODEL} on OpenRouter does not list top_k`);
  });
});
