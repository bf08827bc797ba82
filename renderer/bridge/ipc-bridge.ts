/** The bridge over the Electron preload: unwraps result envelopes so failures keep their kind. */
import { bridgeMethodNames, type BridgeMethods, type GlimpseBridge, type HostEvent } from '../../shared/bridge/contract.ts';
import type { DesktopEvent } from '../../shared/bridge/desktop.ts';
import type { IpcHostApi } from '../../shared/bridge/ipc.ts';
import { BridgeError } from './bridge-error.ts';

export function createIpcBridge(host: IpcHostApi): GlimpseBridge {
  const methods = Object.fromEntries(
    bridgeMethodNames.map((name) => [
      name,
      async (arg?: unknown) => {
        const env = await host[name](arg);
        if ('failure' in env) throw new BridgeError(env.failure.kind, env.failure.message, env.failure.summary);
        return env.result;
      },
    ]),
  ) as unknown as BridgeMethods;
  return {
    ...methods,
    onEvent: (listener) => host.onEvent((e) => listener(e as HostEvent)),
    onDesktopEvent: (listener) => host.onDesktopEvent((e) => listener(e as DesktopEvent)),
    ...(host.pathForFile ? { pathForFile: host.pathForFile } : {}),
  };
}
