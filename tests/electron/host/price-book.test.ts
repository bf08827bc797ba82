import { describe, expect, it } from 'vitest';
import { openDb, schemaVersion } from '../../../electron/host/db.ts';
import type { ChatEvent } from '../../../shared/engine/types.ts';
import { checkPrice } from '../../../shared/providers/price-input.ts';
import { useTestHosts } from './test-host.ts';

const hosts = useTestHosts('glimpse-prices-');
const newHost = () => hosts.newHost();

const ZAI = { catalogId: 'zai', providerId: 'zai' };
const PRICE = { prompt: '0.5', completion: '1.5', cachedRead: '', recorded: '2026-11-25' };

describe('price book', () => {
  it('lists the catalog with GLM-4.6V priced unknown until the user enters a price', async () => {
    const h = newHost();
    const models = await h.methods.listModels(ZAI);
    expect(models.map((m) => m.id)).toEqual(['glm-4.5v', 'glm-4.6v']);
    expect(models[0].price).toEqual({ prompt: 0.6, completion: 1.8, cachedRead: 0.11, recorded: '2026-11-01' });
    expect(models[1].price).toBeNull();
    expect(h.providers.prices.resolve(ZAI, 'glm-4.6v')).toBeNull();

    const after = await h.methods.setModelPrice({ ...ZAI, model: 'glm-4.6v', price: PRICE });
    expect(after[1]).toMatchObject({
      price: { prompt: 0.5, completion: 1.5, cachedRead: null, recorded: '2026-11-25' },
      userPrice: true,
      catalogPrice: null,
    });
    expect(h.providers.prices.resolve(ZAI, 'glm-4.6v')).toMatchObject({
      prompt: 0.5,
      origin: 'user',
      catalogId: 'zai',
      model: 'glm-4.6v',
    });
  });

  it('keeps user prices and models across a restart (SQLite, schema 2 and up)', async () => {
    const h = newHost();
    await h.methods.addModel({
      catalogId: 'openrouter',
      providerId: null,
      model: 'z-ai/glm-4.5v:free',
      label: 'GLM-4.5V (free)',
    });
    await h.methods.setModelPrice({
      catalogId: 'openrouter',
      providerId: null,
      model: 'z-ai/glm-4.5v:free',
      price: { prompt: 0, completion: 0, cachedRead: null, recorded: '2026-11-25' },
    });
    const again = hosts.reopen();
    const models = await again.methods.listModels({ catalogId: 'openrouter', providerId: 'openrouter' });
    expect(models.at(-1)).toMatchObject({
      id: 'z-ai/glm-4.5v:free',
      label: 'GLM-4.5V (free)',
      userAdded: true,
      price: { prompt: 0, completion: 0 },
    });
    // The model shows up in the provider's own list too, so Settings and the picker offer it.
    expect(again.providers.get('openrouter')!.models).toContain('z-ai/glm-4.5v:free');
    const db = openDb(hosts.dir, 'glimpse.db');
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(2);
    db.close();
  });

  it('resets to the catalog price, and refuses bad prices with a clear message and no change', async () => {
    const h = newHost();
    await h.methods.setModelPrice({ ...ZAI, model: 'glm-4.5v', price: PRICE });
    expect(h.providers.prices.resolve(ZAI, 'glm-4.5v')!.origin).toBe('user');
    await expect(h.methods.setModelPrice({ ...ZAI, model: 'glm-4.5v', price: { ...PRICE, prompt: '-1' } })).rejects.toThrow(
      /Prompt must be a number/,
    );
    await expect(
      h.methods.setModelPrice({ ...ZAI, model: 'glm-4.5v', price: { ...PRICE, recorded: '2026-02-30' } }),
    ).rejects.toThrow(/Recorded must be a date/);
    await expect(h.methods.setModelPrice({ ...ZAI, model: 'nope', price: PRICE })).rejects.toThrow(/add it first/);
    expect(h.providers.prices.resolve(ZAI, 'glm-4.5v')!.prompt).toBe(0.5);
    await h.methods.setModelPrice({ ...ZAI, model: 'glm-4.5v', price: null });
    expect(h.providers.prices.resolve(ZAI, 'glm-4.5v')).toMatchObject({ prompt: 0.6, origin: 'catalog' });
  });

  it('gives each custom server its own models and forgets them when it is deleted', async () => {
    const h = newHost();
    const a = h.providers.save({ catalogId: 'custom', name: 'Box A', baseUrl: 'http://127.0.0.1:1/v1', model: 'glm-4.5v' });
    const b = h.providers.save({ catalogId: 'custom', name: 'Box B', baseUrl: 'http://127.0.0.1:2/v1', model: 'glm-4.5v' });
    await expect(h.methods.addModel({ catalogId: 'custom', providerId: null, model: 'x' })).rejects.toThrow(
      /Save this provider first/,
    );
    await h.methods.addModel({ catalogId: 'custom', providerId: a.id, model: 'glm-4.5v' });
    await h.methods.setModelPrice({ catalogId: 'custom', providerId: a.id, model: 'glm-4.5v', price: PRICE });
    expect(h.providers.priceFor(a, 'glm-4.5v')).toMatchObject({ origin: 'user', prompt: 0.5 });
    expect(h.providers.priceFor(b, 'glm-4.5v')).toBeNull();
    await expect(h.methods.addModel({ catalogId: 'custom', providerId: a.id, model: 'has space' })).rejects.toThrow(/no spaces/);
    await expect(h.methods.removeModel({ ...ZAI, model: 'glm-4.5v' })).rejects.toThrow(/cannot be removed/);
    h.providers.delete(a.id);
    expect(await h.methods.listModels({ catalogId: 'custom', providerId: a.id })).toEqual([]);
  });

  it('costs a request at the price in force when it started and reports that price in the start event', async () => {
    const h = newHost();
    const p = h.providers.save({
      catalogId: 'zai',
      name: 'Fake 4.6V',
      baseUrl: `${hosts.fake.url}/zai`,
      model: 'glm-4.6v',
      apiKey: 'k',
    });
    const ask = async () => {
      const events: ChatEvent[] = [];
      const result = await h.chat.run(
        { providerId: p.id, thinking: false, prompt: 'hi', attachments: [], history: [] },
        new AbortController(),
        (e) => events.push(e),
      );
      return { result, start: events.find((e) => e.type === 'start')! };
    };
    const unknown = await ask();
    expect(unknown.result.cost).toEqual({ usd: null, source: 'unknown' });
    expect(unknown.result.estimate.usd).toBeNull();
    expect(unknown.start).toMatchObject({ type: 'start', price: null });

    await h.methods.setModelPrice({
      catalogId: 'zai',
      providerId: p.id,
      model: 'glm-4.6v',
      price: { prompt: 1, completion: 2, cachedRead: 0.5, recorded: '2026-11-25' },
    });
    const priced = await ask();
    const u = priced.result.usage;
    expect(priced.result.cost.source).toBe('price-table');
    expect(priced.result.cost.usd).toBeCloseTo((u.prompt_tokens * 1 + u.completion_tokens * 2) / 1e6, 12);
    expect(priced.start).toMatchObject({
      price: { prompt: 1, completion: 2, cachedRead: 0.5, origin: 'user', model: 'glm-4.6v', catalogId: 'zai' },
    });
  });
});

describe('checkPrice', () => {
  it('accepts a $ sign and an empty cached-read, and never invents a figure', () => {
    expect(checkPrice({ prompt: '$0.60', completion: '1.8', cachedRead: ' ', recorded: '2026-11-01' })).toEqual({
      ok: true,
      price: { prompt: 0.6, completion: 1.8, cachedRead: null, recorded: '2026-11-01' },
    });
    expect(checkPrice({ prompt: '', completion: '1', cachedRead: null, recorded: '2026-11-01' })).toMatchObject({
      ok: false,
      message: /Prompt is empty/,
    });
    expect(checkPrice({ prompt: '1', completion: 'abc', cachedRead: null, recorded: '2026-11-01' })).toMatchObject({
      ok: false,
      message: /Completion must be/,
    });
    expect(checkPrice({ prompt: '60000', completion: '1', cachedRead: null, recorded: '2026-11-01' })).toMatchObject({
      ok: false,
      message: /looks wrong/,
    });
  });
});
