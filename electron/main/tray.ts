/**
 * The tray icon: Snip and ask, New session, Show Glimpse, Quit. `setStatus` is the hook for long-running work
 * to show itself: in the tooltip, as the first (disabled) line of the menu, and beside the icon on macOS.
 * batch-progress.ts feeds it a running batch's progress.
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
  /** Shows a short status ("Batch 12/40") in the tooltip and the menu; null restores the plain name. */
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
        ...(status ? [{ label: status, enabled: false }, { type: 'separator' as const }] : []),
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
      // Linux trays (AppIndicator) show no tooltip at all: the menu is the one place every platform shows it.
      show();
      if (process.platform === 'darwin') tray.setTitle(text ?? '');
    },
    setLanguage(lang) {
      words = menuLabels(lang);
      show();
    },
    destroy: () => tray.destroy(),
  };
}
