/** The guide's key pages: one per hosted provider of the catalog, each on that provider's own site, over HTTPS. */
import { describe, expect, it } from 'vitest';
import { KEY_PAGES } from '../../../renderer/model/key-pages.ts';
import { CATALOG } from '../../../shared/providers/catalog.ts';

/** The last two labels of a host name: api.z.ai and z.ai are one site. */
const site = (url: string) => new URL(url).hostname.split('.').slice(-2).join('.');

describe('KEY_PAGES', () => {
  it('gives each hosted provider a key page on its own site', () => {
    const hosted = CATALOG.filter((e) => e.baseUrl.startsWith('https://')).map((e) => e.id);
    expect(KEY_PAGES.map((k) => k.catalogId).sort()).toEqual([...hosted].sort());
    for (const k of KEY_PAGES) {
      const entry = CATALOG.find((e) => e.id === k.catalogId)!;
      expect(new URL(k.url).protocol, k.name).toBe('https:');
      expect(site(k.url), k.name).toBe(site(entry.baseUrl));
    }
  });
});
