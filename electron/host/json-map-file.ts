/**
 * A small string-to-string map kept as one JSON file, readable by the owner only. Both key stores use it: the
 * plain one (key-store.ts) and the safeStorage one (electron/main/safe-key-store.ts), which stores ciphertext.
 */
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

/** The map in `file`; an absent or unreadable file reads as empty, so a damaged file costs keys, not startup. */
export function readJsonMap(file: string): Record<string, string> {
  if (!existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  } catch {
    return {};
  }
}

/**
 * Writes `map` to `file` with mode 0600, atomically: a crash mid-write leaves the old file, never half of one.
 * The chmod covers a leftover temp file from such a crash, which `mode` alone would not narrow.
 */
export function writeJsonMap(file: string, map: Record<string, string>): void {
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(map), { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, file);
}
