import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHost, type Host } from '../../../electron/host/host.ts';
import { FileKeyStore, keyFromEnv } from '../../../electron/host/key-store.ts';

let dir: string;
let host: Host | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'glimpse-keys-'));
});
afterEach(() => {
  host?.close();
  host = undefined;
  rmSync(dir, { recursive: true, force: true });
});

const newHost = (env: NodeJS.ProcessEnv = {}) =>
  (host = createHost({ dataDir: dir, keys: new FileKeyStore(dir), shell: 'browser', env }));
const modeOf = (file: string) => statSync(file).mode & 0o777;

describe('FileKeyStore', () => {
  it.skipIf(process.platform === 'win32')('writes keys.json readable by the owner only (0600)', () => {
    const ks = new FileKeyStore(dir);
    ks.set('zai', 'zai-secret-1');
    expect(modeOf(join(dir, 'keys.json'))).toBe(0o600);
  });

  it.skipIf(process.platform === 'win32')('tightens a keys.json that was left world-readable when it rewrites it', () => {
    writeFileSync(join(dir, 'keys.json'), '{}', { mode: 0o644 });
    new FileKeyStore(dir).set('zai', 'k');
    expect(modeOf(join(dir, 'keys.json'))).toBe(0o600);
  });

  it('round-trips keys per provider and leaves no temp file behind', () => {
    const ks = new FileKeyStore(dir);
    ks.set('zai', 'zai-secret-1');
    ks.set('openrouter', 'sk-or-v1-abc');
    expect(new FileKeyStore(dir).get('zai')).toBe('zai-secret-1');
    expect(new FileKeyStore(dir).get('openrouter')).toBe('sk-or-v1-abc');
    expect(ks.get('novita')).toBeNull();
    expect(existsSync(join(dir, 'keys.json.tmp'))).toBe(false);
  });

  it('removes a key when set to null', () => {
    const ks = new FileKeyStore(dir);
    ks.set('zai', 'k1');
    ks.set('zai', null);
    expect(ks.get('zai')).toBeNull();
    expect(JSON.parse(readFileSync(join(dir, 'keys.json'), 'utf8'))).toEqual({});
  });

  it('treats a corrupt key file as empty rather than crashing', () => {
    writeFileSync(join(dir, 'keys.json'), '{not json');
    expect(new FileKeyStore(dir).get('zai')).toBeNull();
  });
});

describe('keyFromEnv', () => {
  it('takes GLIMPSE_API_KEY first, then the provider’s own variables in order', () => {
    expect(
      keyFromEnv(['BIGMODEL_API_KEY', 'ZHIPUAI_API_KEY'], { GLIMPSE_API_KEY: 'g', BIGMODEL_API_KEY: 'b', ZHIPUAI_API_KEY: 'z' }),
    ).toBe('g');
    expect(keyFromEnv(['BIGMODEL_API_KEY', 'ZHIPUAI_API_KEY'], { BIGMODEL_API_KEY: 'b', ZHIPUAI_API_KEY: 'z' })).toBe('b');
    expect(keyFromEnv(['BIGMODEL_API_KEY', 'ZHIPUAI_API_KEY'], { ZHIPUAI_API_KEY: 'z' })).toBe('z');
  });

  it('skips empty variables and gives null when nothing is set', () => {
    expect(keyFromEnv(['ZAI_API_KEY'], { GLIMPSE_API_KEY: '', ZAI_API_KEY: 'z' })).toBe('z');
    expect(keyFromEnv(['ZAI_API_KEY'], {})).toBeNull();
    expect(keyFromEnv([], { OPENROUTER_API_KEY: 'o' })).toBeNull();
  });
});

describe('keys through the host', () => {
  const KEY = 'sk-or-v1-this-is-a-very-secret-key-0123456789';

  it('never puts a key in listProviders output: only hasKey', async () => {
    const h = newHost();
    await h.methods.saveProvider({
      id: 'openrouter',
      catalogId: 'openrouter',
      name: 'OpenRouter',
      baseUrl: 'https://openrouter.ai/api/v1',
      model: 'z-ai/glm-4.5v',
      apiKey: KEY,
    });
    const list = await h.methods.listProviders();
    expect(JSON.stringify(list)).not.toContain(KEY);
    expect(JSON.stringify(list)).not.toContain('very-secret');
    const or = list.find((p) => p.id === 'openrouter')!;
    expect(or.hasKey).toBe(true);
    expect(Object.keys(or).sort()).toEqual([
      'baseUrl',
      'catalogId',
      'hasKey',
      'id',
      'model',
      'models',
      'name',
      'supportedParams',
      'upstream',
    ]);
    expect(list.find((p) => p.id === 'zai')!.hasKey).toBe(false);
    // The key is kept for the host to send.
    expect(h.providers.keyFor('openrouter')).toBe(KEY);
  });

  it('falls back to the environment: GLIMPSE_API_KEY first, then the provider’s variable', () => {
    const both = newHost({ GLIMPSE_API_KEY: 'from-glimpse', ZAI_API_KEY: 'from-zai' });
    expect(both.providers.keyFor('zai')).toBe('from-glimpse');
    both.close();
    const own = newHost({ ZAI_API_KEY: 'from-zai' });
    expect(own.providers.keyFor('zai')).toBe('from-zai');
    expect(own.providers.get('zai')!.hasKey).toBe(true);
    expect(own.providers.keyFor('openrouter')).toBeNull();
    expect(own.providers.get('openrouter')!.hasKey).toBe(false);
  });

  it('prefers a stored key over the environment', async () => {
    const h = newHost({ GLIMPSE_API_KEY: 'from-env' });
    await h.methods.saveProvider({
      id: 'zai',
      catalogId: 'zai',
      name: 'Z.AI',
      baseUrl: 'https://api.z.ai/api/paas/v4',
      model: 'glm-4.5v',
      apiKey: 'stored',
    });
    expect(h.providers.keyFor('zai')).toBe('stored');
  });

  it('removes a stored key when saved with an empty apiKey, and keeps it when apiKey is absent', async () => {
    const h = newHost();
    const base = { id: 'zai', catalogId: 'zai', name: 'Z.AI', baseUrl: 'https://api.z.ai/api/paas/v4', model: 'glm-4.5v' };
    await h.methods.saveProvider({ ...base, apiKey: 'k-123' });
    await h.methods.saveProvider({ ...base, name: 'Renamed' });
    expect(h.providers.keyFor('zai')).toBe('k-123');
    const view = await h.methods.saveProvider({ ...base, apiKey: '' });
    expect(view.hasKey).toBe(false);
    expect(h.providers.keyFor('zai')).toBeNull();
    expect(new FileKeyStore(dir).get('zai')).toBeNull();
  });

  it('removes the key of a deleted provider', async () => {
    const h = newHost();
    const p = await h.methods.saveProvider({
      catalogId: 'custom',
      name: 'Local',
      baseUrl: 'http://127.0.0.1:8000/v1',
      model: 'glm-4.5v',
      apiKey: 'local-key',
    });
    await h.methods.deleteProvider(p.id);
    expect(new FileKeyStore(dir).get(p.id)).toBeNull();
  });
});
