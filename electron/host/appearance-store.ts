/** The window's language and theme, one settings row (JSON), read by the window and by the Electron shell at start. */
import { type Appearance, DEFAULT_APPEARANCE, LANGUAGE_CHOICES, THEME_CHOICES } from '../../shared/bridge/appearance.ts';
import type { Db } from './db.ts';

const KEY = 'ui.appearance';

/** The stored choice; a missing or damaged row (or a value from a newer version) reads as the default. */
export function readAppearance(db: Db): Appearance {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined;
  if (!row) return { ...DEFAULT_APPEARANCE };
  try {
    const v = JSON.parse(row.value) as Partial<Appearance>;
    return {
      language: LANGUAGE_CHOICES.find((x) => x === v.language) ?? DEFAULT_APPEARANCE.language,
      theme: THEME_CHOICES.find((x) => x === v.theme) ?? DEFAULT_APPEARANCE.theme,
    };
  } catch {
    return { ...DEFAULT_APPEARANCE };
  }
}

export function writeAppearance(db: Db, a: Appearance): Appearance {
  const value = JSON.stringify({ language: a.language, theme: a.theme });
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
    KEY,
    value,
  );
  return readAppearance(db);
}
