/** The zod schemas of the provider methods' arguments (see arg-schemas.ts), checked to agree with ./providers.ts. */
import { z } from 'zod';
import { idSchema, MAX_ID, MAX_NAME, MAX_URL, MAX_TEXT, type Agree, type Check } from './schema-kit.ts';
import type { ProviderInput } from './providers.ts';
import { CUSTOM_THINKING, SERVER_KINDS } from '../params/dialect.ts';

/** `saveProvider`'s argument; names and URLs arrive trimmed. */
export const providerInputSchema = z.object({
  id: idSchema.optional(),
  catalogId: idSchema,
  name: z.string().max(MAX_NAME).trim().min(1, 'A provider needs a name.'),
  baseUrl: z
    .string()
    .max(MAX_URL)
    .trim()
    .regex(/^https?:\/\/\S+$/i, 'The base URL must start with http:// or https://.'),
  model: z.string().max(MAX_NAME).trim().min(1, 'A provider needs a model id.'),
  // A pasted key may carry a newline; a key is never this long, but a pasted page of text might be.
  apiKey: z
    .string()
    .max(MAX_TEXT)
    .trim()
    .max(16 * 1024, 'That key is too long to be an API key.')
    .optional(),
  upstream: z.array(z.string().max(MAX_ID)).max(50).optional(),
  server: z.enum(SERVER_KINDS).optional(),
  thinkingDialect: z.enum(CUSTOM_THINKING).optional(),
});

/** `deleteProvider`'s and `testProvider`'s argument: the provider id. */
export const providerIdSchema = idSchema;

export type ProviderSchemasAgree = Check<Agree<z.output<typeof providerInputSchema>, ProviderInput>>;
