/** The zod schema of `setAppearance`'s argument (see arg-schemas.ts), checked to agree with ./appearance.ts. */
import { z } from 'zod';
import { type Appearance, LANGUAGE_CHOICES, THEME_CHOICES } from './appearance.ts';
import type { Agree, Check } from './schema-kit.ts';

export const appearanceSchema = z.strictObject({ language: z.enum(LANGUAGE_CHOICES), theme: z.enum(THEME_CHOICES) });

export type AppearanceSchemasAgree = Check<Agree<z.output<typeof appearanceSchema>, Appearance>>;
