/**
 * The application menu: the platform's standard roles plus Glimpse's own commands, which reach the window as
 * desktop events (shared/bridge/desktop.ts). Reload and the developer tools exist only in development builds.
 * Every label is in the window's language (shared/messages/menu-labels.ts), role items included: Electron words
 * roles in English on Windows and Linux, so each is given its label.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { DesktopAction } from '../../shared/bridge/desktop.ts';
import type { Language } from '../../shared/messages/language.ts';
import { menuLabels } from '../../shared/messages/menu-labels.ts';

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
  /** The language the window speaks (the appearance setting, or the OS's). */
  language: Language;
}

export function menuTemplate(c: MenuCommands): MenuItemConstructorOptions[] {
  const mac = c.platform === 'darwin';
  const { label } = menuLabels(c.language);
  const role = (r: NonNullable<MenuItemConstructorOptions['role']>, key: Parameters<typeof label>[0]) =>
    ({ role: r, label: label(key) }) satisfies MenuItemConstructorOptions;
  const settings: MenuItemConstructorOptions = {
    label: label(mac ? 'settings' : 'settingsMnemonic'),
    accelerator: 'CmdOrCtrl+,',
    click: () => c.action('settings'),
  };
  const about: MenuItemConstructorOptions = { label: label('about'), click: () => c.about() };
  const develop: MenuItemConstructorOptions[] = c.packaged
    ? []
    : [role('reload', 'reload'), role('forceReload', 'forceReload'), role('toggleDevTools', 'devTools'), { type: 'separator' }];
  return [
    ...(mac
      ? [
          {
            label: label('app'),
            submenu: [
              about,
              { type: 'separator' },
              settings,
              { type: 'separator' },
              role('services', 'services'),
              { type: 'separator' },
              role('hide', 'hide'),
              role('hideOthers', 'hideOthers'),
              role('unhide', 'unhide'),
              { type: 'separator' },
              role('quit', 'quitGlimpse'),
            ],
          } satisfies MenuItemConstructorOptions,
        ]
      : []),
    {
      label: label('file'),
      submenu: [
        { label: label('newSession'), accelerator: 'CmdOrCtrl+N', click: () => c.action('new-session') },
        { label: label('attach'), accelerator: 'CmdOrCtrl+O', click: () => c.action('attach') },
        // The global shortcut is shown beside the item but registered by globalShortcut, not by the menu (which
        // would listen only while Glimpse has the focus).
        {
          label: label('snip'),
          accelerator: c.snipShortcut || undefined,
          registerAccelerator: false,
          click: () => c.snip(),
        },
        { type: 'separator' },
        ...(mac ? [] : [settings, { type: 'separator' } as const]),
        mac ? role('close', 'close') : role('quit', 'quit'),
      ],
    },
    {
      // editMenu spelled out: its items need labels in the window's language.
      label: label('edit'),
      submenu: [
        role('undo', 'undo'),
        role('redo', 'redo'),
        { type: 'separator' },
        role('cut', 'cut'),
        role('copy', 'copy'),
        role('paste', 'paste'),
        ...(mac ? [role('pasteAndMatchStyle', 'pasteAndMatchStyle')] : []),
        role('delete', 'delete'),
        { type: 'separator' },
        role('selectAll', 'selectAll'),
      ],
    },
    {
      label: label('view'),
      submenu: [
        { label: label('usage'), accelerator: 'CmdOrCtrl+Shift+U', click: () => c.action('usage') },
        { label: label('compare'), accelerator: 'CmdOrCtrl+Shift+Enter', click: () => c.action('compare') },
        { type: 'separator' },
        ...develop,
        role('resetZoom', 'resetZoom'),
        role('zoomIn', 'zoomIn'),
        role('zoomOut', 'zoomOut'),
        { type: 'separator' },
        role('togglefullscreen', 'fullScreen'),
      ],
    },
    {
      // windowMenu spelled out, as editMenu is.
      label: label('window'),
      role: 'window',
      submenu: [
        role('minimize', 'minimize'),
        role('zoom', 'zoom'),
        ...(mac ? [{ type: 'separator' } as const, role('front', 'front')] : [role('close', 'close')]),
      ],
    },
    {
      label: label('help'),
      role: 'help',
      submenu: [
        { label: label('shortcuts'), accelerator: 'CmdOrCtrl+/', click: () => c.action('shortcuts') },
        { id: 'guide', label: label('guide'), click: () => c.action('guide') },
        { label: label('dataFolder'), click: () => c.openDataFolder() },
        ...(mac ? [] : [{ type: 'separator' } as const, about]),
      ],
    },
  ];
}

export function buildMenu(c: MenuCommands): Menu {
  return Menu.buildFromTemplate(menuTemplate(c));
}
