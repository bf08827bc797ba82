/** The zod schemas of the batch-files methods' arguments (see arg-schemas.ts), checked to agree with ./batch-files.ts. */
import { z } from 'zod';
import { type BatchResultRef, MAX_STAGED, type StageBatchFilesInput } from './batch-files.ts';
import { type Agree, attachmentIdSchema, type Check, idSchema } from './schema-kit.ts';

/**
 * A dropped file's place under the drop: relative, `/`-separated, each part a plain name. No `..`, `.`, empty
 * part, backslash, drive or NUL, so nothing can land outside the staged folder on any OS.
 */
const relPathSchema = z
  .string()
  .min(1)
  .max(1024)
  .refine(
    (p) =>
      !p.includes('\0') &&
      !p.includes('\\') &&
      !p.startsWith('/') &&
      !/^[A-Za-z]:/.test(p) &&
      p.split('/').every((part) => part !== '' && part !== '.' && part !== '..' && part.length <= 255),
    'a relative path of plain names (no "..", no leading "/", no backslash)',
  );

export const stageBatchFilesSchema = z.object({
  files: z
    .array(z.object({ attachmentId: attachmentIdSchema, path: relPathSchema }))
    .min(1)
    .max(MAX_STAGED),
});

export const batchResultRefSchema = z.object({ batchId: idSchema, idx: z.number().int().min(0) });

export type BatchFilesSchemasAgree = Check<
  Agree<z.output<typeof stageBatchFilesSchema>, StageBatchFilesInput> &
    Agree<z.output<typeof batchResultRefSchema>, BatchResultRef>
>;
