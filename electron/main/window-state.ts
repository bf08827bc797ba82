/** Remembers the window's place and size in the data folder and restores it on a display that still exists. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserWindow, Screen } from 'electron';
import { parseSavedWindow, placeWindow, type Placement, type SavedWindow } from '../host/window-bounds.ts';

const FILE = 'window-state.json';

export function loadPlacement(
  dataDir: string,
  screen: Pick<Screen, 'getAllDisplays'>,
  defaults: { width: number; height: number; minWidth: number; minHeight: number },
): Placement {
  let saved: SavedWindow | null = null;
  try {
    saved = parseSavedWindow(JSON.parse(readFileSync(join(dataDir, FILE), 'utf8')));
  } catch {
    // No file yet, or a damaged one: the default place is the right answer either way.
  }
  return placeWindow(
    saved,
    screen.getAllDisplays().map((d) => d.workArea),
    defaults,
  );
}

/** Saves the normal (unmaximised) bounds and whether it is maximised, as the window closes. */
export function saveWindowState(dataDir: string, win: BrowserWindow): void {
  const state: SavedWindow = { ...win.getNormalBounds(), maximized: win.isMaximized() };
  try {
    writeFileSync(join(dataDir, FILE), JSON.stringify(state));
  } catch (e) {
    console.error('glimpse: could not remember the window size:', e instanceof Error ? e.message : e);
  }
}
