/**
 * The built `glimpse` command (dist/cli/glimpse.mjs, run by node) against the fake provider: options, the JSON
 * shape, streaming output, exit codes, keys. The bundle is rebuilt first with the same esbuild options as
 * scripts/build.mjs, so these tests never pass against a stale build.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHost } from '../../../electron/host/host.ts';
import { FileKeyStore } from '../../../electron/host/key-store.ts';
import { startFakeProvider, type FakeProvider } from '../../fixtures/fake-provider.ts';
import { bundleCli, dataDirEnv, runNode, type Run } from './run-cli.ts';

const CLI = 'dist/cli/glimpse.mjs';
let fake: FakeProvider;
let dataDir: string;

beforeAll(async () => {
  await bundleCli(CLI, { sourcemap: true });
  fake = await startFakeProvider();
  dataDir = mkdtempSync(join(tmpdir(), 'glimpse-cli-'));
});
afterAll(async () => {
  await fake.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function glimpse(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return runNode([CLI, ...args], { ...dataDirEnv(dataDir), ...env });
}

const json = (r: Run) => JSON.parse(r.stdout) as Record<string, any>;

describe('glimpse --help', () => {
  it('lists every option of ask and exits 0', async () => {
    for (const args of [['--help'], ['ask', '--help']]) {
      const r = await glimpse(args);
      expect(r.code).toBe(0);
      for (const opt of [
        '--provider',
        '--base-url',
        '--model',
        '--api-key',
        '--thinking',
        '--image',
        '--idle-timeout-s',
        '--data-dir',
        '--json',
      ]) {
        expect(r.stdout).toContain(opt);
      }
    }
  });

  it('refuses bad usage with exit 2 and says what is wrong', async () => {
    expect(await glimpse(['ask'])).toMatchObject({ code: 2, stderr: expect.stringContaining('A prompt is required') });
    expect(await glimpse(['ask', '--thinking', 'maybe', 'hi'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--thinking takes on or off'),
    });
    expect(await glimpse(['ask', '--provider', 'acme', 'hi'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Unknown provider “acme”'),
    });
    expect(await glimpse(['ask', '--base-url', 'ftp://x', 'hi'])).toMatchObject({ code: 2 });
    expect(await glimpse(['ask', '--base-url', fake.url, 'hi'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--model is required'),
    });
  });
});

describe('glimpse ask --json', () => {
  it('prints exactly the promised object; --base-url keeps the provider’s dialect and prices', async () => {
    const png = join(dataDir, 'blue.png');
    writeFileSync(
      png,
      await sharp({ create: { width: 600, height: 400, channels: 3, background: '#3366cc' } })
        .png()
        .toBuffer(),
    );
    const r = await glimpse([
      'ask',
      '--provider',
      'zai',
      '--base-url',
      `${fake.url}/zai`,
      '--api-key',
      'cli-key-123456',
      '--image',
      png,
      '--json',
      'What',
      'is',
      'this?',
    ]);
    expect(r.code).toBe(0);
    const out = json(r);
    expect(Object.keys(out)).toEqual([
      'answer',
      'reasoning',
      'boxes',
      'usage',
      'cost',
      'estimate',
      'finish_reason',
      'timings',
      'error',
      'params',
    ]);
    // No parameter given: every one is the provider's default, so none is listed (and none is sent).
    expect(out.params).toEqual({});
    expect(Object.keys(out.usage)).toEqual(['prompt_tokens', 'completion_tokens', 'reasoning_tokens', 'cached_tokens']);
    expect(Object.keys(out.timings)).toEqual(['ttft_ms', 'total_ms']);
    expect(out).toMatchObject({ boxes: [], finish_reason: 'stop', error: null, cost: { source: 'price-table' } });
    expect(out.answer).toMatch(/^Answer in thinking mode: I received 1 image\(s\) and your question “What is this\?”/);
    expect(out.reasoning).toMatch(/^Let me look carefully/);
    expect(out.cost.usd).toBeGreaterThan(0);
    expect(out.estimate.prompt_tokens).toBeGreaterThan(0);
    const sent = fake.requests.at(-1)!;
    expect(sent.body.thinking).toEqual({ type: 'enabled' });
    expect(sent.authorization).toBe('Bearer cli-key-123456');
    expect(sent.images).toHaveLength(1);
  });

  it('a base URL without --provider is a custom server: chat-template switch, cost unknown (null, never 0)', async () => {
    const r = await glimpse([
      'ask',
      '--base-url',
      `${fake.url}/vllm`,
      '--model',
      'glm-4.5v',
      '--thinking',
      'off',
      '--json',
      'hi',
    ]);
    expect(r.code).toBe(0);
    const out = json(r);
    expect(fake.requests.at(-1)!.body.chat_template_kwargs).toEqual({ enable_thinking: false });
    expect(out.reasoning).toBe('');
    expect(out.cost).toEqual({ usd: null, source: 'unknown' });
    expect(out.estimate.usd).toBeNull();
  });

  it('OpenRouter: reasoning.enabled, and the provider’s own cost figure', async () => {
    const r = await glimpse([
      'ask',
      '--provider',
      'openrouter',
      '--base-url',
      `${fake.url}/openrouter`,
      '--api-key',
      'or-key-999',
      '--json',
      'hi',
    ]);
    const out = json(r);
    expect(fake.requests.at(-1)!.body).toMatchObject({ model: 'z-ai/glm-4.5v', reasoning: { enabled: true } });
    expect(fake.requests.at(-1)!.authorization).toBe('Bearer or-key-999');
    expect(out.cost.source).toBe('provider');
  });

  it('never sends an environment key to a --base-url that is not the provider’s own server', async () => {
    const r = await glimpse(['ask', '--provider', 'openrouter', '--base-url', `${fake.url}/openrouter`, '--json', 'hi'], {
      OPENROUTER_API_KEY: 'or-env-key-999',
      GLIMPSE_API_KEY: 'glimpse-env-key-999',
    });
    expect(r.code).toBe(0);
    expect(fake.requests.at(-1)!.authorization ?? '').not.toMatch(/env-key-999/);
  });

  it('exits 1 with the error set, and never prints the key', async () => {
    const r = await glimpse([
      'ask',
      '--base-url',
      `${fake.url}/zai/echo-auth`,
      '--model',
      'm',
      '--api-key',
      'very-secret-key-42',
      '--json',
      'hi',
    ]);
    expect(r.code).toBe(1);
    const out = json(r);
    expect(out.error).toMatchObject({ kind: 'bad-request', status: 400, code: 'invalid_header', retry_after_s: null });
    expect(r.stdout + r.stderr).not.toContain('very-secret-key-42');
  });

  it('reports rate limits with retry-after, and a timeout after --idle-timeout-s', async () => {
    const rl = json(await glimpse(['ask', '--base-url', `${fake.url}/zai/429`, '--model', 'm', '--json', 'hi']));
    expect(rl.error).toMatchObject({ kind: 'rate-limit', retry_after_s: 30 });
    const t = await glimpse([
      'ask',
      '--base-url',
      `${fake.url}/zai/stall`,
      '--model',
      'm',
      '--idle-timeout-s',
      '0.5',
      '--json',
      'hi',
    ]);
    expect(t.code).toBe(1);
    expect(json(t).error).toMatchObject({ kind: 'timeout' });
  });

  it('a missing image is bad-input and nothing is sent', async () => {
    const before = fake.requests.length;
    const r = await glimpse([
      'ask',
      '--base-url',
      `${fake.url}/zai`,
      '--model',
      'm',
      '--image',
      join(dataDir, 'nope.png'),
      '--json',
      'hi',
    ]);
    expect(r.code).toBe(1);
    expect(json(r).error).toMatchObject({ kind: 'bad-input', message: expect.stringContaining('nope.png') });
    expect(fake.requests.length).toBe(before);
  });

  it('uses the key saved in the data dir for the provider, only at the address it was saved for', async () => {
    const own = mkdtempSync(join(tmpdir(), 'glimpse-cli-key-'));
    try {
      const host = createHost({ dataDir: own, keys: new FileKeyStore(own), shell: 'browser', env: {} });
      const saved = { id: 'zai', catalogId: 'zai', name: 'Z.AI', model: 'glm-4.5v' };
      host.providers.save({ ...saved, baseUrl: `${fake.url}/zai`, apiKey: 'stored-key-777' });
      host.close();
      const ask = (...more: string[]) => runNode([CLI, 'ask', '--provider', 'zai', ...more, '--json', 'hi'], dataDirEnv(own));
      await ask();
      expect(fake.requests.at(-1)!.authorization).toBe('Bearer stored-key-777');
      // The same server under another origin (localhost, not 127.0.0.1): a typed address gets no saved key.
      await ask('--base-url', `${fake.url.replace('127.0.0.1', 'localhost')}/zai`);
      expect(fake.requests.at(-1)!.authorization).toBe('Bearer not-set');
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  });
});

describe('glimpse ask, interrupted', () => {
  it('Ctrl+C cancels: exit 130, what arrived is printed, error kind cancelled', async () => {
    let child: ReturnType<typeof spawn> | null = null;
    // Interrupt once the provider has written a few pieces, so some text is surely on its way.
    const slow = await startFakeProvider(0, { onPiece: (e) => e.index === 3 && child?.kill('SIGINT') });
    try {
      const r = await new Promise<Run>((resolve) => {
        child = spawn(
          process.execPath,
          [CLI, 'ask', '--base-url', `${slow.url}/zai/slow`, '--model', 'm', '--thinking', 'off', '--json', 'hi'],
          {
            env: { PATH: process.env.PATH, GLIMPSE_DATA_DIR: dataDir },
            stdio: ['ignore', 'pipe', 'pipe'],
          },
        );
        let stdout = '';
        let stderr = '';
        child.stdout!.on('data', (d) => (stdout += d));
        child.stderr!.on('data', (d) => (stderr += d));
        child.on('close', (code) => resolve({ code, stdout, stderr }));
      });
      expect(r.code).toBe(130);
      const out = json(r);
      expect(out.error).toMatchObject({ kind: 'cancelled' });
      // Pieces 0-2 left the provider 150 ms apart before the interrupt; piece 3 may or may not have arrived.
      const full = 'Answer in fast mode: I received 0 image(s) and your question “hi”.';
      expect(out.answer).toMatch(/^Answer in /);
      expect(full.startsWith(out.answer)).toBe(true);
      expect(out.answer).not.toContain('your question');
      // The ledger row was written as cancelled, with the usage so far, before the process ended.
      const db = new DatabaseSync(join(dataDir, 'glimpse.db'), { readOnly: true });
      try {
        const row = db
          .prepare('SELECT status, error_kind, ended_at, completion_tokens FROM ledger ORDER BY started_at DESC LIMIT 1')
          .get() as { status: string; error_kind: string; ended_at: number | null; completion_tokens: number };
        expect(row).toMatchObject({ status: 'cancelled', error_kind: 'cancelled' });
        expect(row.ended_at).not.toBeNull();
        expect(row.completion_tokens).toBeGreaterThan(0);
      } finally {
        db.close();
      }
    } finally {
      await slow.close();
    }
  });
});

describe('glimpse ask (streaming)', () => {
  it('streams the answer to stdout; reasoning and the summary go to stderr when stdout is a pipe', async () => {
    const r = await glimpse(['ask', '--base-url', `${fake.url}/think`, '--model', 'm', 'Describe']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^Answer in thinking mode/);
    expect(r.stdout).not.toContain('Let me look');
    expect(r.stdout).not.toContain('think>');
    expect(r.stderr).toMatch(/^Let me look carefully/);
    expect(r.stderr).toMatch(/prompt \+ \d+ completion tokens · cost unknown/);
  });

  it('prints a 50,000-token answer whole and in order, in seconds (each delta once re-read the whole answer)', async () => {
    const r = await glimpse(['ask', '--base-url', `${fake.url}/zai/tokens-50000`, '--model', 'm', '--thinking', 'off', 'Go']);
    expect(r.code).toBe(0);
    const tokens = [...r.stdout.matchAll(/w(\d+)/g)].map((m) => Number(m[1]));
    expect(tokens.length).toBe(50_000);
    expect(tokens.every((n, i) => n === i)).toBe(true);
    expect(r.stderr).toMatch(/50,000 completion tokens/);
  }, 30_000);

  it('prints the error kind and message on stderr and exits 1, keeping what arrived', async () => {
    const r = await glimpse(['ask', '--base-url', `${fake.url}/zai/sensitive`, '--model', 'm', '--thinking', 'off', 'Describe']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^Answer in fast mode/);
    expect(r.stderr).toContain('error (content-filter)');
  });
});
