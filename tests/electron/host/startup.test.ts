import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { guarded } from '../../../electron/host/host.ts';
import { FileKeyStore, type KeyStore } from '../../../electron/host/key-store.ts';
import { idleTimeoutMs, startHost } from '../../../electron/host/startup.ts';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'glimpse-start-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('startHost: the one start-up of every shell', () => {
  it('reports the shell kind it was started for and the resolved data dir', async () => {
    const dir = tmp();
    for (const shell of ['electron', 'browser', 'cli'] as const) {
      const { host, dataDir } = startHost({ shell, door: shell === 'cli' ? null : guarded, dataDir: dir, env: {} });
      try {
        expect(dataDir).toBe(dir);
        expect(await host.methods.getInfo()).toMatchObject({ shell, dataDir: dir });
      } finally {
        host.close();
      }
    }
  });

  it('uses the key file unless the shell brings its own key store', () => {
    const dir = tmp();
    const fileStarted = startHost({ shell: 'cli', door: null, dataDir: dir, env: {} });
    expect(fileStarted.keys).toBeInstanceOf(FileKeyStore);
    fileStarted.host.close();
    const mine: KeyStore = { get: () => null, set: () => {}, backend: () => 'file', ids: () => [] };
    const seen: string[] = [];
    const own = startHost({
      shell: 'electron',
      door: guarded,
      env: { GLIMPSE_DATA_DIR: dir },
      keys: (d) => (seen.push(d), mine),
    });
    expect(own.keys).toBe(mine);
    expect(seen).toEqual([dir]);
    own.host.close();
  });

  it('takes the idle timeout from the flag, else GLIMPSE_IDLE_TIMEOUT_S, else the default', () => {
    expect(idleTimeoutMs(5, { GLIMPSE_IDLE_TIMEOUT_S: '9' })).toBe(5000);
    expect(idleTimeoutMs(null, { GLIMPSE_IDLE_TIMEOUT_S: '9' })).toBe(9000);
    expect(idleTimeoutMs(undefined, {})).toBeUndefined();
    expect(idleTimeoutMs(null, { GLIMPSE_IDLE_TIMEOUT_S: 'soon' })).toBeUndefined();
    expect(idleTimeoutMs(0, {})).toBeUndefined();
  });
});
