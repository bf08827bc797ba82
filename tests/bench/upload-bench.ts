/**
 * `npm run bench:upload`: four 100 MB uploads at once to the browser shell's upload route, in one process, and
 * the process's peak resident memory (VmHWM) above what it was before. Uploads are streamed to disk while
 * hashed; held whole they cost about 3.4x their size. Goal: peak growth < 25% of the bytes uploaded.
 * Prints figures and PASS/MISS; exits 0 either way: it is a benchmark, not a test.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createHost } from '../../electron/host/host.ts';
import { FileKeyStore } from '../../electron/host/key-store.ts';
import { startBrowserShell } from '../../electron/server/server.ts';

const MB = 1024 * 1024;
const COUNT = 4;
const SIZE = 100 * MB;
const vmHwm = () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))![1]) * 1024;

/** An MP4-looking body made on the fly (`ftyp isom`, then bytes that differ per upload). */
function body(seed: number): Readable {
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= SIZE) return void this.push(null);
      const chunk = Buffer.alloc(256 * 1024, seed + (sent % 251));
      if (sent === 0) Buffer.from('00000018667479706973736f6d0000020069736f6d69736f32', 'hex').copy(chunk);
      chunk.writeUInt32LE(sent, 64);
      sent += chunk.length;
      this.push(chunk);
    },
  });
}

const dir = mkdtempSync(join(tmpdir(), 'glimpse-upload-bench-'));
const host = createHost({ dataDir: dir, keys: new FileKeyStore(dir), shell: 'browser', env: {} });
const shell = await startBrowserShell({ host, staticDir: dir });
const before = vmHwm();
const t0 = performance.now();
const statuses = await Promise.all(
  Array.from(
    { length: COUNT },
    (_, i) =>
      new Promise<number>((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port: shell.port,
            method: 'POST',
            path: `/api/attachments?name=clip${i}.mp4`,
            headers: { host: `127.0.0.1:${shell.port}`, cookie: `glimpse_token=${encodeURIComponent(shell.token)}` },
          },
          (res) => res.resume().on('end', () => resolve(res.statusCode!)),
        );
        req.on('error', reject);
        body(i).pipe(req);
      }),
  ),
);
const secs = (performance.now() - t0) / 1000;
const growth = vmHwm() - before;
console.log(`${COUNT} x ${SIZE / MB} MB uploads: statuses ${statuses.join(',')}, ${secs.toFixed(1)} s`);
console.log(`peak RSS growth: ${(growth / MB).toFixed(0)} MB = ${(growth / (COUNT * SIZE)).toFixed(2)}x the bytes uploaded`);
console.log(`${growth < 0.25 * COUNT * SIZE ? 'PASS' : 'MISS'} peak growth < 25% of the bytes uploaded`);
await shell.close();
host.close();
rmSync(dir, { recursive: true, force: true });
