/**
 * Desktop events (menus, tray, shortcut, files from the OS, snips) enter the window here. Subscribed at start-up,
 * before React mounts, and held until the handler is there, so a file opened with the launch is not lost.
 */
import type { GlimpseBridge } from '../../../shared/bridge/contract.ts';
import type { DesktopEvent } from '../../../shared/bridge/desktop.ts';

let handler: ((e: DesktopEvent) => void) | null = null;
const pending: DesktopEvent[] = [];

export function startDesktopEvents(bridge: Pick<GlimpseBridge, 'onDesktopEvent'>): void {
  bridge.onDesktopEvent?.((e) => {
    if (handler) handler(e);
    else pending.push(e);
  });
}

/** Makes `h` the one handler, handing it what arrived before; returns the function that removes it. */
export function setDesktopHandler(h: (e: DesktopEvent) => void): () => void {
  handler = h;
  for (const e of pending.splice(0)) h(e);
  return () => {
    if (handler === h) handler = null;
  };
}
