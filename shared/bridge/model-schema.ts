/** The zod schemas of the model methods' arguments (see arg-schemas.ts), checked to agree with ./models.ts. */
import { z } from 'zod';
import { idSchema, MAX_NAME, type Agree, type Check } from './schema-kit.ts';
import type { ModelPriceInput, ModelRef, ModelScope } from './models.ts';

/** `listModels`' argument. */
export const modelScopeSchema = z.object({ catalogId: idSchema, providerId: idSchema.nullable() });

const amountSchema = z.union([z.string().max(64), z.number()]);

/** A typed price's fields; what they mean is checked by shared/providers/price-input.ts. */
export const priceInputFieldsSchema = z.object({
  prompt: amountSchema,
  completion: amountSchema,
  cachedRead: amountSchema.nullable(),
  recorded: z.string().max(64),
});

/** `setModelPrice`'s argument. */
export const modelPriceInputSchema = modelScopeSchema.extend({
  model: z.string().max(MAX_NAME),
  price: priceInputFieldsSchema.nullable(),
});

/** `addModel`'s and `removeModel`'s argument. */
export const modelRefSchema = modelScopeSchema.extend({
  model: z.string().max(MAX_NAME),
  label: z.string().max(MAX_NAME).optional(),
});

export type ModelSchemasAgree = [
  Check<Agree<z.output<typeof modelScopeSchema>, ModelScope>>,
  Check<Agree<z.output<typeof modelPriceInputSchema>, ModelPriceInput>>,
  Check<Agree<z.output<typeof modelRefSchema>, ModelRef>>,
];
