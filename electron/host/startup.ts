/**
 * The one way a shell starts the host: the Electron main process, the browser shell and the CLI all come through
 * here, so they agree on the data dir, the provider idle timeout, the key store and the shell kind they report.
 */
import type { BridgeMethods, HostInfo } from '../../shared/bridge/contract.ts';
import { resolveDataDir } from './data-dir.ts';
import { createHostServices, type Host } from './host-services.ts';
import { FileKeyStore, type KeyStore } from './key-store.ts';
import { proxyFetchFromEnv } from './proxy-fetch.ts';

export interface StartupOptions {
  shell: HostInfo['shell'];
  /**
   * What every bridge call passes before it runs: the shells that take calls from a window pass host.ts's
   * `guarded` (each argument checked against its schema); the CLI, which calls services in-process and must not
   * load the schemas at start-up, passes null.
   */
  door: ((methods: BridgeMethods) => BridgeMethods) | null;
  /** `--data-dir`, if the shell takes one. */
  dataDir?: string | null;
  /** `--idle-timeout-s`, if the shell takes one; else GLIMPSE_IDLE_TIMEOUT_S; else the engine's default. */
  idleTimeoutS?: number | null;
  /** The key store for the resolved data dir: the Electron shell passes safeStorage; others use the key file. */
  keys?: (dataDir: string) => KeyStore;
  env?: NodeJS.ProcessEnv;
  fetch?: typeof fetch;
}

export interface Started {
  host: Host;
  dataDir: string;
  keys: KeyStore;
}

/** Seconds from a flag or the environment, as milliseconds; anything not a positive number means "default". */
export function idleTimeoutMs(flagS: number | null | undefined, env: NodeJS.ProcessEnv): number | undefined {
  const s = flagS ?? Number(env.GLIMPSE_IDLE_TIMEOUT_S);
  return Number.isFinite(s) && s > 0 ? s * 1000 : undefined;
}

/** Opens the data dir and builds the host. Throws what opening the database throws (e.g. a schema too new). */
export function startHost(opts: StartupOptions): Started {
  const env = opts.env ?? process.env;
  const dataDir = resolveDataDir(opts.dataDir, env);
  const keys = (opts.keys ?? ((dir) => new FileKeyStore(dir)))(dataDir);
  const services = createHostServices({
    dataDir,
    keys,
    shell: opts.shell,
    env,
    // The desktop app passes Electron's fetch (the system proxy); the others follow HTTPS_PROXY / NO_PROXY.
    fetch: opts.fetch ?? proxyFetchFromEnv(env),
    idleTimeoutMs: idleTimeoutMs(opts.idleTimeoutS, env),
  });
  const host = opts.door ? { ...services, methods: opts.door(services.methods) } : services;
  // The window and the browser shell look for local model servers now, in the background: the first look at
  // the provider list or the guide finds the answer ready, and start-up never waits for it.
  if (opts.shell !== 'cli' && env.GLIMPSE_SCAN_LOCAL !== '0') void services.scanner.scan().catch(() => {});
  return { host, dataDir, keys };
}
