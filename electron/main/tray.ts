/**
 * The tray icon: Snip and ask, New session, Show Glimpse, Quit. `setStatus` is the hook for long-running work
 * (a batch's progress) to show itself in the tooltip, and beside the icon on macOS.
 */
import { Menu, nativeImage, Tray } from 'electron';

export interface TrayCommands {
  snip(): void;
  newSession(): void;
  show(): void;
  quit(): void;
}

export interface GlimpseTray {
  /** Shows a short status ("Batch 12/40") in the tooltip; null restores the plain name. */
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
  tray.setToolTip('Glimpse');
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: 'Snip and ask', click: () => c.snip() },
      { label: 'New session', click: () => c.newSession() },
      { label: 'Show Glimpse', click: () => c.show() },
      { type: 'separator' },
      { label: 'Quit', click: () => c.quit() },
    ]),
  );
  // On Windows and most Linux trays a click shows the window; macOS opens the menu by itself.
  tray.on('click', () => c.show());
  return {
    setStatus(text) {
      tray.setToolTip(text ? `Glimpse: ${text}` : 'Glimpse');
      if (process.platform === 'darwin') tray.setTitle(text ?? '');
    },
    destroy: () => tray.destroy(),
  };
}
