/** The zod schemas of the compare methods' arguments (see arg-schemas.ts), checked to agree with ./compare.ts. */
import { z } from 'zod';
import { idSchema, MAX_ITEMS, type Agree, type Check } from './schema-kit.ts';
import type { PreferenceMark } from './compare.ts';

/** `markPreferred`'s argument. */
export const preferenceMarkSchema = z.object({ compareGroup: idSchema, requestId: idSchema.nullable() });

/** `getCompareInfo`'s argument. */
export const compareInfoQuerySchema = z.array(idSchema).max(MAX_ITEMS);

export type CompareSchemasAgree = Check<Agree<z.output<typeof preferenceMarkSchema>, PreferenceMark>>;
