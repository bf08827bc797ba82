/**
 * The host services every shell uses: one object that implements the bridge's methods, plus an event feed.
 * The Electron shell wires it to IPC, the browser shell to HTTP + SSE (both through host.ts, which checks every
 * argument), the CLI calls services directly. Kept apart from host.ts so the CLI does not load the schemas (zod).
 */
import type { BridgeMethods, HostEvent, HostInfo } from '../../shared/bridge/contract.ts';
import type { ProviderView } from '../../shared/bridge/providers.ts';
import { OPENROUTER } from '../../shared/providers/catalog.ts';
import { readAppearance, writeAppearance } from './appearance-store.ts';
import { AttachmentStore } from './attachment-store.ts';
import { batchFilesMethodsFor } from './batch/batch-files-methods.ts';
import { createBatchMethods } from './batch/batch-methods.ts';
import { ChatService } from './chat-service.ts';
import { compareMethodsFor } from './compare/compare-marks.ts';
import { openDb, type Db } from './db.ts';
import { SessionKeyStore, type KeyStore } from './key-store.ts';
import { createRecords, type Records } from './ledger/records.ts';
import { installedLanguages, KNOWN_LANGUAGES, parseLanguages } from './ocr/languages.ts';
import { OcrPool } from './ocr/ocr-pool.ts';
import { LocalServerScanner } from './local-servers.ts';
import { ProviderStore } from './provider-store.ts';
import { testConnection } from './connection-test.ts';
import { DesktopSettingsStore, desktopMethodsFor } from './desktop-settings.ts';
import { OpenRouterParams } from './params/openrouter-params.ts';
import { playgroundMethodsFor } from './params/playground-methods.ts';
import { APP_VERSION } from './version.ts';

export interface HostOptions {
  dataDir: string;
  keys: KeyStore;
  shell: HostInfo['shell'];
  env?: NodeJS.ProcessEnv;
  fetch?: typeof fetch;
  idleTimeoutMs?: number;
  /** Overrides the cap on one answer's text (tests). */
  maxAnswerChars?: number;
  /** Local OCR workers at most (default cores - 1). */
  ocrWorkers?: number;
}

export interface Host {
  methods: BridgeMethods;
  subscribe(listener: (e: HostEvent) => void): () => void;
  db: Db;
  providers: ProviderStore;
  attachments: AttachmentStore;
  chat: ChatService;
  /** The ledger and sessions (issue #6). */
  records: Records;
  /** Snip-and-ask settings (issue #12); the desktop app registers its shortcut from them. */
  desktopSettings: DesktopSettingsStore;
  /** Local OCR's workers (issue #11). */
  ocr: OcrPool;
  /** Model servers on this computer (issue #11). */
  scanner: LocalServerScanner;
  close(): void;
  /** Cancels running requests, waits until they are stored (see ChatService.stopAll), then closes. */
  shutdown(): Promise<void>;
}

/** The settings row that remembers that the first-run guide was done. */
const GUIDE_DONE = 'guide.done';

/** The settings row that remembers "keep keys for this session only". */
const SESSION_ONLY_KEYS = 'keys.sessionOnly';

function readSetting(db: Db, key: string): string | null {
  return (db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? null;
}

function writeSetting(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
    key,
    value,
  );
}

/**
 * The host's services with their methods unchecked: for the CLI, which calls them directly with arguments it built
 * itself. Every shell that takes calls from a page uses createHost (host.ts), which checks them at the door.
 */
export function createHostServices(opts: HostOptions): Host {
  const db = openDb(opts.dataDir);
  const listeners = new Set<(e: HostEvent) => void>();
  const publish = (e: HostEvent) => {
    for (const l of listeners) {
      // One broken subscriber (a window gone mid-send) must not stop the others or the request that published.
      try {
        l(e);
      } catch (err) {
        console.error('glimpse: an event listener failed:', err instanceof Error ? err.message : err);
      }
    }
  };
  const keys = new SessionKeyStore(opts.keys, readSetting(db, SESSION_ONLY_KEYS) === '1');
  const providers = new ProviderStore(db, keys, opts.env);
  const OPENROUTER_PARAMS = 'openrouter.supportedParams';
  const openRouter = new OpenRouterParams(
    { read: () => readSetting(db, OPENROUTER_PARAMS), write: (v) => writeSetting(db, OPENROUTER_PARAMS, v) },
    opts.fetch,
  );
  /** A provider as the window sees it, with OpenRouter's own parameter lists for its models. */
  const withParams = (p: ProviderView): ProviderView =>
    p.catalogId === OPENROUTER ? { ...p, supportedParams: openRouter.forModels(p.models) } : p;
  // A window (not a one-shot command) of someone who uses OpenRouter (a key is set) fetches the lists in the
  // background when they are a day old: nothing waits, and nobody else's start reaches out to OpenRouter.
  const openRouterUrl = providers.list().find((p) => p.catalogId === OPENROUTER && p.hasKey)?.baseUrl;
  if (opts.shell !== 'cli' && openRouterUrl && openRouter.stale()) void openRouter.refresh(openRouterUrl);
  const info = (): HostInfo => ({
    shell: opts.shell,
    version: APP_VERSION,
    dataDir: opts.dataDir,
    platform: process.platform,
    keyStorage: { backend: keys.backend(), sessionOnly: keys.isSessionOnly() },
  });
  const attachments = new AttachmentStore(db, opts.dataDir);
  const records = createRecords(db, providers, attachments);
  const ocr = new OcrPool({ dataDir: opts.dataDir, size: opts.ocrWorkers });
  // Probes go to the loopback address with the real fetch: the injected one (tests' fake provider) is for providers.
  const scanner = new LocalServerScanner();
  const chat = new ChatService({
    ocr,
    providers,
    attachments,
    publish,
    observers: records.observers,
    fetch: opts.fetch,
    openRouterParams: (model) => openRouter.of(model),
    idleTimeoutMs: opts.idleTimeoutMs,
    maxAnswerChars: opts.maxAnswerChars,
  });

  const desktopSettings = new DesktopSettingsStore(db);
  const batches = createBatchMethods({ db, providers, attachments, chat, publish });

  const inner: BridgeMethods = {
    getInfo: async () => info(),
    setSessionOnlyKeys: async (on) => {
      keys.setSessionOnly(on);
      writeSetting(db, SESSION_ONLY_KEYS, on ? '1' : '0');
      return info();
    },
    listProviders: async () => providers.list().map(withParams),
    saveProvider: async (input) => {
      const saved = providers.save(input);
      chat.forgetProvider(saved.id);
      return withParams(saved);
    },
    deleteProvider: async (id) => {
      providers.delete(id);
      chat.forgetProvider(id);
    },
    testProvider: async (id) => {
      const report = await testConnection(providers, id, opts.fetch);
      // Asked to check OpenRouter: its parameter lists are checked again too, before the window reloads providers.
      const p = providers.get(id);
      if (report.ok && p?.catalogId === OPENROUTER) await openRouter.refresh(p.baseUrl);
      return report;
    },
    listModels: async (scope) => providers.prices.list(scope),
    setModelPrice: async (input) => providers.prices.setPrice(input),
    addModel: async (input) => providers.prices.addModel(input),
    removeModel: async (input) => providers.prices.removeModel(input),
    putAttachment: (upload) => attachments.put(upload),
    getAttachment: async (id) => attachments.read(id),
    startChat: (req) => chat.start(req),
    cancelChat: async (id) => chat.cancel(id),
    ...records.methods,
    ...compareMethodsFor(db),
    ...desktopMethodsFor(desktopSettings),
    ...batches.methods,
    ...batchFilesMethodsFor({ db, dataDir: opts.dataDir, attachments, sessions: records.sessions, providers }),
    scanLocalServers: (fresh) => scanner.scan(fresh ?? false),
    getLocalOcrInfo: async () => ({
      languages: installedLanguages().map((code) => ({ code, name: KNOWN_LANGUAGES[code] ?? code })),
      workers: ocr.capacity,
      // GLIMPSE_SKIP_GUIDE=1: never show it (a kiosk, scripted runs, the end-to-end tests of other features).
      guideDone: readSetting(db, GUIDE_DONE) === '1' || opts.env?.GLIMPSE_SKIP_GUIDE === '1',
    }),
    setGuideDone: async (done) => writeSetting(db, GUIDE_DONE, done ? '1' : '0'),
    warmLocalOcr: async (languages) => ocr.warm(parseLanguages(languages)),
    getAppearance: async () => readAppearance(db),
    setAppearance: async (a) => writeAppearance(db, a),
    ...playgroundMethodsFor({ sessions: records.sessions, chat, fetch: opts.fetch }),
  };

  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    batches.close();
    chat.cancelAll();
    void ocr.close();
    db.close();
  };

  return {
    methods: inner,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    db,
    providers,
    attachments,
    chat,
    records,
    desktopSettings,
    ocr,
    scanner,
    close,
    async shutdown() {
      if (closed) return;
      await chat.stopAll();
      close();
    },
  };
}
