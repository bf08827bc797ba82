/**
 * What the store is built with: the bridge to the host and where small preferences are kept. Passed in by
 * createAppStore, never read from a global at import, so the store runs in a unit test with a fake bridge.
 */
import type { GlimpseBridge } from '../../shared/bridge/contract.ts';

/** The part of the Web Storage API the store uses (localStorage in the app). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface StoreDeps {
  bridge: GlimpseBridge;
  storage: KeyValueStorage;
}

/** Storage that forgets: for tests, and for a window whose storage is refused (some private modes). */
export function memoryStorage(): KeyValueStorage {
  const m = new Map<string, string>();
  return {
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => void m.set(k, v),
    removeItem: (k) => void m.delete(k),
  };
}

/** Storage whose writes never throw: a full or refused storage loses a preference, not the action. */
export function safeStorage(inner: KeyValueStorage): KeyValueStorage {
  return {
    getItem(k) {
      try {
        return inner.getItem(k);
      } catch {
        return null;
      }
    },
    setItem(k, v) {
      try {
        inner.setItem(k, v);
      } catch {
        // The preference applies to this window only.
      }
    },
    removeItem(k) {
      try {
        inner.removeItem(k);
      } catch {
        // As above.
      }
    },
  };
}
