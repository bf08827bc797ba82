import type { ChatError } from '../engine/types.ts';

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

export interface ConnectionReport {
  ok: boolean;
  /** Model ids the server lists, when it lists any. */
  models: string[];
  /** Whether the configured model is among them (null when the server lists none). */
  modelAvailable: boolean | null;
  keyStatus: 'valid' | 'invalid' | 'missing' | 'unchecked';
  error: ChatError | null;
}

export interface ProviderApi {
  listProviders(): Promise<ProviderView[]>;
  saveProvider(input: ProviderInput): Promise<ProviderView>;
  deleteProvider(id: string): Promise<void>;
  testProvider(id: string): Promise<ConnectionReport>;
}

export const providerMethods = ['listProviders', 'saveProvider', 'deleteProvider', 'testProvider'] as const;
