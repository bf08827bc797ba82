/**
 * The browser shell: the same host services as the Electron shell, over HTTP on 127.0.0.1.
 *   POST /api/call/<method>        JSON {arg} -> JSON {result} | {failure}
 *   POST /api/attachments?name&mime raw bytes -> AttachmentInfo   (binary, so a 200 MB clip is not base64'd)
 *   GET  /api/attachments/<id>      raw bytes
 *   GET  /api/sessions/<id>/export?format=markdown|json   a session as a download (zip or JSON)
 *   GET  /api/events                server-sent events: every HostEvent (a large one in pieces, sse-frames.ts)
 * Everything requires this launch's token (see security.ts).
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bridgeMethodNames, type BridgeMethodName } from '../../shared/bridge/contract.ts';
import { sseFrames } from '../../shared/bridge/sse-frames.ts';
import { BadInputError } from '../host/bad-input.ts';
import { toFailure } from '../host/failure.ts';
import type { Host } from '../host/host.ts';
import { allowedFetchSite, allowedHost, authorised, COOKIE, sameSecret } from './security.ts';
import { serveStatic } from './static-files.ts';

export interface BrowserShellOptions {
  host: Host;
  staticDir: string;
  port?: number;
  token?: string;
  /** Largest upload accepted, in bytes (Z.AI takes videos up to 200 MB). */
  maxUploadBytes?: number;
}

export interface BrowserShell {
  url: string;
  /** The URL to open, carrying the launch token. */
  launchUrl: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const JSON_LIMIT = 2 * 1024 * 1024;

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > limit) throw Object.assign(new Error('too large'), { status: 413 });
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks);
}

/** The request's chunks, failing with 413 once more than `limit` bytes arrived (a chunked upload declares no size). */
async function* capped(req: IncomingMessage, limit: number): AsyncGenerator<Uint8Array> {
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > limit) throw Object.assign(new Error('too large'), { status: 413 });
    yield c as Buffer;
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** A call's body is `{"arg": ...}` (or empty, for no argument); anything else is the caller's mistake. */
function parseCallBody(text: string, method: string): { arg?: unknown } {
  if (!text) return {};
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new BadInputError(`${method}: the request body is not JSON.`);
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw new BadInputError(`${method}: the request body must be a JSON object {"arg": ...}.`);
  return body as { arg?: unknown };
}

export async function startBrowserShell(opts: BrowserShellOptions): Promise<BrowserShell> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const maxUpload = opts.maxUploadBytes ?? 256 * 1024 * 1024;
  const methods = new Set<string>(bridgeMethodNames);
  const sseClients = new Set<ServerResponse>();
  let port = 0;

  const unsubscribe = opts.host.subscribe((event) => {
    // A large event (the end of a 20,000-box answer) goes in pieces: see sse-frames.ts.
    const frames = sseFrames(JSON.stringify(event));
    for (const c of sseClients) c.write(frames);
  });

  const server: Server = createServer((req, res) => {
    // A request handler that throws must cost that request, never the process (an unhandled rejection ends it).
    handle(req, res).catch((e: unknown) => {
      console.error('glimpse: a request failed:', e instanceof Error ? e.message : e);
      if (!res.headersSent) sendJson(res, 500, { failure: toFailure(e) });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<unknown> {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    // The printed launch URL: trade the token for a cookie, then drop it from the address bar.
    if (
      url.pathname === '/' &&
      url.searchParams.has('token') &&
      allowedHost(req.headers.host, port) &&
      allowedFetchSite(req.headers['sec-fetch-site'])
    ) {
      if (!sameSecret(url.searchParams.get('token'), token))
        return sendJson(res, 403, { failure: { kind: 'forbidden', message: 'Wrong token.' } });
      res.writeHead(302, {
        'set-cookie': `${COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`,
        location: '/',
      });
      return res.end();
    }
    if (!authorised(req, token, port)) {
      return sendJson(res, 403, {
        failure: { kind: 'forbidden', message: 'Open Glimpse with the URL it printed (it carries this launch’s token).' },
      });
    }
    try {
      if (url.pathname === '/api/events' && req.method === 'GET') return openEvents(res);
      if (url.pathname === '/api/attachments' && req.method === 'POST') {
        // Streamed to disk as it arrives (never held whole: four 250 MB clips once took 1.8 GB); a declared
        // size over the limit is refused before a byte is read.
        if (Number(req.headers['content-length']) > maxUpload) throw Object.assign(new Error('too large'), { status: 413 });
        const info = await opts.host.attachments.putStream(
          { name: url.searchParams.get('name') ?? 'file' },
          capped(req, maxUpload),
        );
        return sendJson(res, 200, { result: info });
      }
      const attachment = /^\/api\/attachments\/([0-9a-f]{64})$/.exec(url.pathname);
      if (attachment && req.method === 'GET') {
        const file = await opts.host.methods.getAttachment(attachment[1]);
        // Cached for good (content-addressed), but only for the same kind of asker: without Vary, a page on another
        // port would be served the cached copy without any request reaching the Sec-Fetch-Site check.
        res.writeHead(200, {
          'content-type': file.mime,
          'cache-control': 'private, max-age=31536000, immutable',
          vary: 'Sec-Fetch-Site',
          'x-content-type-options': 'nosniff',
        });
        return res.end(Buffer.from(file.bytes));
      }
      // A session export is bytes (a zip), so it has its own route, served as a download.
      const exported = /^\/api\/sessions\/([^/]+)\/export$/.exec(url.pathname);
      if (exported && req.method === 'GET') {
        const format = url.searchParams.get('format') === 'json' ? 'json' : 'markdown';
        const file = await opts.host.methods.exportSession({ id: decodeURIComponent(exported[1]), format });
        res.writeHead(200, {
          'content-type': file.mime,
          'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
          'x-file-name': encodeURIComponent(file.fileName),
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
        });
        return res.end(Buffer.from(file.bytes));
      }
      const call = /^\/api\/call\/([A-Za-z]+)$/.exec(url.pathname);
      if (call && req.method === 'POST') {
        if (!methods.has(call[1])) return sendJson(res, 404, { failure: { kind: 'internal', message: `No method ${call[1]}.` } });
        const body = parseCallBody((await readBody(req, JSON_LIMIT)).toString('utf8'), call[1]);
        const fn = opts.host.methods[call[1] as BridgeMethodName] as (arg: unknown) => Promise<unknown>;
        const result = await fn(body.arg);
        return sendJson(res, 200, { result: result ?? null });
      }
      if (req.method === 'GET' && serveStatic(opts.staticDir, url.pathname, res)) return;
      // Client-side routes fall back to the app.
      if (req.method === 'GET' && !url.pathname.startsWith('/api/') && serveStatic(opts.staticDir, '/', res)) return;
      sendJson(res, 404, { failure: { kind: 'internal', message: 'Not found.' } });
    } catch (e) {
      const status = (e as { status?: number }).status;
      if (status === 413)
        return sendJson(res, 413, { failure: { kind: 'bad-input', message: 'That file is too large to attach.' } });
      sendJson(res, 400, { failure: toFailure(e) });
    }
  }

  function openEvents(res: ServerResponse) {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    sseClients.add(res);
    res.on('close', () => {
      sseClients.delete(res);
      // The last tab closed mid-stream: nobody can see the answer, so stop paying for it.
      if (sseClients.size === 0) opts.host.chat.cancelAll();
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', resolve);
  });
  port = (server.address() as AddressInfo).port;
  const base = `http://127.0.0.1:${port}`;
  return {
    url: base,
    launchUrl: `${base}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe();
        for (const c of sseClients) c.end();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
