/**
 * The application menu: the platform's standard roles plus Glimpse's own commands, which reach the window as
 * desktop events (shared/bridge/desktop.ts). Reload and the developer tools exist only in development builds.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { DesktopAction } from '../../shared/bridge/desktop.ts';

export interface MenuCommands {
  action(a: DesktopAction): void;
  snip(): void;
  openDataFolder(): void;
  about(): void;
  /** The snip shortcut as set in Settings, shown beside the menu item ('' for none). */
  snipShortcut: string;
  /** app.isPackaged: a packaged build has no reload and no developer tools. */
  packaged: boolean;
  platform: NodeJS.Platform;
}

export function menuTemplate(c: MenuCommands): MenuItemConstructorOptions[] {
  const mac = c.platform === 'darwin';
  const settings: MenuItemConstructorOptions = {
    label: mac ? 'Settings…' : '&Settings…',
    accelerator: 'CmdOrCtrl+,',
    click: () => c.action('settings'),
  };
  const about: MenuItemConstructorOptions = { label: 'About Glimpse', click: () => c.about() };
  const develop: MenuItemConstructorOptions[] = c.packaged
    ? []
    : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }];
  return [
    ...(mac
      ? [
          {
            label: 'Glimpse',
            submenu: [
              about,
              { type: 'separator' },
              settings,
              { type: 'separator' },
              { role: 'services' },
              { type: 'separator' },
              { role: 'hide' },
              { role: 'hideOthers' },
              { role: 'unhide' },
              { type: 'separator' },
              { role: 'quit' },
            ],
          } satisfies MenuItemConstructorOptions,
        ]
      : []),
    {
      label: '&File',
      submenu: [
        { label: 'New session', accelerator: 'CmdOrCtrl+N', click: () => c.action('new-session') },
        { label: 'Attach…', accelerator: 'CmdOrCtrl+O', click: () => c.action('attach') },
        // The global shortcut is shown beside the item but registered by globalShortcut, not by the menu (which
        // would listen only while Glimpse has the focus).
        {
          label: 'Snip and ask',
          accelerator: c.snipShortcut || undefined,
          registerAccelerator: false,
          click: () => c.snip(),
        },
        { type: 'separator' },
        ...(mac ? [] : [settings, { type: 'separator' } as const]),
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        { label: 'Usage', accelerator: 'CmdOrCtrl+Shift+U', click: () => c.action('usage') },
        { label: 'Compare', accelerator: 'CmdOrCtrl+Shift+Enter', click: () => c.action('compare') },
        { type: 'separator' },
        ...develop,
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      label: '&Help',
      role: 'help',
      submenu: [
        { label: 'Keyboard shortcuts', accelerator: 'CmdOrCtrl+/', click: () => c.action('shortcuts') },
        { id: 'guide', label: 'Getting started…', click: () => c.action('guide') },
        { label: 'Open the data folder', click: () => c.openDataFolder() },
        ...(mac ? [] : [{ type: 'separator' } as const, about]),
      ],
    },
  ];
}

export function buildMenu(c: MenuCommands): Menu {
  return Menu.buildFromTemplate(menuTemplate(c));
}
