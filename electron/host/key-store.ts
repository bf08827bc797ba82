/**
 * Where API keys live. The Electron shell encrypts them with safeStorage (electron/main/safe-key-store.ts);
 * the browser shell and the CLI keep them in the data dir's key file, readable by the owner only (0600),
 * or take them from the environment. Keys never leave the host.
 */
import { join } from 'node:path';
import { readJsonMap, writeJsonMap } from './json-map-file.ts';

export interface KeyStore {
  get(providerId: string): string | null;
  set(providerId: string, key: string | null): void;
}

/** Plain JSON map in `<dataDir>/keys.json`, mode 0600, written atomically. */
export class FileKeyStore implements KeyStore {
  private readonly file: string;
  constructor(dataDir: string) {
    this.file = join(dataDir, 'keys.json');
  }

  get(providerId: string): string | null {
    return readJsonMap(this.file)[providerId] ?? null;
  }

  set(providerId: string, key: string | null): void {
    const all = readJsonMap(this.file);
    if (key) all[providerId] = key;
    else delete all[providerId];
    writeJsonMap(this.file, all);
  }
}

/** Keys from the environment, consulted after the store: GLIMPSE_API_KEY, then the provider's own variables. */
export function keyFromEnv(envNames: readonly string[], env: NodeJS.ProcessEnv = process.env): string | null {
  for (const name of ['GLIMPSE_API_KEY', ...envNames]) {
    const v = env[name];
    if (v) return v;
  }
  return null;
}
