/**
 * The security defaults of every Glimpse window, as pure functions so they are tested without Electron.
 * https://www.electronjs.org/docs/latest/tutorial/security
 */
import type { BrowserWindowConstructorOptions } from 'electron';

/** The renderer is served from this privileged custom scheme, never from file:// (which opens the whole disk). */
export const APP_SCHEME = 'glimpse';
export const APP_ORIGIN = `${APP_SCHEME}://app`;

/** The window's first size and the smallest it may be made. */
export const WINDOW_SIZE = { width: 1280, height: 860, minWidth: 420, minHeight: 480 };

/**
 * `devTools` is false in a packaged build: no inspector to open, whatever keys are pressed. `backgroundColor`: what
 * shows before the page paints, the stored theme's (so a light desktop sees no dark flash).
 */
export function buildWindowOptions(
  preloadPath: string,
  opts: { devTools: boolean; backgroundColor?: string } = { devTools: false },
): BrowserWindowConstructorOptions {
  const backgroundColor = opts.backgroundColor ?? '#15161a';
  return {
    ...WINDOW_SIZE,
    title: 'Glimpse',
    show: false,
    backgroundColor,
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: true,
      devTools: opts.devTools,
    },
  };
}

/** The window may only ever show the app itself: every other navigation is refused. */
export function isAllowedNavigation(url: string): boolean {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

/** New windows are never opened; http(s) links go to the system browser, anything else is dropped. */
export function windowOpenDecision(url: string): 'open-external' | 'deny' {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? 'open-external' : 'deny';
  } catch {
    return 'deny';
  }
}

/** IPC is answered only for the app's own top frame, never for a frame that navigated elsewhere. */
export function isTrustedSender(frameUrl: string | undefined, isMainFrame: boolean): boolean {
  return Boolean(frameUrl) && isMainFrame && isAllowedNavigation(frameUrl!);
}
