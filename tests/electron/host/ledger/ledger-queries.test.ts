import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LedgerRow, UsageTotals } from '../../../../shared/bridge/usage.ts';
import { openDb, type Db } from '../../../../electron/host/db.ts';
import { csvHeader, ledgerCsv } from '../../../../electron/host/ledger/ledger-csv.ts';
import { LedgerQueries } from '../../../../electron/host/ledger/ledger-queries.ts';
import { emptyTotals } from '../../../../shared/bridge/usage.ts';
import { localDay } from '../../../../electron/host/ledger/local-day.ts';
import { checkRange } from '../../../../electron/host/ledger/records.ts';

let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'glimpse-ledgerq-'));
  db = openDb(dir);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Spec {
  dayOffset: number;
  provider: string;
  model: string;
  mode: 'thinking' | 'fast';
  session: string | null;
  prompt: number;
  completion: number;
  reasoning: number;
  cached: number;
  cost: number | null;
  total: number | null;
}

const NOW = new Date(2026, 10, 20, 15, 0, 0).getTime();
const DAY = 86_400_000;

function insert(specs: Spec[]): void {
  const ins = db.prepare(
    `INSERT INTO ledger (id, request_id, started_at, day, session_id, provider_id, catalog_id, provider, model, mode, status,
       prompt_tokens, completion_tokens, reasoning_tokens, cached_tokens, cost_usd, cost_source, total_ms)
     VALUES (?, ?, ?, ?, ?, 'p', 'zai', ?, ?, ?, 'streaming', 0, 0, 0, 0, NULL, NULL, NULL)`,
  );
  // Inserted streaming, then completed: the rollup must follow updates, not only inserts.
  const done = db.prepare(
    `UPDATE ledger SET status = 'done', prompt_tokens = ?, completion_tokens = ?, reasoning_tokens = ?, cached_tokens = ?,
       cost_usd = ?, cost_source = ?, total_ms = ? WHERE id = ?`,
  );
  specs.forEach((s, i) => {
    const at = NOW - s.dayOffset * DAY;
    ins.run(`r${i}`, `r${i}`, at, localDay(at), s.session, s.provider, s.model, s.mode);
    done.run(
      s.prompt,
      s.completion,
      s.reasoning,
      s.cached,
      s.cost,
      s.cost === null ? 'unknown' : 'price-table',
      s.total,
      `r${i}`,
    );
  });
}

function brute(specs: Spec[]): UsageTotals {
  const t = emptyTotals();
  for (const s of specs) {
    t.requests++;
    t.prompt_tokens += s.prompt;
    t.completion_tokens += s.completion;
    t.reasoning_tokens += s.reasoning;
    t.cached_tokens += s.cached;
    t.cost_usd += s.cost ?? 0;
    if (s.cost === null) t.unknown_cost_requests++;
  }
  return t;
}

const expectTotals = (got: UsageTotals, want: UsageTotals) => {
  const { cost_usd: a, requests, prompt_tokens, completion_tokens, reasoning_tokens, cached_tokens, unknown_cost_requests } = got;
  const { cost_usd: b, ...restWant } = want;
  expect({ requests, prompt_tokens, completion_tokens, reasoning_tokens, cached_tokens, unknown_cost_requests }).toEqual(
    restWant,
  );
  expect(a).toBeCloseTo(b, 8);
};

const spec = fc.record<Spec>({
  dayOffset: fc.integer({ min: 0, max: 9 }),
  provider: fc.constantFrom('Z.AI', 'OpenRouter', 'My vLLM'),
  model: fc.constantFrom('glm-4.5v', 'glm-4.6v'),
  mode: fc.constantFrom('thinking', 'fast'),
  session: fc.constantFrom('s1', 's2', null),
  prompt: fc.nat(50_000),
  completion: fc.nat(20_000),
  reasoning: fc.nat(5_000),
  cached: fc.nat(1_000),
  cost: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
  total: fc.option(fc.nat(60_000), { nil: null }),
});

describe('ledger queries', () => {
  it('agree with a plain sum over the rows for every scope, split and day (property)', () => {
    fc.assert(
      fc.property(fc.array(spec, { maxLength: 40 }), (specs) => {
        db.exec('DELETE FROM ledger');
        insert(specs);
        const q = new LedgerQueries(db);
        const t = q.tally('s1', NOW);
        expectTotals(t.all, brute(specs));
        expectTotals(t.today, brute(specs.filter((s) => s.dayOffset === 0)));
        expectTotals(t.session!, brute(specs.filter((s) => s.session === 's1')));
        for (const mode of ['thinking', 'fast']) {
          const want = specs.filter((s) => s.mode === mode);
          if (want.length) expectTotals(t.all.by_mode[mode], brute(want));
          else expect(t.all.by_mode[mode]).toBeUndefined();
        }
        for (const p of new Set(specs.map((s) => s.provider)))
          expectTotals(t.all.by_provider[p], brute(specs.filter((s) => s.provider === p)));

        const from = localDay(NOW - 3 * DAY);
        const r = q.report({ from, to: localDay(NOW) });
        const inRange = specs.filter((s) => s.dayOffset <= 3);
        expectTotals(r.totals, brute(inRange));
        expect(r.days.map((d) => d.day)).toEqual([...new Set(inRange.map((s) => localDay(NOW - s.dayOffset * DAY)))].sort());
        for (const d of r.days) expectTotals(d, brute(inRange.filter((s) => localDay(NOW - s.dayOffset * DAY) === d.day)));
        for (const m of new Set(inRange.map((s) => s.model)))
          expectTotals(r.by_model[m], brute(inRange.filter((s) => s.model === m)));
        const fast = inRange.filter((s) => s.mode === 'fast');
        const fastAvg = r.modes.find((m) => m.mode === 'fast')!;
        expect(fastAvg.requests).toBe(fast.length);
        const known = fast.filter((s) => s.cost !== null);
        if (known.length) expect(fastAvg.avg_cost_usd).toBeCloseTo(known.reduce((n, s) => n + s.cost!, 0) / known.length, 8);
        else expect(fastAvg.avg_cost_usd).toBeNull();
        const timed = fast.filter((s) => s.total !== null);
        if (timed.length) expect(fastAvg.avg_total_ms).toBeCloseTo(timed.reduce((n, s) => n + s.total!, 0) / timed.length, 6);
        else expect(fastAvg.avg_total_ms).toBeNull();
      }),
      { numRuns: 40 },
    );
  });

  it('keeps the rollup right when rows are deleted', () => {
    insert([
      {
        dayOffset: 0,
        provider: 'A',
        model: 'm',
        mode: 'fast',
        session: null,
        prompt: 10,
        completion: 5,
        reasoning: 0,
        cached: 0,
        cost: 0.5,
        total: 10,
      },
      {
        dayOffset: 0,
        provider: 'A',
        model: 'm',
        mode: 'fast',
        session: null,
        prompt: 20,
        completion: 5,
        reasoning: 0,
        cached: 0,
        cost: null,
        total: 10,
      },
    ]);
    db.exec("DELETE FROM ledger WHERE id = 'r1'");
    expect(new LedgerQueries(db).tally(null, NOW).all).toMatchObject({
      requests: 1,
      prompt_tokens: 10,
      unknown_cost_requests: 0,
      cost_usd: 0.5,
    });
  });

  it('finds the last request of a session, or of all time without one', () => {
    insert([
      {
        dayOffset: 2,
        provider: 'A',
        model: 'm',
        mode: 'fast',
        session: 's1',
        prompt: 1,
        completion: 1,
        reasoning: 0,
        cached: 0,
        cost: 0,
        total: 1,
      },
      {
        dayOffset: 1,
        provider: 'A',
        model: 'm',
        mode: 'fast',
        session: 's2',
        prompt: 2,
        completion: 1,
        reasoning: 0,
        cached: 0,
        cost: 0,
        total: 1,
      },
    ]);
    const q = new LedgerQueries(db);
    expect(q.tally('s1', NOW).last?.id).toBe('r0');
    expect(q.tally(null, NOW).last?.id).toBe('r1');
    expect(q.tally('none', NOW).last).toBeNull();
  });
});

describe('date ranges', () => {
  it('accepts real dates and open ends, and refuses anything else with a message', () => {
    expect(checkRange({ from: '2026-02-28', to: null })).toEqual({ from: '2026-02-28' });
    expect(checkRange(undefined)).toEqual({});
    expect(() => checkRange({ from: '2026-02-30' })).toThrow('not a date');
    expect(() => checkRange({ from: 'yesterday' })).toThrow('YYYY-MM-DD');
    expect(() => checkRange({ from: '2026-03-02', to: '2026-03-01' })).toThrow('after the end');
  });
});

describe('CSV', () => {
  it('writes a header and quotes what needs quoting, and never lets a cell run as a formula', () => {
    const row = {
      id: 'r1',
      request_id: 'r1',
      attempt: 1,
      started_at: 1,
      ended_at: 2,
      day: '2026-11-20',
      session_id: null,
      provider_id: 'p',
      catalog_id: 'custom',
      provider: 'Mine, "fast"',
      upstream: null,
      model: '=HYPERLINK("x")',
      mode: 'fast',
      compare_group: null,
      preferred: null,
      status: 'error',
      prompt_tokens: 1,
      completion_tokens: 2,
      reasoning_tokens: 0,
      cached_tokens: 0,
      tokens_estimated: 0,
      cost_usd: null,
      cost_source: 'unknown',
      price_snapshot: null,
      estimate_prompt_tokens: 1,
      estimate_usd: null,
      ttft_ms: null,
      total_ms: 5,
      finish_reason: null,
      error_kind: 'network',
      error_message: 'line one\nline two',
      continues: null,
      error_code: 'error.network',
      error_params: '{}',
    } satisfies LedgerRow;
    const csv = ledgerCsv([row]);
    const [header] = csv.split('\r\n');
    expect(`${header}\r\n`).toBe(csvHeader());
    expect(header.split(',')).toContain('preferred');
    expect(csv).toContain('"Mine, ""fast"""');
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain('"line one\nline two"');
    // Unknown cost is an empty cell, not 0.
    expect(header).toContain(',cost_usd,cost_source,');
    expect(csv.split('\r\n')[1]).toContain(',,unknown,');
  });
});
