import type { ChatError } from '../engine/types.ts';
import type { CustomThinking, ServerKind } from '../params/dialect.ts';

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
   * OpenRouter only: for each of `models` that OpenRouter's /models was seen to list, the parameters it says it
   * takes (`supported_parameters`). A model missing here goes by the catalog's list.
   */
  supportedParams?: Record<string, string[]>;
  /** Custom servers: which kind it is (its parameters) and how thinking is switched; see shared/params/dialect.ts. */
  server?: ServerKind;
  thinkingDialect?: CustomThinking;
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
  server?: ServerKind;
  thinkingDialect?: CustomThinking;
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
  /** A custom server's kind as guessed from what its /models said (shared/params/dialect.ts); null: no telling. */
  serverGuess?: ServerKind | null;
  error: ChatError | null;
}

export interface ProviderApi {
  listProviders(): Promise<ProviderView[]>;
  saveProvider(input: ProviderInput): Promise<ProviderView>;
  deleteProvider(id: string): Promise<void>;
  testProvider(id: string): Promise<ConnectionReport>;
}

export const providerMethods = ['listProviders', 'saveProvider', 'deleteProvider', 'testProvider'] as const;
