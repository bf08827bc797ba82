/** The zod schemas of the playground methods' arguments (see arg-schemas.ts), checked to agree with ./playground.ts. */
import { z } from 'zod';
import { chatRequestSchema } from './chat-schema.ts';
import type { PlaygroundApi } from './playground.ts';
import { idSchema, MAX_TEXT, MAX_URL, type Agree, type Check } from './schema-kit.ts';

export const deleteTurnSchema = z.object({ sessionId: idSchema, requestId: idSchema });

/** A JSON Schema as an object; whether it is valid JSON Schema is what the method answers. */
export const jsonSchemaArgSchema = z.record(z.string(), z.unknown());

export const validateAnswerSchema = z.object({ schema: jsonSchemaArgSchema, answer: z.string().max(MAX_TEXT) });

export const requestCodeSchema = chatRequestSchema;

/** A base URL to ask (only http and https: the host GETs it). */
export const identifyServerSchema = z.object({
  baseUrl: z
    .string()
    .max(MAX_URL)
    .trim()
    .regex(/^https?:\/\/\S+$/i, 'The base URL must start with http:// or https://.'),
});

export type PlaygroundSchemasAgree = [
  Check<Agree<z.output<typeof deleteTurnSchema>, Parameters<PlaygroundApi['deleteTurn']>[0]>>,
  Check<Agree<z.output<typeof validateAnswerSchema>, Parameters<PlaygroundApi['validateAnswer']>[0]>>,
  Check<Agree<z.output<typeof identifyServerSchema>, Parameters<PlaygroundApi['identifyServer']>[0]>>,
];
