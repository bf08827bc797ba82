/**
 * What the window may ask of the browser engine: nothing, except writing to the clipboard from the app's own
 * origin (the Copy buttons). The snip needs no permission in the window: the main process captures the screen
 * (desktopCapturer) and hands the window a picture; getDisplayMedia stays refused.
 */
import type { Session } from 'electron';
import { APP_ORIGIN } from './window-options.ts';

const ALLOWED = new Set(['clipboard-sanitized-write']);

export function permissionAllowed(permission: string, requestingUrl: string | undefined): boolean {
  if (!ALLOWED.has(permission) || !requestingUrl) return false;
  try {
    const u = new URL(requestingUrl);
    return `${u.protocol}//${u.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

export function installPermissionHandlers(session: Session): void {
  session.setPermissionRequestHandler((wc, permission, callback, details) =>
    callback(permissionAllowed(permission, details.requestingUrl ?? wc.getURL())),
  );
  session.setPermissionCheckHandler((_wc, permission, origin) => permissionAllowed(permission, origin));
  // A page asking to capture the screen itself is refused: snips go through the main process.
  session.setDisplayMediaRequestHandler((_req, callback) => callback({}));
}
