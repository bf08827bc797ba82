import type { Price } from '../providers/catalog.ts';

/**
 * Whose models and prices: a hosted kind shares one table across all its configurations (Z.AI charges the same
 * whoever configured it), while each custom server has its own (two vLLM boxes need not cost the same).
 */
export interface ModelScope {
  catalogId: string;
  /** The configured provider; needed for custom servers, ignored for hosted kinds. */
  providerId: string | null;
}

/** One model as Settings shows it: the catalog's facts, the user's additions, and the price in force. */
export interface ModelInfo {
  id: string;
  label: string;
  /** The price requests are costed at now; null means unknown (cost null, never 0). */
  price: Price | null;
  /** What the catalog says, for "Reset to catalog"; null when no source states a price. */
  catalogPrice: Price | null;
  /** Whether `price` is one the user entered. */
  userPrice: boolean;
  /** Added by the user rather than listed in the catalog (only these can be removed). */
  userAdded: boolean;
  contextTokens: number | null;
}

/** A price as typed in Settings; the host checks it with shared/providers/price-input.ts. */
export interface PriceInputFields {
  prompt: string | number;
  completion: string | number;
  cachedRead: string | number | null;
  recorded: string;
}

export interface ModelPriceInput extends ModelScope {
  model: string;
  /** null removes the user's price, so the catalog's applies again (or none). */
  price: PriceInputFields | null;
}

export interface ModelRef extends ModelScope {
  model: string;
  label?: string;
}

/** The editable catalog: models per provider and their prices, stored by the host (SQLite). */
export interface ModelsApi {
  listModels(scope: ModelScope): Promise<ModelInfo[]>;
  /** Sets or clears the user's price for a model; returns the scope's models as they now are. */
  setModelPrice(input: ModelPriceInput): Promise<ModelInfo[]>;
  /** Adds a model id the catalog does not list (a new release, a `:free` variant, whatever a server serves). */
  addModel(input: ModelRef): Promise<ModelInfo[]>;
  /** Removes a user-added model and its price. Catalog models cannot be removed. */
  removeModel(input: ModelRef): Promise<ModelInfo[]>;
}

export const modelMethods = ['listModels', 'setModelPrice', 'addModel', 'removeModel'] as const;
