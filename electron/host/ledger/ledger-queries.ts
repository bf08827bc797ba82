/**
 * Reads the ledger for the tally, the usage view, `glimpse usage` and the CSV export. Day-level questions read
 * the trigger-kept rollup `ledger_daily` (a few rows per day) rather than every request, which keeps them within
 * milliseconds at 100,000 requests (see tests/bench/ledger-bench.ts).
 */
import {
  type DayTotals,
  emptyTotals,
  type LedgerRow,
  type ModeAverages,
  type SplitTotals,
  type Tally,
  type UsageRange,
  type UsageReport,
  type UsageTotals,
} from '../../../shared/bridge/usage.ts';
import type { Db } from '../db.ts';
import { LEDGER_COLUMNS } from './ledger-csv.ts';
import { localDay } from './local-day.ts';

export const COLS = LEDGER_COLUMNS.join(', ');

export interface GroupRow {
  key1: string;
  key2: string;
  requests: number;
  prompt_tokens: number;
  completion_tokens: number;
  reasoning_tokens: number;
  cached_tokens: number;
  cost_nusd: number;
  unknown_cost: number;
  timed_requests: number;
  total_ms: number;
}

const SUMS = `SUM(requests) AS requests, SUM(prompt_tokens) AS prompt_tokens, SUM(completion_tokens) AS completion_tokens,
  SUM(reasoning_tokens) AS reasoning_tokens, SUM(cached_tokens) AS cached_tokens, SUM(cost_nusd) AS cost_nusd,
  SUM(unknown_cost) AS unknown_cost, SUM(timed_requests) AS timed_requests, SUM(total_ms) AS total_ms`;

interface Acc extends UsageTotals {
  cost_nusd: number;
  timed_requests: number;
  total_ms: number;
}
const emptyAcc = (): Acc => ({ ...emptyTotals(), cost_nusd: 0, timed_requests: 0, total_ms: 0 });

function add(a: Acc, r: GroupRow): void {
  a.requests += r.requests;
  a.prompt_tokens += r.prompt_tokens;
  a.completion_tokens += r.completion_tokens;
  a.reasoning_tokens += r.reasoning_tokens;
  a.cached_tokens += r.cached_tokens;
  a.cost_nusd += r.cost_nusd;
  a.unknown_cost_requests += r.unknown_cost;
  a.timed_requests += r.timed_requests;
  a.total_ms += r.total_ms;
}

function totals(a: Acc): UsageTotals {
  return {
    requests: a.requests,
    prompt_tokens: a.prompt_tokens,
    completion_tokens: a.completion_tokens,
    reasoning_tokens: a.reasoning_tokens,
    cached_tokens: a.cached_tokens,
    cost_usd: a.cost_nusd / 1e9,
    unknown_cost_requests: a.unknown_cost_requests,
  };
}

function groupBy<R extends GroupRow>(rows: R[], key: (r: R) => string): Map<string, Acc> {
  const m = new Map<string, Acc>();
  for (const r of rows) {
    // A rollup key whose requests were all deleted stays behind with zeros: it is no group.
    if (r.requests === 0) continue;
    const k = key(r);
    let a = m.get(k);
    if (!a) m.set(k, (a = emptyAcc()));
    add(a, r);
  }
  return m;
}

const record = (m: Map<string, Acc>): Record<string, UsageTotals> => Object.fromEntries([...m].map(([k, a]) => [k, totals(a)]));

/** Rows grouped by (provider, mode) → totals with both splits. */
export function split(rows: GroupRow[]): SplitTotals {
  const all = emptyAcc();
  for (const r of rows) add(all, r);
  return { ...totals(all), by_provider: record(groupBy(rows, (r) => r.key1)), by_mode: record(groupBy(rows, (r) => r.key2)) };
}

const rangeWhere = (range: UsageRange) => {
  const parts: string[] = [];
  const args: string[] = [];
  if (range.from) {
    parts.push('day >= ?');
    args.push(range.from);
  }
  if (range.to) {
    parts.push('day <= ?');
    args.push(range.to);
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', args };
};

/**
 * What the report sums: the daily rollup, or, for one batch (the rollup has no batch column), the batch's own
 * ledger rows shaped like rollup rows; the partial index on batch_id keeps that to the batch's rows.
 */
const reportSource = (range: UsageRange) =>
  range.batchId
    ? {
        sql: `(SELECT day, provider, model, mode, 1 AS requests, prompt_tokens, completion_tokens, reasoning_tokens,
            cached_tokens, CAST(ROUND(COALESCE(cost_usd, 0) * 1e9) AS INTEGER) AS cost_nusd,
            cost_source IS 'unknown' AS unknown_cost, total_ms IS NOT NULL AS timed_requests, COALESCE(total_ms, 0) AS total_ms
          FROM ledger WHERE batch_id = ?)`,
        args: [range.batchId],
      }
    : { sql: 'ledger_daily', args: [] as string[] };

/** The range's WHERE over the ledger itself, with the batch when one is asked for. */
const ledgerWhere = (range: UsageRange) => {
  const w = rangeWhere(range);
  if (!range.batchId) return w;
  return { sql: w.sql ? `${w.sql} AND batch_id = ?` : 'WHERE batch_id = ?', args: [...w.args, range.batchId] };
};

export class LedgerQueries {
  private readonly db: Db;
  constructor(db: Db) {
    this.db = db;
  }

  /** The four scopes of the tally. `now` fixes "today" in tests. */
  tally(sessionId: string | null, now = Date.now()): Tally {
    const byProviderMode = (where: string, ...args: string[]) =>
      this.db
        .prepare(`SELECT provider AS key1, mode AS key2, ${SUMS} FROM ledger_daily ${where} GROUP BY provider, mode`)
        .all(...args) as unknown as GroupRow[];
    const session = sessionId
      ? split(
          this.db
            .prepare(
              `SELECT provider AS key1, mode AS key2, COUNT(*) AS requests, SUM(prompt_tokens) AS prompt_tokens,
                 SUM(completion_tokens) AS completion_tokens, SUM(reasoning_tokens) AS reasoning_tokens, SUM(cached_tokens) AS cached_tokens,
                 SUM(CAST(ROUND(COALESCE(cost_usd, 0) * 1e9) AS INTEGER)) AS cost_nusd, SUM(cost_source IS 'unknown') AS unknown_cost,
                 SUM(total_ms IS NOT NULL) AS timed_requests, SUM(COALESCE(total_ms, 0)) AS total_ms
               FROM ledger WHERE session_id = ? GROUP BY provider, mode`,
            )
            .all(sessionId) as unknown as GroupRow[],
        )
      : null;
    const last = (sessionId
      ? this.db
          .prepare(`SELECT ${COLS} FROM ledger WHERE session_id = ? ORDER BY started_at DESC, attempt DESC LIMIT 1`)
          .get(sessionId)
      : this.db.prepare(`SELECT ${COLS} FROM ledger ORDER BY started_at DESC, attempt DESC LIMIT 1`).get()) as unknown as
      | LedgerRow
      | undefined;
    return {
      last: last ?? null,
      session,
      today: split(byProviderMode('WHERE day = ?', localDay(now))),
      all: split(byProviderMode('')),
      storage_error: null,
    };
  }

  /** Totals with provider and mode splits over a range (what `glimpse usage` prints). */
  totals(range: UsageRange = {}): SplitTotals {
    const w = rangeWhere(range);
    const rows = this.db
      .prepare(`SELECT provider AS key1, mode AS key2, ${SUMS} FROM ledger_daily ${w.sql} GROUP BY provider, mode`)
      .all(...w.args);
    return split(rows as unknown as GroupRow[]);
  }

  /** The usage view: per day, per provider, model and mode, and thinking vs fast averages. */
  report(range: UsageRange = {}): UsageReport {
    const w = rangeWhere(range);
    const src = reportSource(range);
    // One small GROUP BY per split: SQLite sums the rollup and hands back a few rows each, which is far cheaper
    // than turning every rollup row into a JavaScript object (see tests/bench/ledger-bench.ts).
    const by = (col: 'day' | 'provider' | 'model' | 'mode') =>
      groupBy(
        this.db
          .prepare(`SELECT ${col} AS key1, '' AS key2, ${SUMS} FROM ${src.sql} ${w.sql} GROUP BY ${col} ORDER BY ${col}`)
          .all(...src.args, ...w.args) as unknown as GroupRow[],
        (r) => r.key1,
      );
    const byMode = by('mode');
    const all = emptyAcc();
    for (const a of byMode.values()) {
      add(all, { ...a, key1: '', key2: '', unknown_cost: a.unknown_cost_requests });
    }
    const days: DayTotals[] = [...by('day')].map(([day, a]) => ({ day, ...totals(a) }));
    const prefs = this.preferences(ledgerWhere(range));
    const modes: ModeAverages[] = ['thinking', 'fast'].map((mode) => {
      const a = byMode.get(mode) ?? emptyAcc();
      const n = a.requests;
      const known = a.requests - a.unknown_cost_requests;
      return {
        mode,
        requests: n,
        avg_prompt_tokens: n ? a.prompt_tokens / n : 0,
        avg_completion_tokens: n ? a.completion_tokens / n : 0,
        avg_reasoning_tokens: n ? a.reasoning_tokens / n : 0,
        avg_cost_usd: known > 0 ? a.cost_nusd / 1e9 / known : null,
        avg_total_ms: a.timed_requests ? a.total_ms / a.timed_requests : null,
        marked_compares: prefs.get(mode)?.marked ?? 0,
        preferred: prefs.get(mode)?.preferred ?? 0,
      };
    });
    return {
      range: { from: range.from ?? null, to: range.to ?? null, ...(range.batchId ? { batchId: range.batchId } : {}) },
      totals: totals(all),
      days,
      by_provider: record(by('provider')),
      by_model: record(by('model')),
      by_mode: record(byMode),
      modes,
    };
  }

  /**
   * Per mode: how many marked compare groups had a lane in it, and in how many a lane in it was preferred.
   * Read from the ledger itself (compares are few; the rollup has no group column). A group counts once per mode
   * however many lanes or retry attempts it had in that mode.
   */
  private preferences(w: { sql: string; args: string[] }): Map<string, { marked: number; preferred: number }> {
    const rows = this.db
      .prepare(
        `SELECT mode, COUNT(DISTINCT compare_group) AS marked, COUNT(DISTINCT CASE WHEN preferred = 1 THEN compare_group END) AS preferred
         FROM ledger ${w.sql ? `${w.sql} AND` : 'WHERE'} compare_group IS NOT NULL AND preferred IS NOT NULL GROUP BY mode`,
      )
      .all(...w.args) as { mode: string; marked: number; preferred: number }[];
    return new Map(rows.map((r) => [r.mode, { marked: r.marked, preferred: r.preferred }]));
  }

  /** Ledger rows in a range, oldest first. */
  *rows(range: UsageRange = {}): Generator<LedgerRow> {
    const w = ledgerWhere(range);
    yield* this.db
      .prepare(`SELECT ${COLS} FROM ledger ${w.sql} ORDER BY started_at, attempt`)
      .iterate(...w.args) as unknown as Iterable<LedgerRow>;
  }
}
