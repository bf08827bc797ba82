/** The zod schemas of the session methods' arguments (see arg-schemas.ts), checked to agree with ./sessions.ts. */
import { z } from 'zod';
import { idSchema, MAX_NAME, optionalArg, type Agree, type Check } from './schema-kit.ts';
import type { SessionApi } from './sessions.ts';

/** `listSessions`' argument. */
export const sessionQuerySchema = optionalArg(
  z.object({ search: z.string().max(MAX_NAME).nullish(), limit: z.number().int().min(1).max(10_000).nullish() }),
);

/** `getSession`'s and `deleteSession`'s argument: the session id. */
export const sessionIdSchema = idSchema;

/** `renameSession`'s argument; the title's length and blankness are the session store's to judge after trimming. */
export const renameSessionSchema = z.object({ id: idSchema, title: z.string().max(10 * MAX_NAME) });

/** `exportSession`'s argument. */
export const exportSessionSchema = z.object({
  id: idSchema,
  format: z.enum(['markdown', 'json'], { error: 'Export as markdown or json.' }),
  leafRequestId: idSchema.optional(),
});

export type SessionSchemasAgree = [
  Check<Agree<z.output<typeof sessionQuerySchema>, Parameters<SessionApi['listSessions']>[0]>>,
  Check<Agree<z.output<typeof renameSessionSchema>, Parameters<SessionApi['renameSession']>[0]>>,
  Check<Agree<z.output<typeof exportSessionSchema>, Parameters<SessionApi['exportSession']>[0]>>,
];
