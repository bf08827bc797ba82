/**
 * Usage of one batch: every ledger row its requests wrote (tagged with the batch id), as totals with the same
 * provider and mode splits as `glimpse usage`, or as rows for the CSV. Read from the ledger itself, not the daily
 * rollup, which has no batch column; the partial index on batch_id keeps it to the batch's own rows.
 */
import type { LedgerRow, SplitTotals } from '../../../shared/bridge/usage.ts';
import type { Db } from '../db.ts';
import { COLS, type GroupRow, split } from '../ledger/ledger-queries.ts';

export function batchTotals(db: Db, batchId: string): SplitTotals {
  const rows = db
    .prepare(
      `SELECT provider AS key1, mode AS key2, COUNT(*) AS requests, SUM(prompt_tokens) AS prompt_tokens,
         SUM(completion_tokens) AS completion_tokens, SUM(reasoning_tokens) AS reasoning_tokens, SUM(cached_tokens) AS cached_tokens,
         SUM(CAST(ROUND(COALESCE(cost_usd, 0) * 1e9) AS INTEGER)) AS cost_nusd, SUM(cost_source IS 'unknown') AS unknown_cost,
         SUM(total_ms IS NOT NULL) AS timed_requests, SUM(COALESCE(total_ms, 0)) AS total_ms
       FROM ledger WHERE batch_id = ? GROUP BY provider, mode`,
    )
    .all(batchId) as unknown as GroupRow[];
  return split(rows);
}

export function* batchRows(db: Db, batchId: string): Generator<LedgerRow> {
  yield* db
    .prepare(`SELECT ${COLS} FROM ledger WHERE batch_id = ? ORDER BY started_at, attempt`)
    .iterate(batchId) as unknown as Iterable<LedgerRow>;
}
