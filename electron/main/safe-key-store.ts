/**
 * API keys encrypted with Electron's safeStorage (Keychain, DPAPI, libsecret/kwallet), in userData/keys.enc.json.
 * Only the main process holds them in clear; the renderer learns only whether a key is set.
 */
import { join } from 'node:path';
import { safeStorage } from 'electron';
import { readJsonMap, writeJsonMap } from '../host/json-map-file.ts';
import type { KeyStore } from '../host/key-store.ts';

export class SafeKeyStore implements KeyStore {
  private readonly file: string;
  constructor(dir: string) {
    this.file = join(dir, 'keys.enc.json');
  }

  get(providerId: string): string | null {
    const enc = readJsonMap(this.file)[providerId];
    if (!enc) return null;
    try {
      return safeStorage.decryptString(Buffer.from(enc, 'base64'));
    } catch {
      return null; // encrypted on another machine or user: as good as unset
    }
  }

  set(providerId: string, key: string | null): void {
    if (key && !safeStorage.isEncryptionAvailable()) {
      throw new Error('This system offers no secure storage for keys (no keychain). Set the key in the environment instead.');
    }
    const all = readJsonMap(this.file);
    if (key) all[providerId] = safeStorage.encryptString(key).toString('base64');
    else delete all[providerId];
    writeJsonMap(this.file, all);
  }
}
