/**
 * Where Glimpse keeps its data, decided in one place for every shell, so the desktop app, the browser shell and
 * the `glimpse` command read and write the same ledger, sessions and attachments.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export interface DataDirInputs {
  /** `--data-dir` from the command line, if any. */
  flag?: string | null;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  home?: string;
  /** Tells whether a folder exists (a stand-in in tests). */
  exists?: (path: string) => boolean;
}

/**
 * The folder the OS keeps application data in, the same one Electron calls `appData`, so the CLI finds the
 * desktop app's data without asking Electron: `%APPDATA%` on Windows, `~/Library/Application Support` on macOS,
 * `$XDG_CONFIG_HOME` (else `~/.config`) elsewhere.
 */
export function osAppDataDir(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string {
  if (platform === 'win32') return env.APPDATA || join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME || join(home, '.config');
}

/**
 * Picks the data dir without touching the disk: `--data-dir`, then GLIMPSE_DATA_DIR, then `~/.glimpse` when an
 * earlier version already keeps data there (so an upgrade loses nothing), then `<appData>/Glimpse`.
 */
export function pickDataDir(inputs: DataDirInputs = {}): string {
  const env = inputs.env ?? process.env;
  const home = inputs.home ?? homedir();
  const exists = inputs.exists ?? existsSync;
  if (inputs.flag) return resolve(inputs.flag);
  if (env.GLIMPSE_DATA_DIR) return resolve(env.GLIMPSE_DATA_DIR);
  const legacy = join(home, '.glimpse');
  if (exists(legacy)) return legacy;
  return join(osAppDataDir(inputs.platform ?? process.platform, env, home), 'Glimpse');
}

/** {@link pickDataDir}, created if missing, readable by its owner only. */
export function resolveDataDir(flag?: string | null, env: NodeJS.ProcessEnv = process.env): string {
  const dir = pickDataDir({ flag, env });
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}
