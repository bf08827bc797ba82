/** The ledger as CSV (RFC 4180): one header line, then one line per request attempt. */
import type { LedgerRow } from '../../../shared/bridge/usage.ts';

/** The columns a ledger row shows outside the host, in CSV order (no process ids or other host internals). */
export const LEDGER_COLUMNS: readonly (keyof LedgerRow)[] = [
  'id',
  'request_id',
  'attempt',
  'started_at',
  'ended_at',
  'day',
  'session_id',
  'provider_id',
  'catalog_id',
  'provider',
  'upstream',
  'model',
  'mode',
  'compare_group',
  'preferred',
  'status',
  'prompt_tokens',
  'completion_tokens',
  'reasoning_tokens',
  'cached_tokens',
  'tokens_estimated',
  'cost_usd',
  'cost_source',
  'price_snapshot',
  'estimate_prompt_tokens',
  'estimate_usd',
  'ttft_ms',
  'total_ms',
  'finish_reason',
  'error_kind',
  'error_message',
  'continues',
  'error_code',
  'error_params',
];

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  // Quote when needed; a leading = + - @ is prefixed so a spreadsheet never runs a cell as a formula.
  const safe = /^[=+\-@\t\r]/.test(s) && typeof v === 'string' ? `'${s}` : s;
  return /[",\r\n]/.test(safe) || safe !== s ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvHeader(): string {
  return `${LEDGER_COLUMNS.join(',')}\r\n`;
}

export function csvLine(row: LedgerRow): string {
  return `${LEDGER_COLUMNS.map((c) => cell(row[c])).join(',')}\r\n`;
}

export function ledgerCsv(rows: Iterable<LedgerRow>): string {
  const out = [csvHeader()];
  for (const r of rows) out.push(csvLine(r));
  return out.join('');
}
