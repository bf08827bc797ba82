/**
 * The host service tests all do the same thing: run the fake provider for the file (or describe block), open a
 * host on a fresh temp data dir with a file key store, as the browser shell would, and throw both away after
 * each test. `useTestHosts()` registers those hooks where it is called and hands back the pieces.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createHost, type Host, type HostOptions } from '../../../electron/host/host.ts';
import { FileKeyStore } from '../../../electron/host/key-store.ts';
import { startFakeProvider, type FakeProvider } from '../../fixtures/fake-provider.ts';

/** The host options a test may set; the rest (data dir, key store, an empty environment unless given) is the helper's. */
export type HostTuning = Pick<HostOptions, 'idleTimeoutMs' | 'maxAnswerChars' | 'env'>;

export interface TestHosts {
  /** The fake provider, running from beforeAll to afterAll. */
  readonly fake: FakeProvider;
  /** The data dir of the last host opened with newHost. */
  readonly dir: string;
  /** A host on a new temp data dir; closed and deleted after the test. */
  newHost(opts?: HostTuning): Host;
  /** Closes the current host and opens another on the same data dir: as after a restart. */
  reopen(opts?: HostTuning): Host;
}

export function useTestHosts(prefix = 'glimpse-host-'): TestHosts {
  let fake: FakeProvider | null = null;
  let host: Host | null = null;
  let dir = '';
  const dirs: string[] = [];

  beforeAll(async () => {
    fake = await startFakeProvider();
  });
  afterAll(() => fake?.close());
  afterEach(() => {
    host?.close();
    host = null;
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
    dir = '';
  });

  const open = (tuning: HostTuning) => {
    host = createHost({ dataDir: dir, keys: new FileKeyStore(dir), shell: 'browser', env: {}, ...tuning });
    return host;
  };

  return {
    get fake() {
      if (!fake) throw new Error('the fake provider starts in beforeAll: use it inside a test');
      return fake;
    },
    get dir() {
      return dir;
    },
    newHost(opts = {}) {
      // One host per test at a time: a second newHost closes the first, whose dir goes at afterEach.
      host?.close();
      dir = mkdtempSync(join(tmpdir(), prefix));
      dirs.push(dir);
      return open(opts);
    },
    reopen(opts = {}) {
      if (!dir) throw new Error('reopen needs a host from newHost first');
      host?.close();
      return open(opts);
    },
  };
}
