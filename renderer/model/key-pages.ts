/**
 * Where each hosted provider hands out API keys, as its own documentation names the page (checked 2026-11-30;
 * sources in docs/providers.md). Shown by the first-run guide's "add a key" step.
 */
export interface KeyPage {
  /** The catalog entry (shared/providers/catalog.ts) whose key the page gives. */
  catalogId: string;
  name: string;
  url: string;
}

export const KEY_PAGES: readonly KeyPage[] = [
  { catalogId: 'zai', name: 'Z.AI', url: 'https://z.ai/manage-apikey/apikey-list' },
  // The console moved from open.bigmodel.cn to bigmodel.cn, where keys belong to a project.
  { catalogId: 'bigmodel', name: 'BigModel', url: 'https://bigmodel.cn/usercenter/proj-mgmt/apikeys' },
  { catalogId: 'openrouter', name: 'OpenRouter', url: 'https://openrouter.ai/settings/keys' },
  { catalogId: 'novita', name: 'Novita', url: 'https://novita.ai/settings/key-management' },
];
