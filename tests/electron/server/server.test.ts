import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHost, type Host } from '../../../electron/host/host.ts';
import { FileKeyStore } from '../../../electron/host/key-store.ts';
import { RENDERER_CSP } from '../../../electron/host/renderer-csp.ts';
import { startBrowserShell, type BrowserShell } from '../../../electron/server/server.ts';
import type { ChatEventEnvelope } from '../../../shared/bridge/chat.ts';
import { startFakeProvider, type FakeProvider } from '../../fixtures/fake-provider.ts';
import { bundleServe, removeBundle, type ServeProcess, startServe } from '../../fixtures/serve-process.ts';

const SECRET = 'top-secret-do-not-serve';
let root: string;
let staticDir: string;
let host: Host;
let shell: BrowserShell;
let fake: FakeProvider;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'glimpse-server-'));
  staticDir = join(root, 'static');
  const dataDir = join(root, 'data');
  mkdirSync(staticDir);
  mkdirSync(dataDir);
  mkdirSync(join(root, 'static-sibling'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Glimpse</title><div id="root"></div>');
  writeFileSync(join(staticDir, 'app.js'), 'console.log("app")');
  writeFileSync(join(root, 'secret.txt'), SECRET);
  writeFileSync(join(root, 'static-sibling', 'secret.txt'), SECRET);
  fake = await startFakeProvider();
  host = createHost({ dataDir, keys: new FileKeyStore(dataDir), shell: 'browser', env: {}, idleTimeoutMs: 5000 });
  shell = await startBrowserShell({ host, staticDir });
});

afterAll(async () => {
  await shell?.close();
  host?.close();
  await fake?.close();
  rmSync(root, { recursive: true, force: true });
});

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json: any;
}

/** A raw HTTP request: node:http sends the path and Host exactly as given (fetch would normalise them). */
function call(
  method: string,
  path: string,
  opts: { headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: shell.port, method, path, headers: { host: `127.0.0.1:${shell.port}`, ...opts.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown = null;
          try {
            json = JSON.parse(text);
          } catch {
            /* not JSON */
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

const cookie = () => ({ cookie: `glimpse_token=${encodeURIComponent(shell.token)}` });
const apiCall = (method: string, arg: unknown, headers: Record<string, string> = cookie()) =>
  call('POST', `/api/call/${method}`, {
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ arg }),
  });

describe('browser shell: who may talk to it', () => {
  it('refuses a request without the token', async () => {
    const r = await call('POST', '/api/call/listProviders', { body: '{}' });
    expect(r.status).toBe(403);
    expect(r.json.failure.kind).toBe('forbidden');
    expect(r.text).not.toContain(shell.token);
    expect((await call('GET', '/')).status).toBe(403);
    expect((await call('GET', '/api/events')).status).toBe(403);
  });

  it('refuses a wrong token, in the cookie, the header or the launch URL', async () => {
    expect((await apiCall('listProviders', null, { cookie: 'glimpse_token=nope' })).status).toBe(403);
    expect((await apiCall('listProviders', null, { 'x-glimpse-token': `${shell.token}x` })).status).toBe(403);
    const launch = await call('GET', '/?token=wrong');
    expect(launch.status).toBe(403);
    expect(launch.headers['set-cookie']).toBeUndefined();
  });

  it('trades the launch URL token for an HttpOnly SameSite=Strict cookie', async () => {
    expect(shell.launchUrl).toBe(`${shell.url}/?token=${shell.token}`);
    const r = await call('GET', `/?token=${encodeURIComponent(shell.token)}`);
    expect(r.status).toBe(302);
    expect(r.headers.location).toBe('/');
    const set = r.headers['set-cookie']?.[0] ?? '';
    expect(set).toMatch(/^glimpse_token=/);
    expect(set).toMatch(/;\s*HttpOnly/i);
    expect(set).toMatch(/;\s*SameSite=Strict/i);
    // The cookie it set is the one that opens the API.
    const listed = await apiCall('listProviders', null, { cookie: set.split(';')[0] });
    expect(listed.status).toBe(200);
  });

  it('answers the API with the cookie', async () => {
    const r = await apiCall('listProviders', null);
    expect(r.status).toBe(200);
    expect(r.json.result.map((p: { id: string }) => p.id)).toEqual(['zai', 'bigmodel', 'openrouter', 'novita', 'local-ocr']);
  });

  it('answers the API with the x-glimpse-token header', async () => {
    const r = await apiCall('getInfo', null, { 'x-glimpse-token': shell.token });
    expect(r.status).toBe(200);
    expect(r.json.result.shell).toBe('browser');
  });

  it('keeps the language and theme the person chose, and refuses one it does not offer', async () => {
    expect((await apiCall('getAppearance', null)).json.result).toEqual({ language: 'system', theme: 'system' });
    const set = await apiCall('setAppearance', { language: 'zh-CN', theme: 'dark' });
    expect(set.json.result).toEqual({ language: 'zh-CN', theme: 'dark' });
    expect((await apiCall('getAppearance', null)).json.result).toEqual({ language: 'zh-CN', theme: 'dark' });
    const bad = await apiCall('setAppearance', { language: 'fr', theme: 'dark' });
    expect(bad.status).toBe(400);
    expect((await apiCall('getAppearance', null)).json.result.language).toBe('zh-CN');
  });

  it('accepts its own Origin and refuses any other', async () => {
    expect((await apiCall('listProviders', null, { ...cookie(), origin: `http://127.0.0.1:${shell.port}` })).status).toBe(200);
    for (const origin of ['https://evil.example', `http://127.0.0.1:${shell.port + 1}`, 'null']) {
      expect((await apiCall('listProviders', null, { ...cookie(), origin })).status).toBe(403);
    }
  });

  it('refuses a foreign Host header (DNS rebinding), even with the token', async () => {
    for (const host of [
      `evil.example:${shell.port}`,
      'evil.example',
      `127.0.0.1:${shell.port + 1}`,
      `127.0.0.1.evil.example:${shell.port}`,
    ]) {
      expect((await apiCall('listProviders', null, { ...cookie(), host })).status).toBe(403);
      expect((await apiCall('listProviders', null, { 'x-glimpse-token': shell.token, host })).status).toBe(403);
    }
    expect((await apiCall('listProviders', null, { ...cookie(), host: `localhost:${shell.port}` })).status).toBe(200);
  });

  it('answers unknown methods with 404', async () => {
    expect((await apiCall('dropAllTables', null)).status).toBe(404);
  });
});

describe('browser shell: Sec-Fetch-Site', () => {
  // Every route, as a browser on another origin would reach it. Cookies ignore ports, so a page on another
  // 127.0.0.1 port is "same-site" and would carry the cookie: only same-origin and none (the person) may pass.
  const routes: [string, string, string?][] = [
    ['POST', '/api/call/listProviders', '{}'],
    ['GET', '/api/events'],
    ['POST', '/api/attachments?name=a.png&mime=image/png', 'x'],
    ['GET', `/api/attachments/${'a'.repeat(64)}`],
    ['GET', '/api/sessions/S1/export?format=json'],
    ['GET', '/'],
    ['GET', '/app.js'],
  ];

  it.each(routes)('refuses %s %s from another site or another port', async (method, path, body) => {
    for (const site of ['cross-site', 'same-site']) {
      const r = await call(method, path, { headers: { ...cookie(), 'sec-fetch-site': site }, body });
      expect(r.status).toBe(403);
      expect(r.json.failure.kind).toBe('forbidden');
    }
  });

  it.each(routes.filter(([, path]) => path !== '/api/events'))(
    'lets %s %s through from its own origin',
    async (method, path, body) => {
      for (const site of ['same-origin', 'none']) {
        const r = await call(method, path, { headers: { ...cookie(), 'sec-fetch-site': site }, body });
        expect(r.status).not.toBe(403);
      }
    },
  );

  it('lets the event stream open from its own origin', async () => {
    // The stream never ends: only its status is read, then the connection is dropped.
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: shell.port,
          path: '/api/events',
          headers: { host: `127.0.0.1:${shell.port}`, ...cookie(), 'sec-fetch-site': 'same-origin' },
        },
        (res) => {
          resolve(res.statusCode ?? 0);
          req.destroy();
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(200);
  });

  it('keys the cached attachment on Sec-Fetch-Site, so another port is not served from the cache', async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#00ff00' } })
      .png()
      .toBuffer();
    const up = await call('POST', '/api/attachments?name=g.png&mime=image/png', { headers: cookie(), body: png });
    const r = await call('GET', `/api/attachments/${up.json.result.id}`, {
      headers: { ...cookie(), 'sec-fetch-site': 'same-origin' },
    });
    expect(r.status).toBe(200);
    expect(r.headers.vary).toBe('Sec-Fetch-Site');
  });

  it('does not trade the launch token for a cookie on a request from another site', async () => {
    const r = await call('GET', `/?token=${encodeURIComponent(shell.token)}`, { headers: { 'sec-fetch-site': 'same-site' } });
    expect(r.status).toBe(403);
    expect(r.headers['set-cookie']).toBeUndefined();
    const typed = await call('GET', `/?token=${encodeURIComponent(shell.token)}`, { headers: { 'sec-fetch-site': 'none' } });
    expect(typed.status).toBe(302);
  });
});

describe('browser shell: static files', () => {
  it('serves index.html with the Content-Security-Policy header', async () => {
    const r = await call('GET', '/', { headers: cookie() });
    expect(r.status).toBe(200);
    expect(r.text).toContain('<title>Glimpse</title>');
    expect(r.headers['content-type']).toMatch(/^text\/html/);
    expect(r.headers['content-security-policy']).toBe(RENDERER_CSP);
    expect(r.headers['content-security-policy']).toContain("script-src 'self'");
    expect(r.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves assets and falls back to the app for client-side routes', async () => {
    const js = await call('GET', '/app.js', { headers: cookie() });
    expect(js.headers['content-type']).toMatch(/javascript/);
    const route = await call('GET', '/settings/keys', { headers: cookie() });
    expect(route.status).toBe(200);
    expect(route.text).toContain('<title>Glimpse</title>');
  });

  it.each([
    '/../secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/static/../../secret.txt',
    '/..%5csecret.txt',
    '/..%2fstatic-sibling%2fsecret.txt',
    '/%2fsecret.txt',
  ])('refuses path traversal %s', async (path) => {
    const r = await call('GET', path, { headers: cookie() });
    expect(r.text).not.toContain(SECRET);
  });

  it('refuses an absolute path smuggled in percent-encoded', async () => {
    const r = await call('GET', `/${encodeURIComponent(join(root, 'secret.txt'))}`, { headers: cookie() });
    expect(r.text).not.toContain(SECRET);
  });
});

describe('browser shell: attachments and chat', () => {
  it('refuses a non-image upload with 400 and failure.kind bad-input', async () => {
    const r = await call('POST', '/api/attachments?name=notes.png&mime=image/png', {
      headers: cookie(),
      body: 'just some notes, not an image',
    });
    expect(r.status).toBe(400);
    expect(r.json.failure.kind).toBe('bad-input');
    expect(r.json.failure.message).toContain('notes.png');
  });

  it('stores an image upload and serves its bytes back', async () => {
    const png = await sharp({ create: { width: 60, height: 40, channels: 3, background: '#3366cc' } })
      .png()
      .toBuffer();
    const up = await call('POST', '/api/attachments?name=blue.png&mime=image/png', { headers: cookie(), body: png });
    expect(up.status).toBe(200);
    expect(up.json.result).toMatchObject({ kind: 'image', width: 60, height: 40, size: png.length });
    const back = await new Promise<Buffer>((resolve, reject) => {
      request(
        {
          host: '127.0.0.1',
          port: shell.port,
          path: `/api/attachments/${up.json.result.id}`,
          headers: { host: `127.0.0.1:${shell.port}`, ...cookie() },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve(Buffer.concat(chunks)));
        },
      )
        .on('error', reject)
        .end();
    });
    expect(back.equals(png)).toBe(true);
  });

  it('streams chat events over /api/events after startChat against the fake provider', async () => {
    const saved = await apiCall('saveProvider', {
      catalogId: 'zai',
      name: 'Fake Z.AI',
      baseUrl: `${fake.url}/zai`,
      model: 'glm-4.5v',
      apiKey: 'sk-server-test-key-123',
    });
    expect(saved.status).toBe(200);
    const providerId = saved.json.result.id as string;
    expect(saved.json.result.hasKey).toBe(true);
    expect(saved.text).not.toContain('sk-server-test-key-123');

    const events: ChatEventEnvelope[] = [];
    let requestId: string | null = null;
    let onEnd: () => void = () => {};
    const ended = new Promise<void>((r) => (onEnd = r));
    const sse = request({
      host: '127.0.0.1',
      port: shell.port,
      path: '/api/events',
      headers: { host: `127.0.0.1:${shell.port}`, ...cookie() },
    });
    const opened = new Promise<void>((resolve, reject) => {
      sse.on('error', reject);
      sse.on('response', (res) => {
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toBe('text/event-stream');
        let buf = '';
        res.setEncoding('utf8');
        res.on('data', (s: string) => {
          buf += s;
          if (buf.startsWith(': connected')) resolve();
          let at: number;
          while ((at = buf.indexOf('\n\n')) >= 0) {
            const frame = buf.slice(0, at);
            buf = buf.slice(at + 2);
            if (!frame.startsWith('data: ')) continue;
            const e = JSON.parse(frame.slice(6)) as ChatEventEnvelope;
            events.push(e);
            if (e.event.type === 'end' && e.requestId === requestId) onEnd();
          }
        });
      });
    });
    sse.end();
    await opened;

    const started = await apiCall('startChat', {
      providerId,
      thinking: true,
      prompt: 'What is this?',
      attachments: [],
      history: [],
    });
    expect(started.status).toBe(200);
    requestId = started.json.result.requestId;
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    // The end may have arrived before requestId was known.
    if (events.some((e) => e.event.type === 'end' && e.requestId === requestId)) onEnd();
    await ended;
    sse.destroy();

    const mine = events.filter((e) => e.requestId === requestId);
    expect(mine.every((e) => e.channel === 'chat')).toBe(true);
    expect(mine[0].event.type).toBe('start');
    expect(mine.some((e) => e.event.type === 'delta')).toBe(true);
    expect(mine.some((e) => e.event.type === 'usage')).toBe(true);
    const end = mine.at(-1)!.event;
    expect(end.type).toBe('end');
    if (end.type !== 'end') return;
    expect(end.result.error).toBeNull();
    expect(end.result.reasoning).toMatch(/^Let me look carefully/);
    expect(end.result.answer).toMatch(/^Answer in thinking mode/);
    // The coalesced deltas add up to the final text.
    const streamed = mine.map((e) => (e.event.type === 'delta' ? (e.event.content ?? '') : '')).join('');
    expect(streamed).toBe(end.result.answer);
    expect(fake.requests.at(-1)!.authorization).toBe('Bearer sk-server-test-key-123');
  });
});

describe('browser shell: a malformed call does not take the process down', () => {
  let serve: ServeProcess | null = null;
  let bundle = '';
  afterAll(() => {
    if (serve && serve.proc.exitCode === null) serve.proc.kill('SIGKILL');
    if (bundle) removeBundle(bundle);
  });

  it('survives a malformed startChat and keeps answering', async () => {
    bundle = await bundleServe('serve');
    serve = await startServe(bundle, join(root, 'serve-process'));
    const bad = await serve.call('startChat', {});
    // The next request is served by the same, living process.
    const info = await serve
      .call('getInfo', null)
      .catch((e: Error) => ({ status: 0, json: { error: e.message, stderr: serve?.stderr() } }));
    expect(info).toMatchObject({ status: 200, json: { result: { shell: 'browser' } } });
    expect(bad.status).toBe(400);
    expect(bad.json.failure).toEqual({
      kind: 'bad-input',
      message: 'startChat: providerId: Invalid input: expected string, received undefined',
    });
    expect(serve.proc.exitCode).toBeNull();
    expect(serve.stderr()).not.toMatch(/Unhandled|TypeError/);
  });
});
