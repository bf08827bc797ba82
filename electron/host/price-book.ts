/**
 * The editable catalog: the catalog's models and prices (shared/providers/catalog.ts) as defaults, overlaid with
 * what the user entered (SQLite, migration 2). Chat costs a request at the price this resolves when it starts;
 * a model nobody priced stays unknown (GLM-4.6V until the user enters one), never 0.
 */
import type { ModelInfo, ModelPriceInput, ModelRef, ModelScope } from '../../shared/bridge/models.ts';
import { catalogEntry, catalogModel, type Price, type PriceSnapshot } from '../../shared/providers/catalog.ts';
import { checkModelId, checkPrice } from '../../shared/providers/price-input.ts';
import { BadInputError } from './bad-input.ts';
import type { Db } from './db.ts';

/** Thrown for input the person can fix; crosses the bridge as `bad-input` with this message. */
export class BadPriceInput extends BadInputError {}

interface PriceRow {
  model: string;
  prompt: number;
  completion: number;
  cached_read: number | null;
  recorded: string;
}

interface ModelRow {
  model: string;
  label: string | null;
}

/** Hosted kinds share one table; each custom server (or unknown kind) has its own. */
export function scopeKey(s: ModelScope): string | null {
  const entry = catalogEntry(s.catalogId);
  if (!entry.userUrl && entry.id === s.catalogId) return entry.id;
  return s.providerId ? `custom:${s.providerId}` : null;
}

const toPrice = (r: PriceRow): Price => ({
  prompt: r.prompt,
  completion: r.completion,
  cachedRead: r.cached_read,
  recorded: r.recorded,
});

export class PriceBook {
  private readonly db: Db;
  constructor(db: Db) {
    this.db = db;
  }

  /** The catalog's models first (in catalog order), then the user's, each with the price in force. */
  list(scope: ModelScope): ModelInfo[] {
    const key = scopeKey(scope);
    const entry = catalogEntry(scope.catalogId);
    const prices = new Map<string, Price>();
    const added: ModelRow[] = [];
    if (key) {
      for (const r of this.db.prepare('SELECT * FROM model_prices WHERE scope = ?').all(key) as unknown as PriceRow[]) {
        prices.set(r.model, toPrice(r));
      }
      added.push(
        ...(this.db
          .prepare('SELECT model, label FROM user_models WHERE scope = ? ORDER BY created_at, model')
          .all(key) as unknown as ModelRow[]),
      );
    }
    const out: ModelInfo[] = entry.models.map((m) => ({
      id: m.id,
      label: m.label,
      price: prices.get(m.id) ?? m.price,
      catalogPrice: m.price,
      userPrice: prices.has(m.id),
      userAdded: false,
      contextTokens: m.contextTokens,
    }));
    for (const r of added) {
      if (out.some((m) => m.id === r.model)) continue;
      out.push({
        id: r.model,
        label: r.label || r.model,
        price: prices.get(r.model) ?? null,
        catalogPrice: null,
        userPrice: prices.has(r.model),
        userAdded: true,
        contextTokens: null,
      });
    }
    return out;
  }

  /** The price to cost a request at, frozen with where it came from; null when nobody stated one. */
  resolve(scope: ModelScope, model: string): PriceSnapshot | null {
    const key = scopeKey(scope);
    if (key) {
      const r = this.db.prepare('SELECT * FROM model_prices WHERE scope = ? AND model = ?').get(key, model) as unknown as
        | PriceRow
        | undefined;
      if (r) return { ...toPrice(r), catalogId: scope.catalogId, model, origin: 'user' };
    }
    const m = catalogModel(scope.catalogId, model);
    return m?.price ? { ...m.price, catalogId: scope.catalogId, model, origin: 'catalog' } : null;
  }

  setPrice(input: ModelPriceInput): ModelInfo[] {
    const key = this.requireScope(input);
    const model = input.model.trim();
    const bad = checkModelId(model);
    if (bad) throw new BadPriceInput(bad);
    if (!this.list(input).some((m) => m.id === model))
      throw new BadPriceInput(`“${model}” is not a model of this provider; add it first.`);
    if (input.price === null) {
      this.db.prepare('DELETE FROM model_prices WHERE scope = ? AND model = ?').run(key, model);
      return this.list(input);
    }
    const checked = checkPrice(input.price);
    if (!checked.ok) throw new BadPriceInput(checked.message);
    const p = checked.price;
    this.db
      .prepare(
        `INSERT INTO model_prices (scope, model, prompt, completion, cached_read, recorded, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (scope, model) DO UPDATE SET prompt = excluded.prompt, completion = excluded.completion,
           cached_read = excluded.cached_read, recorded = excluded.recorded, updated_at = excluded.updated_at`,
      )
      .run(key, model, p.prompt, p.completion, p.cachedRead, p.recorded, Date.now());
    return this.list(input);
  }

  addModel(input: ModelRef): ModelInfo[] {
    const key = this.requireScope(input);
    const model = input.model.trim();
    const bad = checkModelId(model);
    if (bad) throw new BadPriceInput(bad);
    if (this.list(input).some((m) => m.id === model)) throw new BadPriceInput(`“${model}” is already listed.`);
    this.db
      .prepare('INSERT INTO user_models (scope, model, label, created_at) VALUES (?, ?, ?, ?)')
      .run(key, model, input.label?.trim() || null, Date.now());
    return this.list(input);
  }

  removeModel(input: ModelRef): ModelInfo[] {
    const key = this.requireScope(input);
    const model = input.model.trim();
    if (catalogEntry(input.catalogId).models.some((m) => m.id === model)) {
      throw new BadPriceInput('Models from the catalog cannot be removed; only ones you added.');
    }
    this.db.prepare('DELETE FROM user_models WHERE scope = ? AND model = ?').run(key, model);
    this.db.prepare('DELETE FROM model_prices WHERE scope = ? AND model = ?').run(key, model);
    return this.list(input);
  }

  /** A deleted custom server takes its own models and prices with it; hosted kinds' tables stay. */
  forgetProvider(providerId: string): void {
    const key = `custom:${providerId}`;
    this.db.prepare('DELETE FROM user_models WHERE scope = ?').run(key);
    this.db.prepare('DELETE FROM model_prices WHERE scope = ?').run(key);
  }

  private requireScope(s: ModelScope): string {
    const key = scopeKey(s);
    if (!key) throw new BadPriceInput('Save this provider first; then its models and prices can be edited.');
    return key;
  }
}
