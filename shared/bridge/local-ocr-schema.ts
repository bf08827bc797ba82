/** The zod schemas of the local-OCR methods' arguments (see arg-schemas.ts). */
import { z } from 'zod';
import { optionalArg } from './schema-kit.ts';

/** `scanLocalServers`'s argument: scan again (true) or take the last scan. */
export const scanLocalServersSchema = optionalArg(z.boolean());

/** `setGuideDone`'s argument. */
export const guideDoneSchema = z.boolean();

/** `warmLocalOcr`'s argument: language codes joined by +, as Local OCR's model names them. */
export const warmLocalOcrSchema = z
  .string()
  .max(200)
  .regex(/^[a-z_]+(\+[a-z_]+)*$/, 'language codes joined by +, e.g. eng+chi_sim');
