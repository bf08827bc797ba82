import { z } from 'zod';
import type { ChatError } from '../engine/types.ts';
import { idSchema, MAX_ID, MAX_NAME, MAX_URL, MAX_TEXT, type Agree, type Check } from './schema-kit.ts';

/** A provider as the renderer sees it. The key itself never crosses the bridge: only whether one is set. */
export interface ProviderView {
  id: string;
  /** Which catalog entry (dialect, prices, defaults) this configuration is built on. */
  catalogId: string;
  name: string;
  baseUrl: string;
  model: string;
  models: string[];
  hasKey: boolean;
  /** OpenRouter only: upstream providers to pin, in order (`provider.order`). */
  upstream: string[];
  /**
   * Set on `saveProvider`'s reply when the stored key was removed because the base URL moved to another origin
   * and no key was entered with it: a key given for one host is never sent to another.
   */
  keyDropped?: boolean;
}

/** What Settings sends. `apiKey` is write-only: omitted keeps the stored key, '' removes it. */
export interface ProviderInput {
  id?: string;
  catalogId: string;
  name: string;
  baseUrl: string;
  model: string;
  apiKey?: string;
  upstream?: string[];
}

/** What "Test connection" learned. The key itself is never part of it. */
export interface ConnectionReport {
  ok: boolean;
  /** Model ids the server lists, when it lists any. */
  models: string[];
  /** Whether the configured model is served (from the list, or from a probe request); null when unknown. */
  modelAvailable: boolean | null;
  /** `not-needed`: no key is set and the server answered anyway (a local server). */
  keyStatus: 'valid' | 'invalid' | 'missing' | 'unchecked' | 'not-needed';
  /**
   * How it was checked: `models` (GET /models), or `probe` when the server lists no models and a one-token
   * request was sent instead (it may cost a fraction of a cent on a hosted provider).
   */
  checkedBy?: 'models' | 'probe';
  error: ChatError | null;
}

export interface ProviderApi {
  listProviders(): Promise<ProviderView[]>;
  saveProvider(input: ProviderInput): Promise<ProviderView>;
  deleteProvider(id: string): Promise<void>;
  testProvider(id: string): Promise<ConnectionReport>;
}

export const providerMethods = ['listProviders', 'saveProvider', 'deleteProvider', 'testProvider'] as const;

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
  apiKey: z.string().max(MAX_TEXT).trim().max(16 * 1024, 'That key is too long to be an API key.').optional(),
  upstream: z.array(z.string().max(MAX_ID)).max(50).optional(),
});

/** `deleteProvider`'s and `testProvider`'s argument: the provider id. */
export const providerIdSchema = idSchema;

export type ProviderSchemasAgree = Check<Agree<z.output<typeof providerInputSchema>, ProviderInput>>;
