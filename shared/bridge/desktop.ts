/**
 * The desktop side of the bridge: snip-and-ask settings (every shell stores them; only the desktop app registers a
 * global shortcut) and the events the desktop app's menus, tray, shortcut and second launches push to the window.
 */

import type { HostMessage } from '../messages/messages.ts';

/** Presets a snip may run at once (renderer/features/composer/presets.ts has their text). */
export type SnipPreset = 'extract' | 'table' | 'formula' | 'receipt';

export interface DesktopSettings {
  /** The global shortcut that starts a snip, in Electron's accelerator syntax (e.g. `Alt+Shift+S`); '' for none. */
  snipShortcut: string;
  /** A preset to send at once with the snip; null (the default) attaches it and waits for a prompt. */
  snipPreset: SnipPreset | null;
  /**
   * Why the shortcut is not active, when it is not: another application holds it, or the accelerator is not one
   * the OS accepts. Null when it works or in a shell without global shortcuts (see `globalShortcuts`).
   */
  shortcutError: string | null;
  /** True only in the desktop app: the browser shell and the CLI cannot listen to keys outside their window. */
  globalShortcuts: boolean;
}

export interface DesktopSettingsInput {
  snipShortcut?: string;
  snipPreset?: SnipPreset | null;
}

export interface DesktopApi {
  getDesktopSettings(): Promise<DesktopSettings>;
  /** Saves the settings and (in the desktop app) registers the shortcut; `shortcutError` says if the OS refused it. */
  setDesktopSettings(input: DesktopSettingsInput): Promise<DesktopSettings>;
  /** The snip overlay closed (cropped or cancelled): the desktop app gives the window its size back. */
  endSnip(): Promise<void>;
  /** Desktop app: captures the display under the pointer and sends it as a `snip` event. Elsewhere refused. */
  startSnip(): Promise<void>;
  /**
   * Desktop app: the system's own folder dialog, titled in the window's language; the folder's path, or null when
   * the person cancels. Elsewhere refused: a page picks folders with its own picker and has no paths.
   */
  chooseFolder(input: ChooseFolderInput): Promise<{ path: string | null }>;
}

export interface ChooseFolderInput {
  title: string;
}

export const desktopMethods = ['getDesktopSettings', 'setDesktopSettings', 'endSnip', 'startSnip', 'chooseFolder'] as const;

/** What a menu, tray item or keyboard shortcut asks the window to do. */
export type DesktopAction = 'new-session' | 'attach' | 'settings' | 'usage' | 'compare' | 'shortcuts' | 'guide';

/** A file handed to the app by the OS (command line, "Open with", dropped on the dock icon). */
export interface OpenedFile {
  name: string;
  mime: string;
  bytes: Uint8Array;
}

/** A screen captured for a snip: a PNG at the display's native resolution. */
export interface SnipCapture {
  png: Uint8Array;
  width: number;
  height: number;
  /** Device pixels per CSS pixel of the captured display. */
  scaleFactor: number;
}

/** Everything the desktop app pushes to the window besides chat events (IPC channel DESKTOP_EVENT_CHANNEL). */
export type DesktopEvent =
  | { type: 'action'; action: DesktopAction }
  | { type: 'open-files'; files: OpenedFile[]; refused: string[] }
  | { type: 'snip'; capture: SnipCapture }
  /** `message` in English; `summary`, when given, for the window to say in its language. */
  | { type: 'snip-failed'; message: string; summary?: HostMessage };

export const DEFAULT_SNIP_SHORTCUT = 'Alt+Shift+S';
