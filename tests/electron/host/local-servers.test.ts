import { describe, expect, it } from 'vitest';
import { identifyServerAt, scanLocalServers } from '../../../electron/host/local-servers.ts';

/** A fetch that answers as an Ollama on 127.0.0.1 and a vLLM on ::1 would, and records every URL asked. */
function fakeLoopback() {
  const asked: string[] = [];
  const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    asked.push(url);
    expect(init?.redirect).toBe('error');
    if (url === 'http://127.0.0.1:11434/v1/models')
      return json({ data: [{ id: 'llama3:8b' }, { id: 'llava:7b' }, { id: 'nomic-embed-text' }] });
    if (url === 'http://127.0.0.1:11434/api/tags')
      return json({
        models: [
          { name: 'llava:7b', details: { families: ['llama', 'clip'] } },
          { name: 'llama3:8b', details: { families: ['llama'] } },
        ],
      });
    if (url === 'http://[::1]:8000/v1/models') return json({ data: [{ id: 'zai-org/GLM-4.5V' }] });
    throw new TypeError('fetch failed: connection refused');
  }) as typeof globalThis.fetch;
  return { fetch, asked };
}

describe('local server discovery', () => {
  it('asks only the loopback addresses, lists what answered with vision models first, and skips embedders', async () => {
    const { fetch, asked } = fakeLoopback();
    const servers = await scanLocalServers({ fetch });
    expect(asked.every((u) => u.startsWith('http://127.0.0.1:') || u.startsWith('http://[::1]:'))).toBe(true);
    expect(new Set(asked.filter((u) => u.endsWith('/v1/models')).map((u) => new URL(u).port))).toEqual(
      new Set(['11434', '1234', '8000', '30000', '8080']),
    );
    expect(servers).toEqual([
      {
        catalogId: 'ollama',
        name: 'Ollama',
        baseUrl: 'http://127.0.0.1:11434/v1',
        models: [
          { id: 'llava:7b', vision: true },
          { id: 'llama3:8b', vision: null },
        ],
      },
      { catalogId: 'vllm', name: 'vLLM', baseUrl: 'http://[::1]:8000/v1', models: [{ id: 'zai-org/GLM-4.5V', vision: null }] },
    ]);
  });

  it('probes all ports at once: a scan with nothing listening ends within one timeout', async () => {
    const never = ((_u: string, init?: RequestInit) =>
      new Promise((_r, reject) => init?.signal?.addEventListener('abort', () => reject(new Error('timeout'))))) as typeof fetch;
    const t0 = Date.now();
    expect(await scanLocalServers({ fetch: never, timeoutMs: 300 })).toEqual([]);
    expect(Date.now() - t0).toBeLessThan(2_000);
  });
});

describe('local servers told by what they say, not their port', () => {
  const json = (body: unknown, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json', ...headers } });

  it('names a vLLM on SGLang’s port vLLM, and a llama.cpp on vLLM’s port by its header', async () => {
    const asked: string[] = [];
    const fetch = (async (input: string | URL | Request) => {
      const url = String(input);
      asked.push(url);
      if (url === 'http://127.0.0.1:30000/v1/models') return json({ data: [{ id: 'zai-org/GLM-4.5V', owned_by: 'vllm' }] });
      if (url === 'http://127.0.0.1:8000/v1/models')
        return json({ data: [{ id: 'm.gguf', object: 'model' }] }, { server: 'llama.cpp' });
      if (url === 'http://127.0.0.1:8000/props') return json({ modalities: { vision: true } });
      throw new TypeError('fetch failed: connection refused');
    }) as typeof globalThis.fetch;
    const servers = await scanLocalServers({ fetch });
    expect(servers.map((s) => [s.catalogId, s.baseUrl])).toEqual([
      ['llamacpp', 'http://127.0.0.1:8000/v1'],
      ['vllm', 'http://127.0.0.1:30000/v1'],
    ]);
    expect(servers[0]!.models).toEqual([{ id: 'm.gguf', vision: true }]);
    // owned_by settled both: neither Ollama's nor LM Studio's endpoints were asked of them.
    expect(asked.filter((u) => u.includes(':30000/api/') || u.includes(':8000/api/'))).toEqual([]);
  });

  it('identifies a typed base URL by Ollama’s /api/version when its listing is quiet', async () => {
    const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
      expect(init?.redirect).toBe('error');
      const url = String(input);
      if (url === 'http://gpu-box:9000/v1/models') return json({ data: [{ id: 'me/glm:latest', owned_by: 'me' }] });
      if (url === 'http://gpu-box:9000/api/version') return json({ version: '0.12.3' });
      return new Response('not found', { status: 404 });
    }) as typeof globalThis.fetch;
    expect(await identifyServerAt('http://gpu-box:9000/v1', { fetch })).toEqual({ kind: 'ollama', by: 'endpoint' });
    const down = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof globalThis.fetch;
    // Not reachable: only the port can tell, and 9000 is nobody's default.
    expect(await identifyServerAt('http://gpu-box:9000/v1', { fetch: down })).toBeNull();
    expect(await identifyServerAt('http://gpu-box:1234/v1', { fetch: down })).toEqual({ kind: 'lmstudio', by: 'port' });
  });
});
