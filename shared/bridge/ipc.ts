/**
 * How the bridge travels over Electron IPC. Only the preload and the main process use this module; the
 * renderer sees the contract alone. Results come back as envelopes so a failure keeps its kind (Electron
 * flattens thrown errors into a message string).
 */
import type { BridgeFailure, BridgeMethodName } from './contract.ts';

export const IPC_EVENT_CHANNEL = 'glimpse:event';
/** Desktop events (shared/bridge/desktop.ts): menus, tray, shortcut, files from the OS, snips. */
export const DESKTOP_EVENT_CHANNEL = 'glimpse:desktop';

export const ipcChannel = (method: BridgeMethodName): string => `glimpse:call:${method}`;

export type IpcEnvelope = { result: unknown } | { failure: BridgeFailure };

/** What the preload exposes on `window.glimpseHost`: one named method per bridge method, plus events. */
export type IpcHostApi = Record<BridgeMethodName, (arg?: unknown) => Promise<IpcEnvelope>> & {
  onEvent(listener: (event: unknown) => void): () => void;
  onDesktopEvent(listener: (event: unknown) => void): () => void;
  /** webUtils.getPathForFile, narrowed: a dropped File's path on disk, or null. */
  pathForFile?(file: object): string | null;
};
