/**
 * Where the desktop window opens: where it was last time, but only if that place is still on a screen (a monitor
 * unplugged since, or a laptop now alone, must not leave the window out of reach). Pure, so it is tested without
 * Electron; electron/main/window-state.ts reads the displays and the saved file.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SavedWindow extends Rect {
  maximized: boolean;
}

export interface Placement {
  /** Position and size; without x/y the OS centres the window. */
  bounds: Partial<Rect> & { width: number; height: number };
  maximized: boolean;
}

/** How much of the title bar must lie on one display's work area for the window to be reachable. */
const GRIP_WIDTH = 120;
const GRIP_HEIGHT = 32;

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** The saved state, if `value` is one (the file may be damaged or from another version). */
export function parseSavedWindow(value: unknown): SavedWindow | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  if (![v.x, v.y, v.width, v.height].every(isFiniteNumber)) return null;
  if ((v.width as number) <= 0 || (v.height as number) <= 0) return null;
  return {
    x: v.x as number,
    y: v.y as number,
    width: v.width as number,
    height: v.height as number,
    maximized: v.maximized === true,
  };
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

/**
 * The placement for the saved state on these displays' work areas: the saved bounds when the title bar's grip is
 * on a display (size capped to that display), else the default size centred, keeping "maximised".
 */
export function placeWindow(
  saved: SavedWindow | null,
  workAreas: readonly Rect[],
  defaults: { width: number; height: number; minWidth: number; minHeight: number },
): Placement {
  if (!saved) return { bounds: { width: defaults.width, height: defaults.height }, maximized: false };
  const grip: Rect = { x: saved.x, y: saved.y, width: Math.min(saved.width, GRIP_WIDTH), height: GRIP_HEIGHT };
  const home = workAreas.find((area) => {
    const o = overlap(grip, area);
    return o.width >= Math.min(grip.width, GRIP_WIDTH) && o.height >= GRIP_HEIGHT;
  });
  if (!home) {
    const area = workAreas[0];
    const width = area ? Math.min(defaults.width, area.width) : defaults.width;
    const height = area ? Math.min(defaults.height, area.height) : defaults.height;
    return { bounds: { width, height }, maximized: saved.maximized };
  }
  const width = Math.max(defaults.minWidth, Math.min(saved.width, home.width));
  const height = Math.max(defaults.minHeight, Math.min(saved.height, home.height));
  return { bounds: { x: saved.x, y: saved.y, width, height }, maximized: saved.maximized };
}
