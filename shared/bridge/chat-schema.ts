/** The zod schemas of the chat methods' arguments (see arg-schemas.ts), checked to agree with ./chat.ts. */
import { z } from 'zod';
import { attachmentIdSchema, idSchema, MAX_ITEMS, MAX_NAME, MAX_TEXT, type Agree, type Check } from './schema-kit.ts';
import { samplingParamsSchema } from './params-schema.ts';
import type { AttachmentRef, ChatRequest, HistoryTurn } from './chat.ts';

/** Checks a {@link HistoryTurn} arriving over the bridge. */
export const historyTurnSchema = z.object({ role: z.enum(['user', 'assistant']), text: z.string().max(MAX_TEXT) });

/** Checks an {@link AttachmentRef} arriving over the bridge. */
export const attachmentRefSchema = z.object({
  id: attachmentIdSchema,
  label: z.string().max(MAX_NAME).optional(),
  source: z
    .object({ attachmentId: attachmentIdSchema, page: z.number().int().min(1).optional(), timeMs: z.number().min(0).optional() })
    .optional(),
  text: z.string().max(MAX_TEXT).optional(),
});

/** `startChat`'s argument. */
export const chatRequestSchema = z.object({
  providerId: idSchema,
  model: z.string().max(MAX_NAME).optional(),
  thinking: z.boolean(),
  prompt: z.string().max(MAX_TEXT),
  attachments: z.array(attachmentRefSchema).max(MAX_ITEMS),
  history: z.array(historyTurnSchema).max(MAX_ITEMS),
  budget: z.number().positive().optional(),
  sessionId: idSchema.optional(),
  compareGroup: idSchema.optional(),
  requestId: idSchema.optional(),
  params: samplingParamsSchema.optional(),
  parentRequestId: idSchema.optional(),
  continues: z.object({ requestId: idSchema, answer: z.string().max(MAX_TEXT) }).optional(),
});

/** `cancelChat`'s argument: the request id. */
export const cancelChatSchema = idSchema;

export type ChatSchemasAgree = [
  Check<Agree<z.output<typeof historyTurnSchema>, HistoryTurn>>,
  Check<Agree<z.output<typeof attachmentRefSchema>, AttachmentRef>>,
  Check<Agree<z.output<typeof chatRequestSchema>, ChatRequest>>,
];
