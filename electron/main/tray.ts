/**
 * The tray icon: Snip and ask, New session, Show Glimpse, Quit. `setStatus` is the hook for long-running work
 * to show itself: in the tooltip, as the first (disabled) line of the menu, and beside the icon on macOS.
 * batch-progress.ts feeds it a running batch's progress.
 */
import { Menu, nativeImage, Tray } from 'electron';

export interface TrayCommands {
  snip(): void;
  newSession(): void;
  show(): void;
  quit(): void;
}

export interface GlimpseTray {
  /** Shows a short status ("Batch 12/40") in the tooltip and the menu; null restores the plain name. */
  setStatus(text: string | null): void;
  destroy(): void;
}

export function createTray(iconPath: string, c: TrayCommands): GlimpseTray | null {
  const icon = nativeImage.createFromPath(iconPath);
  if (icon.isEmpty()) {
    console.error('glimpse: the tray icon is missing:', iconPath);
    return null;
  }
  const tray = new Tray(icon.resize({ width: 16, height: 16 }));
  const menu = (status: string | null) =>
    Menu.buildFromTemplate([
      ...(status ? [{ label: status, enabled: false }, { type: 'separator' as const }] : []),
      { label: 'Snip and ask', click: () => c.snip() },
      { label: 'New session', click: () => c.newSession() },
      { label: 'Show Glimpse', click: () => c.show() },
      { type: 'separator' },
      { label: 'Quit', click: () => c.quit() },
    ]);
  tray.setToolTip('Glimpse');
  tray.setContextMenu(menu(null));
  // On Windows and most Linux trays a click shows the window; macOS opens the menu by itself.
  tray.on('click', () => c.show());
  return {
    setStatus(text) {
      tray.setToolTip(text ? `Glimpse: ${text}` : 'Glimpse');
      // Linux trays (AppIndicator) show no tooltip at all: the menu is the one place every platform shows it.
      tray.setContextMenu(menu(text));
      if (process.platform === 'darwin') tray.setTitle(text ?? '');
    },
    destroy: () => tray.destroy(),
  };
}
