import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** The data dir of the browser shell and the CLI: `--data-dir`, then GLIMPSE_DATA_DIR, then ~/.glimpse. */
export function resolveDataDir(flag?: string | null): string {
  const dir = resolve(flag || process.env.GLIMPSE_DATA_DIR || join(homedir(), '.glimpse'));
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}
