/**
 * What the CLI tests share to run `glimpse` as a real process: bundling it the way scripts/build.mjs does (so a
 * test never runs a stale build), and spawning node on it with a chosen environment, collecting its output.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';

export interface Run {
  code: number | null;
  /** The signal that ended it (SIGSEGV when a decoder crashed it), else null. */
  signal?: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Bundles electron/cli/glimpse.ts to `outfile` with the build script's esbuild options, its image decode child beside it. */
export async function bundleCli(outfile: string, opts: { sourcemap?: boolean } = {}): Promise<void> {
  const common = {
    bundle: true,
    platform: 'node',
    packages: 'external',
    format: 'esm',
    target: 'node22',
    sourcemap: opts.sourcemap,
    logLevel: 'warning',
  } as const;
  await Promise.all([
    build({ ...common, entryPoints: ['electron/cli/glimpse.ts'], outfile }),
    build({
      ...common,
      entryPoints: ['electron/host/media/decode-child.ts'],
      outfile: join(dirname(outfile), 'decode-child.mjs'),
    }),
    // The JSON Schema guard's child sits beside the bundle, as scripts/build.mjs puts it.
    build({
      ...common,
      entryPoints: ['electron/host/params/schema-child.ts'],
      outfile: join(dirname(outfile), 'schema-child.mjs'),
    }),
  ]);
}

/** The environment of a CLI that sees only the test's data dir: no keys or settings from the person running the suite. */
export function dataDirEnv(dataDir: string): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: dataDir, GLIMPSE_DATA_DIR: dataDir };
}

/** Runs `node ...argv` with exactly `env` and resolves when it exits, with everything it printed. */
export function runNode(argv: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, argv, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
