import { describe, expect, it } from 'vitest';
import { parseSavedWindow, placeWindow } from '../../../electron/host/window-bounds.ts';

const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const monitor = { x: 1440, y: -200, width: 2560, height: 1400 };
const defaults = { width: 1280, height: 860, minWidth: 420, minHeight: 480 };

describe('window placement', () => {
  it('opens at the default size, centred, the first time or after a damaged file', () => {
    expect(placeWindow(null, [laptop], defaults)).toEqual({ bounds: { width: 1280, height: 860 }, maximized: false });
    expect(parseSavedWindow({ x: 'a', y: 0, width: 10, height: 10 })).toBeNull();
    expect(parseSavedWindow({ x: 0, y: 0, width: -5, height: 10 })).toBeNull();
    expect(parseSavedWindow('nonsense')).toBeNull();
  });

  it('restores the saved place on the display that holds it, maximised if it was', () => {
    const saved = { x: 1600, y: -100, width: 1800, height: 1000, maximized: true };
    expect(placeWindow(saved, [laptop, monitor], defaults)).toEqual({
      bounds: { x: 1600, y: -100, width: 1800, height: 1000 },
      maximized: true,
    });
  });

  it('does not restore a place on a display that is gone, and fits the size to what is left', () => {
    const saved = { x: 1600, y: -100, width: 1800, height: 1000, maximized: false };
    expect(placeWindow(saved, [laptop], defaults)).toEqual({ bounds: { width: 1280, height: 860 }, maximized: false });
    const small = { x: 0, y: 0, width: 1024, height: 700 };
    expect(placeWindow(saved, [small], defaults).bounds).toEqual({ width: 1024, height: 700 });
  });

  it('refuses a place whose title bar is out of reach, and caps a size larger than its display', () => {
    // Title bar above the top of the only display: the window could not be dragged back.
    expect(
      placeWindow({ x: 100, y: -50, width: 800, height: 600, maximized: false }, [laptop], defaults).bounds.x,
    ).toBeUndefined();
    // Only the window's left 40 px on screen: not enough to grab.
    expect(
      placeWindow({ x: 1400, y: 100, width: 800, height: 600, maximized: false }, [laptop], defaults).bounds.x,
    ).toBeUndefined();
    expect(placeWindow({ x: 10, y: 10, width: 5000, height: 5000, maximized: false }, [laptop], defaults).bounds).toEqual({
      x: 10,
      y: 10,
      width: 1440,
      height: 875,
    });
  });
});
