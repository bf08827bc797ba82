/**
 * Where API keys live. The Electron shell encrypts them with safeStorage (electron/main/safe-key-store.ts);
 * the browser shell and the CLI keep them in the data dir's key file, readable by the owner only (0600),
 * or take them from the environment. Keys never leave the host.
 */
import { join } from 'node:path';
import type { KeyStorageInfo } from '../../shared/bridge/contract.ts';
import { readJsonMap, writeJsonMap } from './json-map-file.ts';

export interface KeyStore {
  get(providerId: string): string | null;
  set(providerId: string, key: string | null): void;
  /** How this store protects what it writes (see {@link KeyStorageInfo}). */
  backend(): KeyStorageInfo['backend'];
  /** Every provider id with a stored key, so keys can be moved to memory when the person asks for that. */
  ids(): string[];
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

  backend(): KeyStorageInfo['backend'] {
    return 'file';
  }

  ids(): string[] {
    return Object.keys(readJsonMap(this.file));
  }
}

/**
 * The key store the host uses: the persistent one, or, when the person chose "this session only", memory. In
 * session-only mode nothing is written; switching it on moves stored keys into memory and off the disk (a weakly
 * protected file is where they must not stay), switching it off writes the session's keys back.
 */
export class SessionKeyStore implements KeyStore {
  private readonly persistent: KeyStore;
  private readonly memory = new Map<string, string>();
  private sessionOnly = false;
  constructor(persistent: KeyStore, sessionOnly: boolean) {
    this.persistent = persistent;
    this.sessionOnly = sessionOnly;
    // Keys another process wrote since (the CLI's key file) are read, not deleted: only the switch moves keys.
    if (sessionOnly) for (const id of persistent.ids()) this.memory.set(id, persistent.get(id) ?? '');
  }

  get(providerId: string): string | null {
    return this.sessionOnly ? (this.memory.get(providerId) ?? null) : this.persistent.get(providerId);
  }

  set(providerId: string, key: string | null): void {
    if (!this.sessionOnly) {
      this.persistent.set(providerId, key);
      return;
    }
    if (key) this.memory.set(providerId, key);
    else this.memory.delete(providerId);
  }

  backend(): KeyStorageInfo['backend'] {
    return this.persistent.backend();
  }

  ids(): string[] {
    return this.sessionOnly ? [...this.memory.keys()] : this.persistent.ids();
  }

  isSessionOnly(): boolean {
    return this.sessionOnly;
  }

  setSessionOnly(on: boolean): void {
    if (on === this.sessionOnly) return;
    if (on) {
      for (const id of this.persistent.ids()) {
        const key = this.persistent.get(id);
        if (key) this.memory.set(id, key);
        this.persistent.set(id, null);
      }
    } else {
      for (const [id, key] of this.memory) this.persistent.set(id, key);
      this.memory.clear();
    }
    this.sessionOnly = on;
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
