/**
 * The browser shell's process (`npm run serve`) stopped by Ctrl+C or SIGTERM in the middle of an answer: the
 * request is cancelled and its ledger row written (status cancelled, usage so far) before the process ends, not
 * left 'streaming' for crash recovery at the next start.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../../fixtures/fake-provider.ts';

let root: string;
let bundle: string;
let fake: FakeProvider;
/** Called with each piece the fake provider writes (to send the signal mid-answer). */
let onPiece: (index: number) => void = () => {};

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'glimpse-serve-signal-'));
  mkdirSync(join(root, 'static'));
  writeFileSync(join(root, 'static', 'index.html'), '<!doctype html><title>Glimpse</title>');
  // Bundled inside the repository, so its packages resolve from node_modules.
  bundle = join('.glimpse-test', `serve-signal-${process.pid}.mjs`);
  await build({
    entryPoints: ['electron/server/serve.ts'],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    packages: 'external',
    format: 'esm',
    target: 'node22',
    logLevel: 'warning',
  });
  fake = await startFakeProvider(0, { onPiece: (e) => onPiece(e.index) });
});

afterAll(async () => {
  await fake.close();
  rmSync(root, { recursive: true, force: true });
  rmSync(bundle, { force: true });
});

describe('browser shell: stopped mid-answer', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    '%s stores the running request as cancelled before the process ends',
    async (signal) => {
      const dir = join(root, signal);
      mkdirSync(dir);
      const proc = spawn(
        process.execPath,
        [bundle, '--port', '0', '--data-dir', join(dir, 'data'), '--static-dir', join(root, 'static')],
        {
          env: { PATH: process.env.PATH, HOME: dir },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      try {
        let stderr = '';
        proc.stderr!.on('data', (d) => (stderr += d));
        const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
        const launch = await new Promise<URL>((resolve, reject) => {
          let out = '';
          proc.stdout!.on('data', (d) => {
            out += d;
            const m = /http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/.exec(out);
            if (m) resolve(new URL(m[0]));
          });
          void exited.then((code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
        });
        const port = Number(launch.port);
        const token = launch.searchParams.get('token')!;
        const call = (method: string, arg: unknown) =>
          new Promise<{ result?: Record<string, unknown> }>((resolve, reject) => {
            const req = request(
              {
                host: '127.0.0.1',
                port,
                method: 'POST',
                path: `/api/call/${method}`,
                headers: { host: `127.0.0.1:${port}`, 'x-glimpse-token': token, 'content-type': 'application/json' },
              },
              (res) => {
                let text = '';
                res.on('data', (c) => (text += c));
                res.on('end', () => resolve(JSON.parse(text)));
              },
            );
            req.on('error', reject);
            req.end(JSON.stringify({ arg }));
          });
        const provider = await call('saveProvider', {
          catalogId: 'zai',
          name: 'Slow',
          baseUrl: `${fake.url}/zai/slow`,
          model: 'glm-4.5v',
          apiKey: 'sk-serve-signal',
        });
        // The signal goes once the provider has written a few pieces: an answer is on its way, not finished.
        onPiece = (i) => i === 3 && proc.kill(signal);
        const started = await call('startChat', {
          providerId: provider.result!.id,
          thinking: false,
          prompt: 'Tell me slowly',
          attachments: [],
          history: [],
        });
        const id = started.result!.requestId as string;
        expect(await exited).toBe(0);
        const db = new DatabaseSync(join(dir, 'data', 'glimpse.db'), { readOnly: true });
        try {
          const row = db
            .prepare('SELECT status, error_kind, ended_at, completion_tokens FROM ledger WHERE request_id = ?')
            .get(id) as { status: string; error_kind: string; ended_at: number | null; completion_tokens: number };
          expect(row).toMatchObject({ status: 'cancelled', error_kind: 'cancelled' });
          expect(row.ended_at).not.toBeNull();
          expect(row.completion_tokens).toBeGreaterThan(0);
        } finally {
          db.close();
        }
        expect(stderr).not.toMatch(/Unhandled|TypeError/);
      } finally {
        onPiece = () => {};
        if (proc.exitCode === null) proc.kill('SIGKILL');
      }
    },
  );
});
