/**
 * The tray icon: Snip and ask, New session, Show Glimpse, Quit. `setStatus` is the hook for long-running work
 * (a batch's progress) to show itself in the tooltip, and beside the icon on macOS.
 */
import { Menu, nativeImage, Tray } from 'electron';
import type { Language } from '../../shared/messages/language.ts';
import { menuLabels } from '../../shared/messages/menu-labels.ts';

export interface TrayCommands {
  snip(): void;
  newSession(): void;
  show(): void;
  quit(): void;
}

export interface GlimpseTray {
  /** Shows a short status ("Batch 12/40") in the tooltip; null restores the plain name. */
  setStatus(text: string | null): void;
  /** Rewords the menu and tooltip (the window's language changed). */
  setLanguage(language: Language): void;
  destroy(): void;
}

export function createTray(iconPath: string, c: TrayCommands, language: Language): GlimpseTray | null {
  const icon = nativeImage.createFromPath(iconPath);
  if (icon.isEmpty()) {
    console.error('glimpse: the tray icon is missing:', iconPath);
    return null;
  }
  const tray = new Tray(icon.resize({ width: 16, height: 16 }));
  let words = menuLabels(language);
  let status: string | null = null;
  const show = () => {
    const { label } = words;
    tray.setToolTip(status ? label('trayStatus', { status }) : label('app'));
    tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: label('snip'), click: () => c.snip() },
        { label: label('newSession'), click: () => c.newSession() },
        { label: label('showGlimpse'), click: () => c.show() },
        { type: 'separator' },
        { label: label('quit'), click: () => c.quit() },
      ]),
    );
  };
  show();
  // On Windows and most Linux trays a click shows the window; macOS opens the menu by itself.
  tray.on('click', () => c.show());
  return {
    setStatus(text) {
      status = text;
      tray.setToolTip(text ? words.label('trayStatus', { status: text }) : words.label('app'));
      if (process.platform === 'darwin') tray.setTitle(text ?? '');
    },
    setLanguage(lang) {
      words = menuLabels(lang);
      show();
    },
    destroy: () => tray.destroy(),
  };
}
