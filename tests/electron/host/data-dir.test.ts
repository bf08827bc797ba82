import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pickDataDir, resolveDataDir } from '../../../electron/host/data-dir.ts';

const none = () => false;

describe('pickDataDir: one data folder for the app, the browser shell and the CLI', () => {
  it('takes --data-dir first, then GLIMPSE_DATA_DIR', () => {
    const env = { GLIMPSE_DATA_DIR: '/srv/env-dir' };
    expect(pickDataDir({ flag: '/srv/flag-dir', env, home: '/home/a', exists: none })).toBe('/srv/flag-dir');
    expect(pickDataDir({ flag: null, env, home: '/home/a', exists: none })).toBe('/srv/env-dir');
  });

  it("uses the OS's application-data folder, where Electron keeps an app's data", () => {
    expect(pickDataDir({ env: {}, platform: 'linux', home: '/home/a', exists: none })).toBe('/home/a/.config/Glimpse');
    expect(pickDataDir({ env: { XDG_CONFIG_HOME: '/xdg' }, platform: 'linux', home: '/home/a', exists: none })).toBe(
      '/xdg/Glimpse',
    );
    expect(pickDataDir({ env: {}, platform: 'darwin', home: '/Users/a', exists: none })).toBe(
      '/Users/a/Library/Application Support/Glimpse',
    );
    expect(
      pickDataDir({ env: { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, platform: 'win32', home: 'C:\\Users\\a', exists: none }),
    ).toBe(join('C:\\Users\\a\\AppData\\Roaming', 'Glimpse'));
  });

  it('keeps using ~/.glimpse when an earlier version already stores data there', () => {
    const exists = (p: string) => p === '/home/a/.glimpse';
    expect(pickDataDir({ env: {}, platform: 'linux', home: '/home/a', exists })).toBe('/home/a/.glimpse');
  });

  it('creates the folder readable by its owner only', () => {
    const base = mkdtempSync(join(tmpdir(), 'glimpse-dd-'));
    try {
      const dir = resolveDataDir(join(base, 'nested', 'data'));
      expect(statSync(dir).mode & 0o777).toBe(0o700);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });
});
