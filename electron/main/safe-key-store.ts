/**
 * API keys encrypted with Electron's safeStorage (Keychain, DPAPI, libsecret/kwallet), in userData/keys.enc.json.
 * Only the main process holds them in clear; the renderer learns only whether a key is set, and how keys are kept.
 * On Linux without a secret store safeStorage falls back to a key built into Electron (`basic_text`): the file is
 * then as good as plain text, which Settings says, offering to keep keys for the session only.
 */
import { join } from 'node:path';
import type { SafeStorage } from 'electron';
import type { KeyStorageInfo } from '../../shared/bridge/contract.ts';
import { readJsonMap, writeJsonMap } from '../host/json-map-file.ts';
import type { KeyStore } from '../host/key-store.ts';

/** The part of safeStorage this store uses; main.ts passes Electron's, tests a stand-in. */
export type SafeStorageLike = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> &
  Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>>;

export class SafeKeyStore implements KeyStore {
  private readonly file: string;
  private readonly safe: SafeStorageLike;
  private readonly platform: NodeJS.Platform;
  constructor(dir: string, safe: SafeStorageLike, platform: NodeJS.Platform = process.platform) {
    this.file = join(dir, 'keys.enc.json');
    this.safe = safe;
    this.platform = platform;
  }

  get(providerId: string): string | null {
    const enc = readJsonMap(this.file)[providerId];
    if (!enc) return null;
    try {
      return this.safe.decryptString(Buffer.from(enc, 'base64'));
    } catch {
      return null; // encrypted on another machine or user: as good as unset
    }
  }

  set(providerId: string, key: string | null): void {
    if (key && !this.safe.isEncryptionAvailable()) {
      throw new Error(
        'This system offers no secure storage for keys (no keychain). Keep keys for this session only (Settings), or set the key in the environment.',
      );
    }
    const all = readJsonMap(this.file);
    if (key) all[providerId] = this.safe.encryptString(key).toString('base64');
    else delete all[providerId];
    writeJsonMap(this.file, all);
  }

  /** `basic-text` when Linux gave safeStorage no secret store (it then encrypts with a key anyone can know). */
  backend(): KeyStorageInfo['backend'] {
    if (this.platform !== 'linux') return 'keychain';
    // Asked only once encryption is available (Electron's rule); before that the backend is not chosen yet.
    if (!this.safe.isEncryptionAvailable()) return 'basic-text';
    const chosen = this.safe.getSelectedStorageBackend?.();
    return chosen === 'basic_text' || chosen === 'unknown' ? 'basic-text' : 'keychain';
  }

  ids(): string[] {
    return Object.keys(readJsonMap(this.file));
  }
}
