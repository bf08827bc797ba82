/** The zod schemas of the usage methods' arguments (see arg-schemas.ts), checked to agree with ./usage.ts. */
import { z } from 'zod';
import { idSchema, optionalArg, type Agree, type Check } from './schema-kit.ts';
import type { UsageApi, UsageRange } from './usage.ts';

/** `getTally`'s argument. */
export const tallyQuerySchema = optionalArg(z.object({ sessionId: idSchema.nullish() }));

/** `getUsage`'s and `exportLedgerCsv`'s argument; whether the days are real days is the ledger's to say. */
export const usageRangeSchema = optionalArg(
  z.object({ from: z.string().max(64).nullish(), to: z.string().max(64).nullish(), batchId: idSchema.nullish() }),
);

export type UsageSchemasAgree = [
  Check<Agree<z.output<typeof tallyQuerySchema>, Parameters<UsageApi['getTally']>[0]>>,
  Check<Agree<z.output<typeof usageRangeSchema>, UsageRange | undefined>>,
];
