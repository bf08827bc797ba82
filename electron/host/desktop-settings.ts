/**
 * Snip-and-ask settings, kept in the settings table so the desktop app and the browser shell share them. What only
 * the desktop app can do (a global shortcut, giving the window its size back after a snip) main.ts layers on top.
 */
import {
  DEFAULT_SNIP_SHORTCUT,
  type DesktopApi,
  type DesktopSettings,
  type DesktopSettingsInput,
  type SnipPreset,
} from '../../shared/bridge/desktop.ts';
import { BadInputError } from './bad-input.ts';
import type { Db } from './db.ts';

const SHORTCUT_KEY = 'desktop.snipShortcut';
const PRESET_KEY = 'desktop.snipPreset';
const PRESETS: readonly SnipPreset[] = ['extract', 'table', 'formula', 'receipt'];

export class DesktopSettingsStore {
  private readonly db: Db;
  constructor(db: Db) {
    this.db = db;
  }

  private read(key: string): string | null {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value ?? null;
  }

  private write(key: string, value: string): void {
    this.db
      .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
      .run(key, value);
  }

  get(): Omit<DesktopSettings, 'shortcutError' | 'globalShortcuts'> {
    const preset = this.read(PRESET_KEY);
    return {
      snipShortcut: this.read(SHORTCUT_KEY) ?? DEFAULT_SNIP_SHORTCUT,
      // Anything else (a preset since renamed) means "none": the default is to wait for a prompt.
      snipPreset: PRESETS.find((p) => p === preset) ?? null,
    };
  }

  save(input: DesktopSettingsInput): void {
    if (input.snipShortcut !== undefined) this.write(SHORTCUT_KEY, input.snipShortcut);
    if (input.snipPreset !== undefined) this.write(PRESET_KEY, input.snipPreset ?? '');
  }
}

/** The methods as the browser shell and the CLI have them: stored settings, no global shortcut, nothing to restore. */
export function desktopMethodsFor(store: DesktopSettingsStore): DesktopApi {
  const view = (): DesktopSettings => ({ ...store.get(), shortcutError: null, globalShortcuts: false });
  return {
    getDesktopSettings: async () => view(),
    setDesktopSettings: async (input) => {
      store.save(input);
      return view();
    },
    endSnip: async () => {},
    // The browser shell snips in the page (getDisplayMedia); only the desktop app captures from the host.
    startSnip: async () => {
      throw new BadInputError('startSnip: only the desktop app captures the screen; this window uses its own Snip.');
    },
    // A page has no paths: it picks a folder with its own picker and uploads the files (batch-files.ts).
    chooseFolder: async () => {
      throw new BadInputError('chooseFolder: only the desktop app opens the system folder dialog.');
    },
  };
}
