/**
 * Picks the bridge at start: the Electron preload's when it exposed one, else HTTP to the browser shell.
 * The rest of the renderer imports `bridge` from here and knows nothing of either transport.
 */
import type { GlimpseBridge } from '../../shared/bridge/contract.ts';
import type { IpcHostApi } from '../../shared/bridge/ipc.ts';
import { createHttpBridge } from './http-bridge.ts';
import { createIpcBridge } from './ipc-bridge.ts';

declare global {
  interface Window {
    glimpseHost?: IpcHostApi;
  }
}

export const bridge: GlimpseBridge = window.glimpseHost ? createIpcBridge(window.glimpseHost) : createHttpBridge();
