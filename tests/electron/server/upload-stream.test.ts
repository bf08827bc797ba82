/**
 * Uploads to the browser shell are streamed to disk while hashed, never held whole (four 250 MB clips once
 * peaked at 1.8 GB): the stored file and its content address are right, memory stays bounded, and a refused or
 * oversized upload leaves nothing behind.
 */
import { createHash } from 'node:crypto';
import { createReadStream, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createHost, type Host } from '../../../electron/host/host.ts';
import { FileKeyStore } from '../../../electron/host/key-store.ts';
import { startBrowserShell, type BrowserShell } from '../../../electron/server/server.ts';

let dir: string;
let host: Host;
let shell: BrowserShell;

async function open(maxUploadBytes?: number) {
  dir = mkdtempSync(join(tmpdir(), 'glimpse-upload-'));
  host = createHost({ dataDir: dir, keys: new FileKeyStore(dir), shell: 'browser', env: {} });
  shell = await startBrowserShell({ host, staticDir: dir, maxUploadBytes });
}

afterEach(async () => {
  await shell?.close();
  host?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** An MP4-looking body of `size` bytes made on the fly (an `ftyp isom` box, then pseudo-random bytes), and its SHA-256 once read. */
function videoBody(size: number) {
  const hash = createHash('sha256');
  let sent = 0;
  let x = 7;
  const stream = new Readable({
    read() {
      if (sent >= size) return void this.push(null);
      const n = Math.min(256 * 1024, size - sent);
      const chunk = Buffer.allocUnsafe(n);
      for (let i = 0; i < n; i += 4) {
        x = (x * 1664525 + 1013904223) >>> 0;
        chunk.writeUInt32LE(x, i);
      }
      if (sent === 0) Buffer.from('00000018667479706973736f6d0000020069736f6d69736f32', 'hex').copy(chunk);
      hash.update(chunk);
      sent += n;
      this.push(chunk);
    },
  });
  return { stream, digest: () => hash.digest('hex') };
}

/** POSTs a stream to the upload route, chunked (no declared size) unless `length` is given. */
function upload(name: string, body: Readable, length?: number): Promise<{ status: number; json: any }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {
      host: `127.0.0.1:${shell.port}`,
      cookie: `glimpse_token=${encodeURIComponent(shell.token)}`,
    };
    if (length !== undefined) headers['content-length'] = String(length);
    const req = request(
      { host: '127.0.0.1', port: shell.port, method: 'POST', path: `/api/attachments?name=${encodeURIComponent(name)}`, headers },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode!, json: JSON.parse(text) }));
      },
    );
    // The server may answer 413 and close before the body is all sent.
    req.on('error', (e) =>
      (e as NodeJS.ErrnoException).code === 'EPIPE' || (e as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(e),
    );
    body.pipe(req);
  });
}

const leftovers = () => readdirSync(join(dir, 'attachments')).filter((f) => f.endsWith('.tmp'));

describe('streamed uploads', () => {
  it('stores a 200 MB clip under its SHA-256 with the right bytes, memory growing by far less than its size', async () => {
    await open();
    const size = 200 * 1024 * 1024;
    const body = videoBody(size);
    const start = process.memoryUsage().rss;
    let peak = start;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
    const r = await upload('clip.mp4', body.stream);
    clearInterval(sampler);
    expect(r.status).toBe(200);
    expect(r.json.result).toMatchObject({ id: body.digest(), kind: 'video', mime: 'video/mp4', size, name: 'clip.mp4' });
    const stored = host.attachments.pathOf(r.json.result.id);
    expect(statSync(stored).size).toBe(size);
    const again = createHash('sha256');
    for await (const c of createReadStream(stored)) again.update(c as Buffer);
    expect(again.digest('hex')).toBe(r.json.result.id);
    expect(leftovers()).toEqual([]);
    // Held whole, the upload alone would be 200 MB (and twice that while concatenated).
    expect(peak - start).toBeLessThan(100 * 1024 * 1024);
  });

  it('refuses an upload over the limit with 413, by its declared size or as it arrives, leaving no file', async () => {
    await open(1024 * 1024);
    const declared = await upload('big.mp4', videoBody(2 * 1024 * 1024).stream, 2 * 1024 * 1024);
    expect(declared).toEqual({
      status: 413,
      json: { failure: { kind: 'bad-input', message: 'That file is too large to attach.' } },
    });
    const chunked = await upload('big.mp4', videoBody(2 * 1024 * 1024).stream);
    expect(chunked.status).toBe(413);
    expect(leftovers()).toEqual([]);
  });

  it('refuses what is not media, naming it, and leaves no file', async () => {
    await open();
    const r = await upload('notes.png', Readable.from([Buffer.from('just some notes, not an image')]));
    expect(r.status).toBe(400);
    expect(r.json.failure).toMatchObject({
      kind: 'bad-input',
      message: expect.stringMatching(/^“notes\.png” is not an image, PDF or video/),
    });
    expect(leftovers()).toEqual([]);
  });
});
