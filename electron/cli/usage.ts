/**
 * `glimpse usage`: totals from the ledger every shell writes (the app, the browser shell, `glimpse ask`), as text,
 * as one JSON object, or the rows as CSV. Read-only: it opens the data dir's database and writes nothing.
 */
import type { Io } from './ask.ts';
import { parseArgs } from 'node:util';
import type { SplitTotals, UsageRange } from '../../shared/bridge/usage.ts';
import { formatTokens, formatUsd } from '../../shared/format/figures.ts';
import { resolveDataDir } from '../host/data-dir.ts';
import { openDb } from '../host/db.ts';
import { csvHeader, csvLine } from '../host/ledger/ledger-csv.ts';
import { LedgerQueries } from '../host/ledger/ledger-queries.ts';
import { checkRange } from '../host/ledger/records.ts';
import { batchRows, batchTotals } from '../host/batch/batch-usage.ts';
import { HelpRequested, UsageError } from './args.ts';

export const USAGE_HELP = `  glimpse usage [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--batch ID] [--json | --csv] [--data-dir DIR]
              totals of every request recorded in the data dir (--csv: one row per request attempt;
              --batch: only the requests of that batch)`;

export const USAGE_FULL_HELP = `Usage:
${USAGE_HELP}

Totals of every request the app, the browser shell and \`glimpse ask\` recorded in the data dir: requests, prompt,
cached, reasoning and answer tokens, and cost, split by mode and by provider.

Options:
  --since YYYY-MM-DD  Only requests from this day on (local time).
  --until YYYY-MM-DD  Only requests up to and including this day.
  --json              Print the totals as one JSON object.
  --csv               Print one CSV row per request attempt (the ledger), with a header.
  --data-dir DIR      Data folder (default: GLIMPSE_DATA_DIR, else ~/.glimpse).

Exit status: 0 on success, 1 when the data cannot be read, 2 on a usage error.`;

export interface UsageArgs {
  range: UsageRange;
  json: boolean;
  csv: boolean;
  dataDir: string | null;
  /** Only the requests of this batch (`glimpse batch` prints its id). */
  batch: string | null;
}

export function parseUsage(argv: string[]): UsageArgs {
  const parsed = (() => {
    try {
      return parseArgs({
        args: argv,
        allowPositionals: false,
        options: {
          since: { type: 'string' },
          until: { type: 'string' },
          json: { type: 'boolean', default: false },
          csv: { type: 'boolean', default: false },
          batch: { type: 'string' },
          'data-dir': { type: 'string' },
          help: { type: 'boolean', short: 'h', default: false },
        },
      });
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
  })();
  const v = parsed.values;
  if (v.help) throw new HelpRequested(USAGE_FULL_HELP);
  if (v.json && v.csv) throw new UsageError('Pick one of --json and --csv.');
  let range: UsageRange;
  try {
    range = checkRange({ from: v.since ?? null, to: v.until ?? null });
  } catch (e) {
    throw new UsageError((e as Error).message.replace('The start date', '--since').replace('the end date', '--until'));
  }
  if (v.batch !== undefined && (v.since !== undefined || v.until !== undefined))
    throw new UsageError('--batch covers the whole batch: leave out --since and --until.');
  return { range, json: Boolean(v.json), csv: Boolean(v.csv), dataDir: v['data-dir'] ?? null, batch: v.batch ?? null };
}

const usd = (n: number) => formatUsd(n);
const int = (n: number) => formatTokens(n);

function line(name: string, t: Omit<SplitTotals, 'by_mode' | 'by_provider'>): string {
  const unknown = t.unknown_cost_requests ? ` + ${t.unknown_cost_requests} unknown` : '';
  return `  ${name.padEnd(24)} ${int(t.requests).padStart(8)} req  ${int(t.prompt_tokens).padStart(12)} prompt  ${int(t.cached_tokens).padStart(10)} cached  ${int(t.reasoning_tokens).padStart(10)} reasoning  ${int(t.completion_tokens - t.reasoning_tokens).padStart(10)} answer  ${usd(t.cost_usd)}${unknown}`;
}

function text(t: SplitTotals, range: UsageRange, batch: string | null = null): string {
  const span = batch
    ? `batch ${batch}`
    : range.from || range.to
      ? `${range.from ?? 'the start'} to ${range.to ?? 'today'}`
      : 'all time';
  const out = [`Usage, ${span}:`, line('total', t)];
  if (Object.keys(t.by_mode).length) out.push('By mode:', ...Object.entries(t.by_mode).map(([k, v]) => line(k, v)));
  if (Object.keys(t.by_provider).length) out.push('By provider:', ...Object.entries(t.by_provider).map(([k, v]) => line(k, v)));
  if (t.unknown_cost_requests)
    out.push(`${t.unknown_cost_requests} request(s) with unknown cost (no price known) are not in the dollar figures.`);
  return `${out.join('\n')}\n`;
}

export async function usage(argv: string[], io: Pick<Io, 'out'>): Promise<number> {
  const args = parseUsage(argv);
  const db = openDb(resolveDataDir(args.dataDir));
  try {
    const q = new LedgerQueries(db);
    if (args.csv) {
      io.out(csvHeader(), 'csv');
      for (const row of args.batch ? batchRows(db, args.batch) : q.rows(args.range)) io.out(csvLine(row), 'csv');
      return 0;
    }
    const t = args.batch ? batchTotals(db, args.batch) : q.totals(args.range);
    if (args.json) io.out(`${JSON.stringify(args.batch ? { batch: args.batch, ...t } : t)}\n`, 'json');
    else io.out(text(t, args.range, args.batch));
    return 0;
  } finally {
    db.close();
  }
}
