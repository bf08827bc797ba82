/**
 * `glimpse ask` writes the same ledger rows as the app, `glimpse usage` reads them; and two shells writing one
 * data dir at once (this process's host and several CLI processes) leave it whole. The CLI is bundled from
 * source first, as the build does: nine processes each loading hundreds of TypeScript files took over a minute
 * on a loaded machine.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHost } from '../../../electron/host/host.ts';
import { FileKeyStore } from '../../../electron/host/key-store.ts';
import { startFakeProvider, type FakeProvider } from '../../fixtures/fake-provider.ts';
import { bundleCli, runNode, type Run } from './run-cli.ts';

const CLI = 'dist/cli/glimpse-usage.mjs';

let fake: FakeProvider;
let dataDir: string;

beforeAll(async () => {
  fake = await startFakeProvider();
  await bundleCli(CLI);
  dataDir = mkdtempSync(join(tmpdir(), 'glimpse-usage-cli-'));
});
afterAll(async () => {
  await fake.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function glimpse(args: string[]): Promise<Run> {
  return runNode([CLI, ...args], {
    ...process.env,
    ZAI_API_KEY: '',
    GLIMPSE_API_KEY: '',
    GLIMPSE_DATA_DIR: '',
  });
}

describe('glimpse usage', () => {
  // Nine CLI processes: on a loaded machine their start alone can pass the default bound. The test is about what
  // they write together, not how fast they start.
  it('sees the rows that concurrent `glimpse ask` processes and an app host wrote to one data dir', async () => {
    const host = createHost({ dataDir, keys: new FileKeyStore(dataDir), shell: 'browser', env: {} });
    const p = host.providers.save({
      catalogId: 'zai',
      name: 'App Z',
      baseUrl: `${fake.url}/zai/tps-400`,
      model: 'glm-4.5v',
      apiKey: 'k',
    });
    const cli = Array.from({ length: 4 }, (_, i) =>
      glimpse([
        'ask',
        '--provider',
        'zai',
        '--base-url',
        `${fake.url}/zai/tps-400`,
        '--api-key',
        'k',
        '--thinking',
        'off',
        '--data-dir',
        dataDir,
        '--json',
        `cli question ${i}`,
      ]),
    );
    const app = Array.from({ length: 4 }, (_, i) =>
      host.chat.run(
        { providerId: p.id, thinking: true, prompt: `app question ${i}`, attachments: [], history: [], sessionId: `S${i % 2}` },
        new AbortController(),
        () => {},
      ),
    );
    const [cliRuns, appRuns] = await Promise.all([Promise.all(cli), Promise.all(app)]);
    for (const r of cliRuns) expect(r.stderr).toBe('');
    for (const r of cliRuns) expect(r.code).toBe(0);
    for (const r of appRuns) expect(r.error).toBeNull();
    host.close();

    const check = new DatabaseSync(join(dataDir, 'glimpse.db'));
    expect(check.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
    const rows = check.prepare('SELECT provider, mode, status, session_id FROM ledger ORDER BY provider, mode').all();
    check.close();
    expect(rows).toHaveLength(8);
    expect(rows.filter((r) => r.status === 'done')).toHaveLength(8);
    expect(rows.filter((r) => r.provider === 'Z.AI' && r.mode === 'fast' && r.session_id === null)).toHaveLength(4);

    const json = await glimpse(['usage', '--json', '--data-dir', dataDir]);
    expect(json.code).toBe(0);
    const t = JSON.parse(json.stdout);
    expect(Object.keys(t)).toEqual([
      'requests',
      'prompt_tokens',
      'completion_tokens',
      'reasoning_tokens',
      'cached_tokens',
      'cost_usd',
      'unknown_cost_requests',
      'by_provider',
      'by_mode',
    ]);
    expect(t).toMatchObject({ requests: 8, unknown_cost_requests: 0 });
    expect(t.by_mode.fast.requests).toBe(4);
    expect(t.by_mode.thinking.requests).toBe(4);
    expect(t.by_provider['Z.AI'].requests).toBe(4);
    expect(t.by_provider['App Z'].requests).toBe(4);
    expect(t.cost_usd).toBeGreaterThan(0);
    expect(t.reasoning_tokens).toBeGreaterThan(0);

    const csv = await glimpse(['usage', '--csv', '--data-dir', dataDir]);
    const lines = csv.stdout.trim().split('\r\n');
    expect(lines[0]).toMatch(/^id,request_id,attempt,started_at/);
    expect(lines).toHaveLength(9);

    const text = await glimpse(['usage', '--since', '2000-01-01', '--data-dir', dataDir]);
    expect(text.stdout).toMatch(/Usage, 2000-01-01 to today:\n\s+total\s+8 req/);
    expect(text.stdout).toContain('By provider:');

    const future = await glimpse(['usage', '--json', '--since', '2999-01-01', '--data-dir', dataDir]);
    expect(JSON.parse(future.stdout).requests).toBe(0);
  }, 90_000);

  it('refuses a bad date with a usage error', async () => {
    const r = await glimpse(['usage', '--since', 'last-week', '--data-dir', dataDir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('“last-week” is not a date');
  });
});
