/** The zod schemas of the batch methods' arguments (see arg-schemas.ts), checked to agree with ./batch.ts. */
import { z } from 'zod';
import type { BatchExportRequest, BatchItemsQuery, BatchPlanInput, BatchStop } from './batch.ts';
import { type Agree, type Check, idSchema, MAX_ITEMS, MAX_NAME, MAX_TEXT } from './schema-kit.ts';

/** A path on the host's disk: bounded, no NUL (which would cut it short in the OS). */
const pathSchema = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.includes('\0'), 'a path cannot hold a NUL character');

export const batchPlanInputSchema = z.object({
  inputs: z.array(pathSchema).min(1).max(MAX_ITEMS),
  prompt: z.string().trim().min(1).max(MAX_TEXT),
  preset: z.string().max(MAX_NAME).nullish(),
  schema: z
    .string()
    .max(1024 * 1024)
    .nullish(),
  providerId: idSchema,
  model: z.string().max(MAX_NAME).nullish(),
  thinking: z.boolean(),
  budget: z.number().int().min(256).max(16_384).nullish(),
  outDir: pathSchema,
  concurrency: z.number().int().min(1).max(64).nullish(),
  maxCostUsd: z.number().finite().min(0).nullish(),
  format: z.enum(['md', 'json', 'csv', 'jsonl']).nullish(),
});

export const batchIdSchema = idSchema;

export const batchItemsQuerySchema = z.object({
  batchId: idSchema,
  offset: z.number().int().min(0).nullish(),
  limit: z.number().int().min(1).max(10_000).nullish(),
});

export const batchStopSchema = z.object({ batchId: idSchema, cancel: z.boolean() });

export const batchExportSchema = z.object({ batchId: idSchema, format: z.enum(['csv', 'jsonl', 'zip']) });

export type BatchSchemasAgree = Check<
  Agree<z.output<typeof batchPlanInputSchema>, BatchPlanInput> &
    Agree<z.output<typeof batchItemsQuerySchema>, BatchItemsQuery> &
    Agree<z.output<typeof batchStopSchema>, BatchStop> &
    Agree<z.output<typeof batchExportSchema>, BatchExportRequest>
>;
