/**
 * The usage side of the bridge: the running tally (this message, this session, today, all time) and the usage
 * view's report, both read from the host's ledger. Field names are snake_case where they are exactly what
 * `glimpse usage --json` prints.
 */
import type { CostSource } from '../engine/types.ts';
import type { HostMessage } from '../messages/messages.ts';

/** Tokens and money over a set of requests. `cost_usd` sums the known costs only; see `unknown_cost_requests`. */
export interface UsageTotals {
  requests: number;
  prompt_tokens: number;
  completion_tokens: number;
  reasoning_tokens: number;
  cached_tokens: number;
  cost_usd: number;
  /** Requests whose cost is unknown (no price, no provider figure): never folded into `cost_usd` as 0. */
  unknown_cost_requests: number;
}

/** No requests yet: what a day without traffic, or an empty ledger, adds up to. */
export const emptyTotals = (): UsageTotals => ({
  requests: 0,
  prompt_tokens: 0,
  completion_tokens: 0,
  reasoning_tokens: 0,
  cached_tokens: 0,
  cost_usd: 0,
  unknown_cost_requests: 0,
});

/** Totals with their split by mode (`thinking` / `fast`) and by provider name. */
export interface SplitTotals extends UsageTotals {
  by_mode: Record<string, UsageTotals>;
  by_provider: Record<string, UsageTotals>;
}

/** Lifecycle of a ledger row; `incomplete` means the host stopped mid-request and tokens are estimated. */
export type LedgerStatus = 'streaming' | 'done' | 'error' | 'cancelled' | 'retried' | 'incomplete';

/** One ledger row as the renderer and the CSV see it: one request attempt (a retry is its own row). */
export interface LedgerRow {
  id: string;
  request_id: string;
  attempt: number;
  started_at: number;
  ended_at: number | null;
  day: string;
  session_id: string | null;
  provider_id: string;
  catalog_id: string;
  provider: string;
  upstream: string | null;
  model: string;
  mode: 'thinking' | 'fast';
  compare_group: string | null;
  /** Compare preference mark for rows of a compare group (null until someone marks one). */
  preferred: number | null;
  status: LedgerStatus;
  prompt_tokens: number;
  completion_tokens: number;
  reasoning_tokens: number;
  cached_tokens: number;
  /** 1 when the token counts were estimated (no usage from the provider, or an interrupted request). */
  tokens_estimated: number;
  cost_usd: number | null;
  cost_source: CostSource | null;
  /** The price used, as JSON (USD per 1M tokens), so old rows stay explainable after prices change. */
  price_snapshot: string | null;
  estimate_prompt_tokens: number | null;
  estimate_usd: number | null;
  ttft_ms: number | null;
  total_ms: number | null;
  finish_reason: string | null;
  error_kind: string | null;
  /** The error in English, as it was said when the row was written. */
  error_message: string | null;
  /** Continue: the request whose answer this request extended (null: a request of its own). */
  continues: string | null;
  /** The error's message code and its parameters as JSON (shared/messages), for reading it in another language; null on rows from before schema 9. */
  error_code: string | null;
  error_params: string | null;
}

/** The four scopes of the always-visible tally. */
export interface Tally {
  /** The last request of the session (or of all time when there is no session yet). */
  last: LedgerRow | null;
  session: SplitTotals | null;
  today: SplitTotals;
  all: SplitTotals;
  /** Set when the host could not record the latest request (a full disk): what to tell the person. */
  storage_error: HostMessage | null;
}

/** Inclusive range of local days, `YYYY-MM-DD`; a missing end is open (null `from` and `to` = all time). */
export interface UsageRange {
  from?: string | null;
  to?: string | null;
  /** Only the requests of this batch (`glimpse usage --batch`). */
  batchId?: string | null;
}

export interface DayTotals extends UsageTotals {
  day: string;
}

/** Thinking vs fast, side by side: averages per request of one mode. */
export interface ModeAverages {
  mode: string;
  requests: number;
  avg_prompt_tokens: number;
  avg_completion_tokens: number;
  avg_reasoning_tokens: number;
  /** Average over the requests whose cost is known; null when none is. */
  avg_cost_usd: number | null;
  /** Average total time over the requests that have one; null when none has. */
  avg_total_ms: number | null;
  /** Marked compares (a person picked the better lane) that had a lane in this mode. */
  marked_compares: number;
  /** Of those, how many times a lane in this mode was the one picked. */
  preferred: number;
}

/** What the usage view shows for one date range. */
export interface UsageReport {
  range: { from: string | null; to: string | null; batchId?: string };
  totals: UsageTotals;
  days: DayTotals[];
  by_provider: Record<string, UsageTotals>;
  by_model: Record<string, UsageTotals>;
  by_mode: Record<string, UsageTotals>;
  modes: ModeAverages[];
}

export interface UsageApi {
  /** The tally's four scopes; `sessionId` picks "this session" and "this message". */
  getTally(query?: { sessionId?: string | null }): Promise<Tally>;
  /** Per-day series and splits for the usage view. */
  getUsage(range?: UsageRange): Promise<UsageReport>;
  /** The ledger rows in the range as CSV text (RFC 4180, header first). */
  exportLedgerCsv(range?: UsageRange): Promise<string>;
}

export const usageMethods = ['getTally', 'getUsage', 'exportLedgerCsv'] as const;
