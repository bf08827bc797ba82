/** The zod schemas of the local-OCR methods' arguments (see arg-schemas.ts). */
import { z } from 'zod';
import { optionalArg } from './schema-kit.ts';

/** `scanLocalServers`'s argument: scan again (true) or take the last scan. */
export const scanLocalServersSchema = optionalArg(z.boolean());

/** `setGuideDone`'s argument. */
export const guideDoneSchema = z.boolean();
