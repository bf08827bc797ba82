/** Configured providers (a catalog entry plus the user's name, URL, model and upstream pinning) in SQLite. */
import { randomUUID } from 'node:crypto';
import type { ProviderInput, ProviderView } from '../../shared/bridge/providers.ts';
import { CATALOG, catalogEntry, LOCAL_OCR, type PriceSnapshot } from '../../shared/providers/catalog.ts';
import type { Db } from './db.ts';
import { keyFromEnv, type KeyStore } from './key-store.ts';
import { PriceBook } from './price-book.ts';

interface Row {
  id: string;
  catalog_id: string;
  name: string;
  base_url: string;
  model: string;
  upstream: string;
  options: string | null;
}

export class BadProviderInput extends Error {}

export class ProviderStore {
  /** Providers that live only for this process (the CLI's --provider/--base-url), never written to disk. */
  private readonly transient = new Map<string, { view: ProviderView; key: string | null }>();
  private readonly db: Db;
  private readonly keys: KeyStore;
  private readonly env: NodeJS.ProcessEnv;
  /** Models and prices per provider: the catalog overlaid with the user's edits. */
  readonly prices: PriceBook;
  constructor(db: Db, keys: KeyStore, env: NodeJS.ProcessEnv = process.env) {
    this.db = db;
    this.keys = keys;
    this.env = env;
    this.prices = new PriceBook(db);
    this.seed();
    this.ensureLocalOcr();
  }

  /**
   * Local OCR is built in: a data dir from before it existed gets it too, and it comes back at the next start
   * if removed, so a person without a key always has something that works.
   */
  private ensureLocalOcr(): void {
    const e = catalogEntry(LOCAL_OCR);
    if (this.db.prepare('SELECT 1 FROM providers WHERE id = ?').get(e.id)) return;
    const pos = (this.db.prepare('SELECT COALESCE(MAX(position), -1) + 1 AS p FROM providers').get() as { p: number }).p;
    this.db
      .prepare(
        'INSERT INTO providers (id, catalog_id, name, base_url, model, upstream, position, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(e.id, e.id, e.name, e.baseUrl, e.models[0]?.id ?? 'eng', '[]', pos, Date.now());
  }

  /** First run: every hosted provider of the catalog is listed, so a person only has to paste a key. */
  private seed(): void {
    const n = (this.db.prepare('SELECT COUNT(*) AS n FROM providers').get() as { n: number }).n;
    if (n > 0) return;
    const insert = this.db.prepare(
      'INSERT INTO providers (id, catalog_id, name, base_url, model, upstream, position, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    CATALOG.filter((e) => !e.userUrl).forEach((e, i) => {
      insert.run(e.id, e.id, e.name, e.baseUrl, e.models[0]?.id ?? '', '[]', i, Date.now());
    });
  }

  list(): ProviderView[] {
    const rows = this.db.prepare('SELECT * FROM providers ORDER BY position, created_at').all() as unknown as Row[];
    return rows.map((r) => this.view(r));
  }

  /** Registers a provider for this process only, with its key held in memory. */
  addTransient(view: Omit<ProviderView, 'hasKey' | 'models'>, key: string | null): ProviderView {
    const entry = catalogEntry(view.catalogId);
    const full: ProviderView = {
      ...view,
      models: this.modelIds(view.catalogId, view.id, view.model),
      hasKey: Boolean(key ?? this.envKey(entry.id, view.baseUrl)),
    };
    this.transient.set(view.id, { view: full, key });
    return full;
  }

  get(id: string): ProviderView | null {
    const t = this.transient.get(id);
    if (t) return t.view;
    const r = this.db.prepare('SELECT * FROM providers WHERE id = ?').get(id) as unknown as Row | undefined;
    return r ? this.view(r) : null;
  }

  /** The key to send: the stored one, else the environment's (only to the catalog's own server). Host-only. */
  keyFor(id: string): string | null {
    const p = this.get(id);
    if (!p) return null;
    const t = this.transient.get(id);
    if (t?.key) return t.key;
    return this.keys.get(id) ?? this.envKey(p.catalogId, p.baseUrl);
  }

  /**
   * A key from the environment (ZAI_API_KEY, GLIMPSE_API_KEY...) was set for the provider's own service, not for
   * whatever address the provider is later pointed at: it goes only to the catalog's origin. A custom server, or a
   * hosted provider moved to another origin, gets only a key entered for it.
   */
  private envKey(catalogId: string, baseUrl: string): string | null {
    const entry = catalogEntry(catalogId);
    if (entry.userUrl || originOf(baseUrl) !== originOf(entry.baseUrl)) return null;
    return keyFromEnv(entry.keyEnv, this.env);
  }

  /** The price a request to this provider and model is costed at now (the user's entry, else the catalog's). */
  priceFor(provider: Pick<ProviderView, 'id' | 'catalogId'>, model: string): PriceSnapshot | null {
    return this.prices.resolve({ catalogId: provider.catalogId, providerId: provider.id }, model);
  }

  /** Saves a provider; `input` has passed the bridge's schema (names trimmed, the URL http(s)). */
  save(input: ProviderInput): ProviderView {
    const { name, model } = input;
    const baseUrl = input.baseUrl.replace(/\/+$/, '');
    const id = input.id ?? `${input.catalogId}-${randomUUID().slice(0, 8)}`;
    const upstream = JSON.stringify(checkUpstream(input));
    // Only a custom server has a kind and a thinking switch of its own; hosted kinds use the catalog's.
    const options = JSON.stringify(
      catalogEntry(input.catalogId).userUrl ? { server: input.server, thinkingDialect: input.thinkingDialect } : {},
    );
    const exists = this.get(id);
    // A key was given for one server: when the address moves to another origin it stays behind unless entered again.
    const dropKey = Boolean(
      exists && input.apiKey === undefined && originOf(exists.baseUrl) !== originOf(baseUrl) && this.keys.get(id),
    );
    if (exists) {
      this.db
        .prepare('UPDATE providers SET catalog_id = ?, name = ?, base_url = ?, model = ?, upstream = ?, options = ? WHERE id = ?')
        .run(input.catalogId, name, baseUrl, model, upstream, options, id);
    } else {
      const pos = (this.db.prepare('SELECT COALESCE(MAX(position), -1) + 1 AS p FROM providers').get() as { p: number }).p;
      this.db
        .prepare(
          'INSERT INTO providers (id, catalog_id, name, base_url, model, upstream, position, created_at, options) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(id, input.catalogId, name, baseUrl, model, upstream, pos, Date.now(), options);
    }
    if (input.apiKey !== undefined) this.keys.set(id, input.apiKey || null);
    else if (dropKey) this.keys.set(id, null);
    const view = this.get(id)!;
    return dropKey ? { ...view, keyDropped: true } : view;
  }

  delete(id: string): void {
    this.db.prepare('DELETE FROM providers WHERE id = ?').run(id);
    this.keys.set(id, null);
    this.prices.forgetProvider(id);
  }

  /** The configured model first, then the catalog's and the user's for this provider. */
  private modelIds(catalogId: string, providerId: string, model: string): string[] {
    return [...new Set([model, ...this.prices.list({ catalogId, providerId }).map((m) => m.id)].filter(Boolean))];
  }

  private view(r: Row): ProviderView {
    const entry = catalogEntry(r.catalog_id);
    const models = this.modelIds(r.catalog_id, r.id, r.model);
    return {
      id: r.id,
      catalogId: r.catalog_id,
      name: r.name,
      baseUrl: r.base_url,
      model: r.model,
      models,
      hasKey: Boolean(this.keys.get(r.id) ?? this.envKey(entry.id, r.base_url)),
      upstream: JSON.parse(r.upstream) as string[],
      ...(JSON.parse(r.options ?? '{}') as Pick<ProviderView, 'server' | 'thinkingDialect'>),
    };
  }
}

/** Scheme, host and port of a base URL (what a browser would call its origin), lower-cased. */
export function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url.toLowerCase();
  }
}

/** Upstream pinning is OpenRouter's (`provider.order`); only its known upstreams, each once, in the order given. */
function checkUpstream(input: ProviderInput): string[] {
  const entry = catalogEntry(input.catalogId);
  const wanted = [...new Set(input.upstream ?? [])];
  if (wanted.length === 0) return [];
  if (entry.upstreams.length === 0)
    throw new BadProviderInput(`${entry.name} does not route to upstream providers; pinning is for OpenRouter.`);
  const unknown = wanted.filter((u) => !entry.upstreams.some((x) => x.id === u));
  if (unknown.length)
    throw new BadProviderInput(
      `Unknown upstream “${unknown[0]}”. Choose from: ${entry.upstreams.map((x) => x.label).join(', ')}.`,
    );
  return wanted;
}
