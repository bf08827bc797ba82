/**
 * The batch side of the bridge (issue #13): plan a batch over folders or files on the host's disk, see its
 * estimate, start it, follow it through `batch` events (the window title and the tray use the `progress` ones),
 * list its files, retry the failed ones, export the results, and find batches a quit interrupted.
 */
import type { BatchEstimate } from '../batch/estimate.ts';
import type { BatchCounts, BatchEvent, BatchFormat, BatchItemView } from '../batch/types.ts';

/** What the Batch view sends to plan a batch; nothing is sent to a provider until `startBatch`. */
export interface BatchPlanInput {
  /** Folders or files on the host's disk (dropped in the app, or typed). */
  inputs: string[];
  prompt: string;
  preset?: string | null;
  /** A JSON Schema, as text, every answer is checked against. */
  schema?: string | null;
  providerId: string;
  model?: string | null;
  thinking: boolean;
  budget?: number | null;
  outDir: string;
  concurrency?: number | null;
  maxCostUsd?: number | null;
  format?: BatchFormat | null;
}

/** The estimate and what was found, shown before Start. */
export interface BatchPlanView {
  batchId: string;
  resumed: boolean;
  counts: BatchCounts;
  found: { files: number; images: number; pdfs: number; pages: number };
  skipped: { path: string; reason: string }[];
  failed: { path: string; reason: string }[];
  estimate: BatchEstimate;
}

/** A batch as the list and the resume question show it. */
export interface BatchSummary {
  id: string;
  createdAt: number;
  status: 'planned' | 'running' | 'stopped' | 'done';
  stopReason: string | null;
  outDir: string;
  prompt: string;
  model: string | null;
  thinking: boolean;
  counts: BatchCounts;
  /** True while this host is running it. */
  active: boolean;
}

export interface BatchItemsQuery {
  batchId: string;
  offset?: number | null;
  limit?: number | null;
}

export interface BatchStop {
  batchId: string;
  /** false: start nothing new, let what is in flight finish; true: cancel what is in flight too. */
  cancel: boolean;
}

export interface BatchExportRequest {
  batchId: string;
  format: 'csv' | 'jsonl' | 'zip';
}

/** An export as a download: text for CSV and JSONL, base64 for the zip. */
export interface BatchExport {
  name: string;
  mime: string;
  data: string;
  encoding: 'utf8' | 'base64';
}

export interface BatchApi {
  planBatch(input: BatchPlanInput): Promise<BatchPlanView>;
  /** Starts (or resumes) a planned batch in the background; progress arrives as `batch` events. */
  startBatch(batchId: string): Promise<void>;
  stopBatch(input: BatchStop): Promise<void>;
  listBatches(): Promise<BatchSummary[]>;
  getBatchItems(query: BatchItemsQuery): Promise<BatchItemView[]>;
  /** Failed files back to pending; the new estimate for what is left. */
  retryFailedBatch(batchId: string): Promise<BatchPlanView>;
  /** Batches a quit or a crash left unfinished, to offer resuming at start. */
  interruptedBatches(): Promise<BatchSummary[]>;
  exportBatch(input: BatchExportRequest): Promise<BatchExport>;
}

/** A batch event as it crosses the bridge. */
export interface BatchEventEnvelope {
  channel: 'batch';
  event: BatchEvent;
}

export const batchMethods = [
  'planBatch',
  'startBatch',
  'stopBatch',
  'listBatches',
  'getBatchItems',
  'retryFailedBatch',
  'interruptedBatches',
  'exportBatch',
] as const;
