/**
 * The sandboxed preload: exposes one named method per bridge method and an event subscription, never
 * ipcRenderer itself (Electron security guide, "Do not expose Electron APIs to untrusted web content").
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent, webUtils } from 'electron';
import { bridgeMethodNames } from '../../shared/bridge/contract.ts';
import { DESKTOP_EVENT_CHANNEL, IPC_EVENT_CHANNEL, ipcChannel, type IpcEnvelope } from '../../shared/bridge/ipc.ts';

const api: Record<string, unknown> = {};
for (const name of bridgeMethodNames) {
  api[name] = (arg?: unknown): Promise<IpcEnvelope> => ipcRenderer.invoke(ipcChannel(name), arg);
}
const subscribe = (channel: string) => (listener: (event: unknown) => void) => {
  const handler = (_e: IpcRendererEvent, event: unknown) => listener(event);
  ipcRenderer.on(channel, handler);
  return () => ipcRenderer.removeListener(channel, handler);
};
api.onEvent = subscribe(IPC_EVENT_CHANNEL);
api.onDesktopEvent = subscribe(DESKTOP_EVENT_CHANNEL);
// A dropped File's path, for the Batch view: only a File in, only a string (or null) out. The path is a claim
// the host checks like a typed one; webUtils itself never reaches the page.
// (No instanceof check: what crosses the context bridge is the window's File, which webUtils takes as Electron's
// own docs show; anything else makes it throw.)
api.pathForFile = (file: unknown): string | null => {
  if (typeof file !== 'object' || file === null) return null;
  try {
    const path = webUtils.getPathForFile(file as File);
    return typeof path === 'string' && path !== '' ? path : null;
  } catch {
    return null;
  }
};

contextBridge.exposeInMainWorld('glimpseHost', api);
