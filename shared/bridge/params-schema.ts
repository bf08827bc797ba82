/** The zod schema of a request's sampling parameters as they cross the bridge (see shared/params/types.ts). */
import { z } from 'zod';
import type { SamplingParams } from '../params/types.ts';
import { MAX_NAME, MAX_TEXT, type Agree, type Check } from './schema-kit.ts';

const num = z.number().finite().optional();

/** A JSON Schema object; whether it is valid JSON Schema is ajv's to say (host, params-service.ts). */
const jsonSchemaObject = z.record(z.string(), z.unknown());

export const responseFormatSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text') }),
  z.object({ type: z.literal('json_object') }),
  z.object({ type: z.literal('json_schema'), name: z.string().min(1).max(64), schema: jsonSchemaObject }),
]);

export const samplingParamsSchema = z.object({
  system: z.string().max(MAX_TEXT).optional(),
  temperature: num,
  top_p: num,
  top_k: num,
  max_tokens: num,
  stop: z.array(z.string().max(MAX_NAME)).max(16).optional(),
  seed: num,
  frequency_penalty: num,
  presence_penalty: num,
  repetition_penalty: num,
  do_sample: z.boolean().optional(),
  response_format: responseFormatSchema.optional(),
  reasoning_effort: z.enum(['low', 'medium', 'high']).optional(),
  reasoning_max_tokens: num,
  extra: z.record(z.string().max(MAX_NAME), z.unknown()).optional(),
});

export type ParamsSchemasAgree = [Check<Agree<z.output<typeof samplingParamsSchema>, SamplingParams>>];
