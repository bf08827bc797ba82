/**
 * `glimpse compare` (dist/cli/glimpse.mjs, rebuilt first) against the fake provider: the default thinking vs fast
 * lanes, lanes set per provider, a failing lane beside a working one, the ledger rows of one compare group, and
 * usage errors.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../../fixtures/fake-provider.ts';
import { bundleCli, dataDirEnv, runNode, type Run } from './run-cli.ts';

const CLI = 'dist/cli/glimpse-compare-test.mjs';
let fake: FakeProvider;
let dataDir: string;
/** What the fake provider saw, in order: lanes run concurrently when every request arrives before any ends. */
const events: string[] = [];

beforeAll(async () => {
  await bundleCli(CLI, { sourcemap: true });
  fake = await startFakeProvider(0, { onRequest: () => events.push('request'), onEnd: () => events.push('end') });
  dataDir = mkdtempSync(join(tmpdir(), 'glimpse-compare-'));
});
afterAll(async () => {
  await fake.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(CLI, { force: true });
  rmSync(`${CLI}.map`, { force: true });
});

function glimpse(args: string[]): Promise<Run> {
  return runNode([CLI, ...args], dataDirEnv(dataDir));
}

function ledgerRows(group: string) {
  const db = new DatabaseSync(join(dataDir, 'glimpse.db'), { readOnly: true });
  try {
    return db.prepare('SELECT mode, status, compare_group FROM ledger WHERE compare_group = ? ORDER BY mode').all(group) as {
      mode: string;
      status: string;
    }[];
  } finally {
    db.close();
  }
}

describe('glimpse compare', () => {
  it('runs thinking vs fast concurrently by default and prints lanes and verdict as JSON', async () => {
    const before = fake.requests.length;
    events.length = 0;
    const r = await glimpse([
      'compare',
      '--base-url',
      `${fake.url}/openrouter/tps-40`,
      '--model',
      'glm-4.5v',
      '--json',
      'How many cats?',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.lanes).toHaveLength(2);
    const [thinking, fast] = out.lanes;
    expect(thinking).toMatchObject({ thinking: true, provider: 'custom', model: 'glm-4.5v', label: 'Thinking', error: null });
    expect(fast).toMatchObject({ thinking: false, provider: 'custom', model: 'glm-4.5v', label: 'Fast', error: null });
    expect(thinking.answer).toContain('Answer in thinking mode');
    expect(fast.answer).toContain('Answer in fast mode');
    // Same fields as ask's JSON.
    for (const k of ['answer', 'reasoning', 'boxes', 'usage', 'cost', 'estimate', 'finish_reason', 'timings', 'error'])
      expect(fast).toHaveProperty(k);
    expect(thinking.usage.reasoning_tokens).toBeGreaterThan(0);
    expect(fast.usage.reasoning_tokens).toBe(0);
    // Concurrent: both requests reached the provider before either lane finished streaming.
    expect(events).toEqual(['request', 'request', 'end', 'end']);
    const sent = fake.requests.slice(before);
    expect(sent.map((q) => q.thinking).sort()).toEqual([false, true]);
    expect(thinking.timings.total_ms).toBeGreaterThan(fast.timings.total_ms);
    expect(out.verdict.pairs).toHaveLength(1);
    expect(out.verdict.pairs[0].answers.agree).toBe(false);
    expect(out.verdict.pairs[0].time_ratio).toBeCloseTo(thinking.timings.total_ms / fast.timings.total_ms, 6);
    expect(out.verdict.summary[0]).toMatch(/^Thinking took \d+(\.\d)?x the time and \d+(\.\d)?x the cost of Fast\.$/);
    expect(ledgerRows(out.compare_group).map((x) => `${x.mode}:${x.status}`)).toEqual(['fast:done', 'thinking:done']);
  });

  it('runs lanes set per provider; a failing lane leaves the others and sets the exit status', async () => {
    const r = await glimpse([
      'compare',
      '--provider',
      'custom',
      '--model',
      'glm-4.5v',
      '--lane',
      `base-url=${fake.url}/zai,thinking=on`,
      '--lane',
      `base-url=${fake.url}/zai/500,thinking=off`,
      '--lane=base-url=' + `${fake.url}/zai,thinking=off`,
      '--json',
      'Describe it',
    ]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.lanes.map((l: { error: { kind: string } | null }) => l.error?.kind ?? null)).toEqual([null, 'server', null]);
    expect(out.lanes[2].answer).toContain('Answer in fast mode');
    expect(out.verdict.pairs.map((p: { a: number; b: number }) => [p.a, p.b])).toEqual([[0, 2]]);
    expect(
      ledgerRows(out.compare_group)
        .map((x) => x.status)
        .sort(),
    ).toEqual(['done', 'done', 'error']);
  });

  it('prints lanes and the verdict for a person without --json', async () => {
    const r = await glimpse(['compare', '--base-url', `${fake.url}/zai/tps-40`, '--model', 'glm-4.5v', 'Hello']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('== Lane 1: Thinking (Custom server · glm-4.5v · thinking) ==');
    expect(r.stdout).toContain('== Lane 2: Fast');
    expect(r.stdout).toMatch(/== Verdict ==\n- Thinking took/);
    expect(r.stderr).toMatch(/lane 1: \d+ prompt/);
  });

  it('refuses --thinking, a single --lane and bad lane keys with a usage error', async () => {
    for (const [args, msg] of [
      [['--thinking', 'off'], 'compare sets thinking per lane'],
      [['--lane', 'thinking=off'], 'Give 2 to 4 --lane options'],
      [['--lane', 'colour=red', '--lane', 'thinking=off'], 'unknown key “colour”'],
      [['--lane', 'thinking=maybe', '--lane', 'thinking=off'], 'thinking takes on or off'],
    ] as const) {
      const r = await glimpse(['compare', ...args, 'Hi']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(msg);
    }
    const help = await glimpse(['compare', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--lane');
  });
});
