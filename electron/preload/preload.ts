/**
 * The sandboxed preload: exposes one named method per bridge method and an event subscription, never
 * ipcRenderer itself (Electron security guide, "Do not expose Electron APIs to untrusted web content").
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { bridgeMethodNames } from '../../shared/bridge/contract.ts';
import { IPC_EVENT_CHANNEL, ipcChannel, type IpcEnvelope } from '../../shared/bridge/ipc.ts';

const api: Record<string, unknown> = {};
for (const name of bridgeMethodNames) {
  api[name] = (arg?: unknown): Promise<IpcEnvelope> => ipcRenderer.invoke(ipcChannel(name), arg);
}
api.onEvent = (listener: (event: unknown) => void) => {
  const handler = (_e: IpcRendererEvent, event: unknown) => listener(event);
  ipcRenderer.on(IPC_EVENT_CHANNEL, handler);
  return () => ipcRenderer.removeListener(IPC_EVENT_CHANNEL, handler);
};

contextBridge.exposeInMainWorld('glimpseHost', api);
