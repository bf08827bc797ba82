/**
 * The Electron key store with a stand-in for safeStorage (no Electron binary here): what it says about how keys
 * are kept (a Linux without a secret store falls back to basic_text), and that session-only keys are never written.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHost, type Host } from '../../../electron/host/host.ts';
import { SafeKeyStore, type SafeStorageLike } from '../../../electron/main/safe-key-store.ts';
import { startFakeProvider } from '../../fixtures/fake-provider.ts';

/** Encrypts by reversing and tagging: enough to tell stored bytes from the key, and to decrypt them back. */
function standIn(backend: string, available = true): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (s: string) => Buffer.from(`enc:${[...s].reverse().join('')}`),
    decryptString: (b: Buffer) => {
      const s = b.toString();
      if (!s.startsWith('enc:')) throw new Error('not ours');
      return [...s.slice(4)].reverse().join('');
    },
    getSelectedStorageBackend: () => backend as ReturnType<NonNullable<SafeStorageLike['getSelectedStorageBackend']>>,
  };
}

const dirs: string[] = [];
const hosts: Host[] = [];
afterEach(() => {
  for (const h of hosts.splice(0)) h.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'glimpse-safe-'));
  dirs.push(d);
  return d;
};
const keyFile = (dir: string) =>
  existsSync(join(dir, 'keys.enc.json')) ? readFileSync(join(dir, 'keys.enc.json'), 'utf8') : '{}';

describe('SafeKeyStore', () => {
  it('says basic-text when Linux has no secret store, keychain when it has one or on other systems', () => {
    const dir = tempDir();
    expect(new SafeKeyStore(dir, standIn('basic_text'), 'linux').backend()).toBe('basic-text');
    expect(new SafeKeyStore(dir, standIn('gnome_libsecret'), 'linux').backend()).toBe('keychain');
    expect(new SafeKeyStore(dir, standIn('kwallet5'), 'linux').backend()).toBe('keychain');
    expect(new SafeKeyStore(dir, standIn('unknown'), 'darwin').backend()).toBe('keychain');
  });

  it('stores keys encrypted and reads them back; refuses to store when nothing can encrypt', () => {
    const dir = tempDir();
    const store = new SafeKeyStore(dir, standIn('gnome_libsecret'), 'linux');
    store.set('zai', 'sk-safe-store-key-1');
    expect(keyFile(dir)).not.toContain('sk-safe-store-key-1');
    expect(store.get('zai')).toBe('sk-safe-store-key-1');
    expect(store.ids()).toEqual(['zai']);
    const none = new SafeKeyStore(tempDir(), standIn('basic_text', false), 'linux');
    expect(() => none.set('zai', 'k')).toThrow(/no secure storage.*session only/);
  });
});

describe('keys on a Linux without a secret store', () => {
  it('Settings learns keys are weakly kept; session-only moves them off disk, writes no new one, and is remembered', async () => {
    const fake = await startFakeProvider();
    try {
      const dir = tempDir();
      const open = () => {
        const h = createHost({
          dataDir: dir,
          keys: new SafeKeyStore(dir, standIn('basic_text'), 'linux'),
          shell: 'electron',
          env: {},
        });
        hosts.push(h);
        return h;
      };
      let h = open();
      expect((await h.methods.getInfo()).keyStorage).toEqual({ backend: 'basic-text', sessionOnly: false });
      const p = await h.methods.saveProvider({
        catalogId: 'zai',
        name: 'Z',
        baseUrl: `${fake.url}/zai`,
        model: 'glm-4.5v',
        apiKey: 'sk-first-key-on-disk',
      });
      expect(JSON.parse(keyFile(dir))).toHaveProperty(p.id);

      const info = await h.methods.setSessionOnlyKeys(true);
      expect(info.keyStorage).toEqual({ backend: 'basic-text', sessionOnly: true });
      expect(JSON.parse(keyFile(dir))).toEqual({});
      expect((await h.methods.listProviders()).find((x) => x.id === p.id)?.hasKey).toBe(true);
      await h.chat.run(
        { providerId: p.id, thinking: false, prompt: 'hi', attachments: [], history: [] },
        new AbortController(),
        () => {},
      );
      expect(fake.requests.at(-1)!.authorization).toBe('Bearer sk-first-key-on-disk');

      await h.methods.saveProvider({
        id: p.id,
        catalogId: 'zai',
        name: 'Z',
        baseUrl: `${fake.url}/zai`,
        model: 'glm-4.5v',
        apiKey: 'sk-second-key-memory',
      });
      expect(JSON.parse(keyFile(dir))).toEqual({});

      // After a restart the choice holds and the session's keys are gone: nothing had been written.
      h.close();
      hosts.pop();
      h = open();
      expect((await h.methods.getInfo()).keyStorage.sessionOnly).toBe(true);
      expect((await h.methods.listProviders()).find((x) => x.id === p.id)?.hasKey).toBe(false);

      await h.methods.saveProvider({
        id: p.id,
        catalogId: 'zai',
        name: 'Z',
        baseUrl: `${fake.url}/zai`,
        model: 'glm-4.5v',
        apiKey: 'sk-third-key',
      });
      await h.methods.setSessionOnlyKeys(false);
      expect(JSON.parse(keyFile(dir))).toHaveProperty(p.id);
      expect(keyFile(dir)).not.toContain('sk-third-key');
    } finally {
      await fake.close();
    }
  });

  it('the browser shell says its keys are in an owner-only file', async () => {
    const dir = tempDir();
    const { FileKeyStore } = await import('../../../electron/host/key-store.ts');
    const h = createHost({ dataDir: dir, keys: new FileKeyStore(dir), shell: 'browser', env: {} });
    hosts.push(h);
    expect((await h.methods.getInfo()).keyStorage).toEqual({ backend: 'file', sessionOnly: false });
  });
});
