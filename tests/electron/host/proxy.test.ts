/**
 * The browser shell and the CLI reach providers through the proxy HTTPS_PROXY / HTTP_PROXY names, and directly for
 * hosts NO_PROXY lists: tested through a CONNECT proxy started here, which records every tunnel it opens.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost } from '../../../electron/host/startup.ts';
import { startFakeProvider, type FakeProvider } from '../../fixtures/fake-provider.ts';
import { bundleCli, runNode } from '../cli/run-cli.ts';

let fake: FakeProvider;
let proxy: Server;
let proxyUrl: string;
const tunnels: string[] = [];
const CLI = '.glimpse-test/proxy-cli/glimpse.mjs';

beforeAll(async () => {
  fake = await startFakeProvider();
  proxy = createServer((_req, res) => res.writeHead(405).end('CONNECT only'));
  proxy.on('connect', (req, client, head) => {
    tunnels.push(req.url ?? '');
    const [host, port] = (req.url ?? '').split(':');
    const upstream = connect(Number(port), host!, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  await bundleCli(CLI);
});

afterAll(async () => {
  proxy.closeAllConnections();
  await new Promise((r) => proxy.close(r));
  await fake.close();
  rmSync('.glimpse-test/proxy-cli', { recursive: true, force: true });
});

const providerHost = () => new URL(fake.url).host;

describe('provider requests through the environment’s proxy', () => {
  it('the browser shell’s host tunnels through HTTPS_PROXY, and goes direct for NO_PROXY hosts', async () => {
    for (const [noProxy, tunnelled] of [
      ['', true],
      ['127.0.0.1', false],
    ] as const) {
      const dataDir = mkdtempSync(join(tmpdir(), 'glimpse-proxy-'));
      const env = { HTTPS_PROXY: proxyUrl, HTTP_PROXY: proxyUrl, NO_PROXY: noProxy };
      const { host } = startHost({ shell: 'browser', door: null, dataDir, env });
      try {
        const p = await host.methods.saveProvider({
          catalogId: 'zai',
          name: 'Fake',
          baseUrl: `${fake.url}/zai`,
          model: 'glm-4.5v',
          apiKey: 'sk-proxy',
        });
        const before = tunnels.length;
        const report = await host.methods.testProvider(p.id);
        expect(report.ok, JSON.stringify(report)).toBe(true);
        expect(tunnels.slice(before), `NO_PROXY=${noProxy}`).toEqual(tunnelled ? [providerHost()] : []);
      } finally {
        host.close();
        rmSync(dataDir, { recursive: true, force: true });
      }
    }
  });

  it('glimpse ask answers through the proxy', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'glimpse-proxy-cli-'));
    const before = tunnels.length;
    const r = await runNode(
      [CLI, 'ask', '--base-url', `${fake.url}/zai`, '--model', 'glm-4.5v', '--api-key', 'sk-proxy', '--json', 'hi'],
      { PATH: process.env.PATH, HOME: dataDir, GLIMPSE_DATA_DIR: dataDir, https_proxy: proxyUrl, http_proxy: proxyUrl },
    );
    rmSync(dataDir, { recursive: true, force: true });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).answer).toContain('Answer');
    expect(tunnels.slice(before)).toContain(providerHost());
  });
});
