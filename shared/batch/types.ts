/**
 * The batch vocabulary every shell shares (issue #13): what a batch is asked to do, what one file's outcome is,
 * and the events a running batch reports. Field names of {@link BatchResultLine} are snake_case on purpose: they
 * are exactly the lines of `results.jsonl`.
 */
import type { Box, ChatError, Cost, Timings, Usage } from '../engine/types.ts';

/** How the files go out: one chat request each, or one provider batch job (upload, poll, download). */
export type BatchVia = 'chat' | 'batch-api';

/** What each file's output in the out folder is: Markdown, the JSON answer, or only the summary files. */
export type BatchFormat = 'md' | 'json' | 'csv' | 'jsonl';

/** Everything needed to run (or resume) a batch, stored with it as JSON. */
export interface BatchSpec {
  /** The inputs as given (folders, files or glob patterns), made absolute. */
  inputs: string[];
  prompt: string;
  /** The preset the prompt came from, if any. */
  preset: string | null;
  /** A catalog id (zai, bigmodel, openrouter, novita, custom). */
  provider: string;
  /** The saved provider a batch planned in the app goes to (the CLI registers one per run instead). */
  providerId?: string | null;
  baseUrl: string | null;
  model: string | null;
  thinking: boolean;
  /** Visual-token budget per image. */
  budget: number;
  /** Pages of each PDF, as "1-3"; null for all. */
  pages: string | null;
  pdfText: boolean;
  /** A JSON Schema every answer is validated against (its text, so a resumed batch checks the same one). */
  schema: { name: string; text: string } | null;
  format: BatchFormat;
  concurrency: number;
  /** Hard stop in USD: no request starts once spend plus what is in flight could pass it. */
  maxCostUsd: number | null;
  via: BatchVia;
  idleTimeoutS: number | null;
}

export type ItemStatus = 'pending' | 'running' | 'done' | 'failed' | 'skipped';

/** One file of a batch as the table and the CLI show it. */
export interface BatchItemView {
  idx: number;
  path: string;
  name: string;
  kind: string;
  pages: number;
  status: ItemStatus;
  attempts: number;
  prompt_tokens: number | null;
  completion_tokens: number | null;
  cost_usd: number | null;
  total_ms: number | null;
  error: string | null;
  /** The ledger request id of its last attempt. */
  request_id: string | null;
}

/** One line of results.jsonl: everything known about one file's outcome. */
export interface BatchResultLine {
  file: string;
  name: string;
  status: ItemStatus;
  attempts: number;
  answer: string;
  boxes: Box[];
  usage: Usage;
  cost: Cost;
  timings: Timings;
  error: ChatError | null;
  /** The answer parsed as JSON (with a schema), else null. */
  json?: unknown;
  /** With a schema: whether the answer passed it, and why not. */
  valid?: boolean;
  validation_errors?: string[];
  request_id: string | null;
}

export interface BatchCounts {
  total: number;
  done: number;
  failed: number;
  skipped: number;
  pending: number;
  running: number;
}

/** What a batch reports while it runs: the CLI prints these (`--json` as JSON lines), the app's bridge sends them. */
export type BatchEvent =
  | { type: 'start'; batchId: string; counts: BatchCounts; resumed: boolean }
  | { type: 'file-start'; batchId: string; idx: number; file: string; attempt: number }
  | {
      type: 'file-end';
      batchId: string;
      idx: number;
      file: string;
      status: ItemStatus;
      cost_usd: number | null;
      total_ms: number | null;
      error: string | null;
    }
  | { type: 'retry'; batchId: string; idx: number; file: string; reason: string; delayMs: number }
  | { type: 'rate'; batchId: string; ratePerS: number | null; pausedMs: number }
  | { type: 'progress'; batchId: string; counts: BatchCounts; spent_usd: number; rate_per_s: number; eta_s: number | null }
  | { type: 'stopping'; batchId: string; reason: string }
  | { type: 'end'; batchId: string; counts: BatchCounts; spent_usd: number; status: 'done' | 'stopped'; reason: string | null };
