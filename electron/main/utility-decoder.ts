/**
 * The desktop app's image decoder runs in an Electron utility process. Node's fork would re-run the Electron binary
 * as Node (ELECTRON_RUN_AS_NODE), which the RunAsNode fuse of a packaged build forbids; a utility process is
 * Electron's own way to run Node code apart, and a native crash in it ends only it.
 */
import type { DecodeLauncher } from '../host/media/decode-pool.ts';

/** The part of Electron's `utilityProcess` used here (a stand-in in tests). */
export interface UtilityProcessApi {
  fork(
    modulePath: string,
    args?: string[],
    options?: { serviceName?: string; stdio?: 'ignore' | 'inherit' | 'pipe'; execArgv?: string[] },
  ): {
    readonly pid: number | undefined;
    postMessage(message: unknown): void;
    on(event: 'message', listener: (message: unknown) => void): unknown;
    on(event: 'exit', listener: (code: number) => void): unknown;
    kill(): boolean;
  };
}

export function utilityDecodeLauncher(utility: UtilityProcessApi): DecodeLauncher {
  return (entry) => {
    // Of execArgv, only the V8 heap limits (the small young generation that keeps a long batch's decoder small):
    // the rest is for running the TypeScript source under Node, and the app runs the bundled child.
    const heap = entry.execArgv.filter((a) => a.startsWith('--max-'));
    const child = utility.fork(entry.file, [], { serviceName: 'Glimpse image decoder', stdio: 'ignore', execArgv: heap });
    return {
      get pid() {
        return child.pid;
      },
      send(req, done) {
        try {
          child.postMessage(req);
          done(null);
        } catch (e) {
          done(e instanceof Error ? e : new Error(String(e)));
        }
      },
      onMessage: (listener) => void child.on('message', (m) => listener(m as Parameters<typeof listener>[0])),
      onExit: (listener) => void child.on('exit', (code) => listener(`exit code ${code}`)),
      kill: () => void child.kill(),
      // A utility process never holds the app open: the app's lifetime is its windows'.
      hold: () => {},
    };
  };
}
