/**
 * Code the host runs in a process of its own, so that what it does to itself ends only it: a native decoder that
 * crashes on hostile bytes (decode-pool.ts), a JSON Schema check that allocates until V8's heap limit aborts the
 * process (schema-guard.ts). A worker thread would not do for either: a crash there, or V8's heap limit reached
 * in it, can end the whole host. The shells start these children differently: Node's fork in the CLI and the
 * browser shell, Electron's utility processes in the desktop app (electron/main/utility-launcher.ts).
 */
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** A running child as its owner drives it, whatever started it. */
export interface ChildHandle<Req, Reply> {
  readonly pid: number | undefined;
  /** Hands a request over; `done` gets an error when it could not be sent. */
  send(req: Req, done: (err: Error | null) => void): void;
  onMessage(listener: (reply: Reply) => void): void;
  /** Called once when the child is gone, with why (a signal or an exit code). */
  onExit(listener: (why: ChildExit) => void): void;
  kill(signal?: NodeJS.Signals): void;
  /** Whether the child keeps the event loop alive (only while it has work). */
  hold(held: boolean): void;
}

/** Why a child ended: its signal, or its exit code; `text` says it for a log or a message. */
export interface ChildExit {
  signal: string | null;
  code: number | null;
  text: string;
}

/** Where a child starts: its entry file, V8 and Node flags, and a name for the process list. */
export interface ChildEntry {
  file: string;
  execArgv: string[];
  name: string;
  /** Drop what the child writes to stderr (V8's report of a heap limit reached, which the owner words itself). */
  quiet?: boolean;
}

/** Starts a child from its entry. */
export type ChildLauncher<Req, Reply> = (entry: ChildEntry) => ChildHandle<Req, Reply>;

/**
 * A child's entry: `<base>.ts` beside `here` when running from source (run through Node's type stripping), else
 * `<base>.mjs`, which scripts/build.mjs writes beside each bundle (dist/cli, dist/server, dist/electron).
 */
export function childEntry(here: string, base: string, name: string, heap: readonly string[]): ChildEntry {
  const source = join(here, `${base}.ts`);
  if (existsSync(source)) return { file: source, execArgv: ['--experimental-strip-types', '--no-warnings', ...heap], name };
  return { file: join(here, `${base}.mjs`), execArgv: [...heap], name };
}

export const exitText = (signal: string | null, code: number | null): string => signal ?? `exit code ${code}`;

/**
 * A child through Node's fork. Not for the Electron main process: there fork re-runs the Electron binary as Node,
 * which the RunAsNode fuse of a packaged build forbids; main passes a utility-process launcher instead.
 */
export function forkLauncher<Req, Reply>(entry: ChildEntry): ChildHandle<Req, Reply> {
  const child = fork(entry.file, [], {
    execArgv: entry.execArgv,
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', entry.quiet ? 'ignore' : 'inherit', 'ipc'],
  });
  return {
    get pid() {
      return child.pid;
    },
    send: (req, done) => void child.send(req as never, (err) => done(err ?? null)),
    onMessage: (listener) => void child.on('message', (m) => listener(m as Reply)),
    onExit(listener) {
      let told = false;
      const once = (why: ChildExit) => {
        if (!told) listener(why);
        told = true;
      };
      child.on('exit', (code, signal) => once({ signal, code, text: exitText(signal, code) }));
      child.on('error', (e) => {
        child.kill();
        once({ signal: null, code: null, text: e.message });
      });
    },
    kill: (signal) => void child.kill(signal),
    hold(held) {
      const channel = child.channel as { ref?: () => void; unref?: () => void } | null | undefined;
      if (held) {
        child.ref();
        channel?.ref?.();
      } else {
        child.unref();
        channel?.unref?.();
      }
    },
  };
}
