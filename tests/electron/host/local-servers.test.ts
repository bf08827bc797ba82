import { describe, expect, it } from 'vitest';
import { scanLocalServers } from '../../../electron/host/local-servers.ts';

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
