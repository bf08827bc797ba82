/**
 * The files that describe a whole batch, rebuilt from the database whenever a run ends or stops: results.jsonl
 * (one line per finished file, in input order), results.csv (one row per file, with a schema or --format csv) and
 * summary.json. Each is written atomically, so a reader never sees half of one.
 */
import type { BatchCounts, BatchResultLine } from '../../../shared/batch/types.ts';
import type { BatchRow, BatchStore } from './batch-store.ts';
import { type BatchOutputs, csvHeader, csvRow } from './outputs.ts';

export interface SummaryFacts {
  status: 'done' | 'stopped';
  reason: string | null;
  counts: BatchCounts;
  spent: number;
  wall_ms: number;
  /** Schema columns for the CSV; null without a schema. */
  columns: string[] | null;
}

/** Failed files listed in summary.json; the rest are in results.jsonl. */
const MAX_LISTED = 1000;

export function writeSummaries(store: BatchStore, out: BatchOutputs, batch: BatchRow, f: SummaryFacts): void {
  const wantCsv = f.columns !== null || batch.spec.format === 'csv';
  const columns = f.columns ?? [];
  // Each file is streamed from the database, a line at a time: memory stays flat however many files.
  out.writeAtomic(
    'results.jsonl',
    (function* () {
      for (const r of store.results(batch.id)) if (r.result) yield `${r.result}\n`;
    })(),
  );
  if (wantCsv)
    out.writeAtomic(
      'results.csv',
      (function* () {
        yield csvHeader(columns);
        for (const r of store.results(batch.id)) if (r.result) yield csvRow(JSON.parse(r.result) as BatchResultLine, columns);
      })(),
    );
  const failed: { file: string; error: string | null }[] = [];
  for (const r of store.results(batch.id)) {
    if ((r.status === 'failed' || r.status === 'skipped') && failed.length < MAX_LISTED)
      failed.push({ file: r.path, error: r.error });
  }
  const s = batch.spec;
  const summary = {
    batch_id: batch.id,
    status: f.status,
    stop_reason: f.reason,
    provider: s.provider,
    model: s.model,
    mode: s.thinking ? 'thinking' : 'fast',
    via: s.via,
    prompt: s.prompt,
    preset: s.preset,
    schema: s.schema?.name ?? null,
    out_dir: batch.out_dir,
    counts: f.counts,
    spent_usd: f.spent,
    wall_ms: f.wall_ms,
    ended_at: new Date().toISOString(),
    not_done: failed,
    resume: f.status === 'stopped' ? `glimpse batch --resume ${batch.id}` : null,
  };
  out.writeAtomic('summary.json', `${JSON.stringify(summary, null, 2)}\n`);
}
