/**
 * The desktop app's children (the image decoder, the JSON Schema checker) run in Electron utility processes.
 * Node's fork would re-run the Electron binary as Node (ELECTRON_RUN_AS_NODE), which the RunAsNode fuse of a
 * packaged build forbids; a utility process is Electron's own way to run Node code apart, and a native crash in
 * it, or V8's heap limit reached in it, ends only it.
 */
import { type ChildLauncher, exitText } from '../host/child-launcher.ts';

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

export function utilityLauncher<Req, Reply>(utility: UtilityProcessApi): ChildLauncher<Req, Reply> {
  return (entry) => {
    // Of execArgv, only the V8 heap limits (the decoder's small young generation, the checker's heap cap): the
    // rest is for running the TypeScript source under Node, and the app runs the bundled child.
    const heap = entry.execArgv.filter((a) => a.startsWith('--max-'));
    const child = utility.fork(entry.file, [], { serviceName: entry.name, stdio: 'ignore', execArgv: heap });
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
      onMessage: (listener) => void child.on('message', (m) => listener(m as Reply)),
      // Electron reports a utility process's end by its exit code alone (a crash is a non-zero code).
      onExit: (listener) => void child.on('exit', (code) => listener({ signal: null, code, text: exitText(null, code) })),
      kill: () => void child.kill(),
      // A utility process never holds the app open: the app's lifetime is its windows'.
      hold: () => {},
    };
  };
}
