/**
 * Finds model servers running on this computer: Ollama, LM Studio, vLLM, SGLang and llama.cpp's server, on their
 * usual ports, each told by what it says of itself (shared/params/server-kind.ts), not by the port it is on, on the loopback address only (127.0.0.1 and ::1, never another host; redirects are refused so a
 * server cannot send the probe elsewhere). Every probe runs at once with a short timeout, so a scan takes well
 * under a second whatever answers, and start-up never waits for it.
 */
import type { LocalServer, LocalServerModel, LocalServerScan } from '../../shared/bridge/local-ocr.ts';
import {
  type IdentifiedServer,
  identifyServer,
  modelEntries,
  type ServerEvidence,
  type ServerKind,
  settledByModels,
} from '../../shared/params/server-kind.ts';
import { catalogEntry } from '../../shared/providers/catalog.ts';

/** Each probe gives up after this long: a local server answers in milliseconds. */
export const PROBE_TIMEOUT_MS = 800;

/** Largest answer read from a probe (a model list): more is not a model server's list. */
const MAX_BODY = 1024 * 1024;

interface Kind {
  catalogId: ServerKind;
  /** What the server says about images per model id, from its own API; null when it does not say. */
  vision?: (origin: string, get: Get) => Promise<Map<string, boolean> | null>;
}

/** A GET that parses JSON; `headers` receives the response's headers (names in lower case). */
type Get = (url: string, headers?: Record<string, string>) => Promise<unknown>;

const KINDS: Readonly<Record<ServerKind, Kind>> = {
  ollama: {
    catalogId: 'ollama',
    // Ollama lists each model's families; a CLIP or mllama projector is how its vision models see images.
    vision: async (origin, get) => {
      const body = (await get(`${origin}/api/tags`)) as { models?: { name?: string; details?: { families?: string[] } }[] };
      const out = new Map<string, boolean>();
      for (const m of body?.models ?? []) {
        const fam = m.details?.families ?? [];
        if (m.name && fam.some((f) => f === 'clip' || f === 'mllama')) out.set(m.name, true);
      }
      return out;
    },
  },
  lmstudio: {
    catalogId: 'lmstudio',
    // LM Studio's own API says `type: "vlm"` for models that take images.
    vision: async (origin, get) => {
      const body = (await get(`${origin}/api/v0/models`)) as { data?: { id?: string; type?: string }[] };
      const out = new Map<string, boolean>();
      for (const m of body?.data ?? []) if (m.id) out.set(m.id, m.type === 'vlm');
      return out;
    },
  },
  vllm: { catalogId: 'vllm' },
  sglang: { catalogId: 'sglang' },
  llamacpp: {
    catalogId: 'llamacpp',
    // llama.cpp's /props says whether the loaded model (it serves one) has a vision projector.
    vision: async (origin, get) => {
      const body = (await get(`${origin}/props`)) as { modalities?: { vision?: boolean } };
      return typeof body?.modalities?.vision === 'boolean' ? new Map([['*', body.modalities.vision]]) : null;
    },
  },
};

/**
 * The ports probed, in the order servers are listed: each server's default (DEFAULT_PORTS); a server found on
 * another's port is still told by what it says there.
 */
const PORTS = [11434, 1234, 8000, 30000, 8080] as const;

/** Loopback only: IPv4 first, so a server listening on both is listed once, at 127.0.0.1. */
const HOSTS = ['127.0.0.1', '[::1]'] as const;

/** Model servers name embedding models too; those cannot answer a question. */
const EMBEDDING = /embed/i;

function getter(doFetch: typeof fetch, timeout: number): Get {
  return async (url, headers) => {
    const res = await doFetch(url, { redirect: 'error', signal: AbortSignal.timeout(timeout) });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    if (headers)
      res.headers.forEach((v, k) => {
        headers[k.toLowerCase()] = v;
      });
    const text = await res.text();
    if (text.length > MAX_BODY) throw new Error('too large');
    return JSON.parse(text) as unknown;
  };
}

export async function scanLocalServers(opts: { fetch?: typeof fetch; timeoutMs?: number } = {}): Promise<LocalServer[]> {
  const get = getter(opts.fetch ?? fetch, opts.timeoutMs ?? PROBE_TIMEOUT_MS);
  const probes = PORTS.flatMap((port) => HOSTS.map((host) => probe(`http://${host}:${port}`, get)));
  const found = (await Promise.all(probes)).filter((s): s is LocalServer => s !== null);
  // One entry per port: the first host that answered (127.0.0.1 before ::1).
  const portOf = (s: LocalServer) => /:(\d+)\/v1$/.exec(s.baseUrl)?.[1];
  return found.filter((s, i) => found.findIndex((o) => portOf(o) === portOf(s)) === i);
}

/**
 * What a server at `baseUrl` (ending in /v1) says about itself: its `/v1/models`, and only when that does not
 * settle the kind, Ollama's and LM Studio's own endpoints, asked at once. Requests that fail are left out.
 */
async function gather(baseUrl: string, get: Get): Promise<ServerEvidence & { reachable: boolean }> {
  const origin = baseUrl.replace(/\/v1\/?$/, '').replace(/\/+$/, '');
  const headers: Record<string, string> = {};
  let models: unknown;
  try {
    models = await get(`${baseUrl.replace(/\/+$/, '')}/models`, headers);
  } catch {
    return { baseUrl, reachable: false };
  }
  const evidence: ServerEvidence = { baseUrl, models, headers };
  if (settledByModels(evidence)) return { ...evidence, reachable: true };
  const quiet = (p: Promise<unknown>) => p.catch(() => undefined);
  const [ollamaVersion, lmstudioModels] = await Promise.all([
    quiet(get(`${origin}/api/version`)),
    quiet(get(`${origin}/api/v0/models`)),
  ]);
  return { ...evidence, ollamaVersion, lmstudioModels, reachable: true };
}

async function probe(origin: string, get: Get): Promise<LocalServer | null> {
  const baseUrl = `${origin}/v1`;
  const evidence = await gather(baseUrl, get);
  if (!evidence.reachable || !Array.isArray((evidence.models as { data?: unknown })?.data)) return null;
  const ids = modelEntries(evidence.models)
    .map((m) => m.id)
    .filter((id): id is string => typeof id === 'string' && id.length > 0);
  // Every probed port has a default kind, so a server that says nothing is still named (by its port).
  const kind = KINDS[identifyServer(evidence)?.kind ?? 'vllm'];
  let vision: Map<string, boolean> | null = null;
  try {
    vision = kind.vision ? await kind.vision(origin, get) : null;
  } catch {
    // The server answered as OpenAI-compatible but not on its own API: it is listed, without what it says of images.
  }
  const models: LocalServerModel[] = ids
    .filter((id) => !EMBEDDING.test(id))
    .map((id) => ({ id, vision: vision?.get(id) ?? vision?.get('*') ?? null }));
  const rank = (v: boolean | null) => (v === true ? 0 : v === null ? 1 : 2);
  models.sort((a, b) => rank(a.vision) - rank(b.vision));
  return { catalogId: kind.catalogId, name: catalogEntry(kind.catalogId).name, baseUrl, models };
}

/** Asking a server typed in the provider form may cross a network: a little longer than a loopback probe. */
export const IDENTIFY_TIMEOUT_MS = 3_000;

/**
 * The kind of the server at a base URL the person typed (the provider form), from what it says; the port only when
 * it says nothing. GETs without the key, redirects refused; null when nothing tells.
 */
export async function identifyServerAt(
  baseUrl: string,
  opts: { fetch?: typeof fetch; timeoutMs?: number } = {},
): Promise<IdentifiedServer | null> {
  const get = getter(opts.fetch ?? fetch, opts.timeoutMs ?? IDENTIFY_TIMEOUT_MS);
  return identifyServer(await gather(baseUrl.trim(), get));
}

/** The host's scans: one started at start-up (not awaited), reused until a fresh one is asked for. */
export class LocalServerScanner {
  private last: LocalServerScan = { servers: [], scannedAt: null };
  private running: Promise<LocalServerScan> | null = null;
  private readonly opts: { fetch?: typeof fetch; timeoutMs?: number };
  constructor(opts: { fetch?: typeof fetch; timeoutMs?: number } = {}) {
    this.opts = opts;
  }

  /** The last scan's result, or a new scan when `fresh` or when none has run. */
  scan(fresh = false): Promise<LocalServerScan> {
    if (this.running) return this.running;
    if (!fresh && this.last.scannedAt !== null) return Promise.resolve(this.last);
    this.running = scanLocalServers(this.opts)
      .then((servers) => (this.last = { servers, scannedAt: Date.now() }))
      .finally(() => (this.running = null));
    return this.running;
  }
}
