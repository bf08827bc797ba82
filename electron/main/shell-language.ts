/** The language of the Electron shell's own words (menus, tray, About): the window's choice, else the OS's. */
import type { Appearance } from '../../shared/bridge/appearance.ts';
import { type Language, languageFor } from '../../shared/messages/language.ts';

/** The parts of Electron's `app` that say which languages the OS prefers (older builds lack the first). */
interface LocaleSource {
  getPreferredSystemLanguages?: () => string[];
  getLocale?: () => string;
}

export function shellLanguage(choice: Appearance['language'], app: LocaleSource): Language {
  if (choice !== 'system') return choice;
  const tags = app.getPreferredSystemLanguages?.() ?? [];
  return languageFor(tags.length ? tags : [app.getLocale?.() ?? 'en']);
}
