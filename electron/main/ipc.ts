/** Wires the host's methods to IPC, one handler per named method, each checking who is asking. */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { bridgeMethodNames, type BridgeMethodName } from '../../shared/bridge/contract.ts';
import { IPC_EVENT_CHANNEL, ipcChannel, type IpcEnvelope } from '../../shared/bridge/ipc.ts';
import { toFailure } from '../host/failure.ts';
import type { Host } from '../host/host.ts';
import { isTrustedSender } from './window-options.ts';

export function wireIpc(host: Host, getWindow: () => BrowserWindow | null): () => void {
  for (const name of bridgeMethodNames) {
    ipcMain.handle(ipcChannel(name), async (event: IpcMainInvokeEvent, arg: unknown): Promise<IpcEnvelope> => {
      const frame = event.senderFrame;
      if (!isTrustedSender(frame?.url, frame === event.sender.mainFrame)) {
        return { failure: { kind: 'forbidden', message: 'Refused: the request did not come from the Glimpse window.' } };
      }
      try {
        const fn = host.methods[name as BridgeMethodName] as (a: unknown) => Promise<unknown>;
        return { result: (await fn(arg)) ?? null };
      } catch (e) {
        return { failure: toFailure(e) };
      }
    });
  }
  const unsubscribe = host.subscribe((e) => getWindow()?.webContents.send(IPC_EVENT_CHANNEL, e));
  return () => {
    unsubscribe();
    for (const name of bridgeMethodNames) ipcMain.removeHandler(ipcChannel(name));
  };
}
