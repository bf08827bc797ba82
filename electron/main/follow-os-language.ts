/**
 * The menus and the tray speak the window's language; under "follow the system" that is the OS's, which can
 * change while Glimpse runs. Electron gives the main process no event for it: `app` has none on any platform
 * (only the window's `languagechange`, which Chromium fires when its own languages change). So the main process
 * reads the OS's languages again whenever one of its windows gains focus (where a person who just changed the
 * setting comes back) and rebuilds the menus only when the language they resolve to differs from the one the
 * menus speak. What that read sees is the platform's: Windows answers with the current setting; on Linux
 * Chromium takes the language from LANGUAGE/LC_ALL/LANG at start-up, so a change there shows only after a restart.
 */
import type { Language } from '../../shared/messages/language.ts';

/** The part of Electron's `app` this listens on. */
interface FocusSource {
  on(event: 'browser-window-focus', listener: () => void): unknown;
}

export function followOsLanguage(
  app: FocusSource,
  /** The language the menus should speak now (the setting, or the OS's under "system"). */
  wanted: () => Language,
  /** The language the menus were last built in. */
  built: () => Language | null,
  rebuild: () => void,
): void {
  app.on('browser-window-focus', () => {
    if (wanted() !== built()) rebuild();
  });
}
