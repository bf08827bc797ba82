/**
 * Finds model servers running on this computer: Ollama, LM Studio, vLLM, SGLang and llama.cpp's server, on their
 * usual ports, on the loopback address only (127.0.0.1 and ::1, never another host; redirects are refused so a
 * server cannot send the probe elsewhere). Every probe runs at once with a short timeout, so a scan takes well
 * under a second whatever answers, and start-up never waits for it.
 */
import type { LocalServer, LocalServerModel, LocalServerScan } from '../../shared/bridge/local-ocr.ts';
import { catalogEntry } from '../../shared/providers/catalog.ts';

/** Each probe gives up after this long: a local server answers in milliseconds. */
export const PROBE_TIMEOUT_MS = 800;

/** Largest answer read from a probe (a model list): more is not a model server's list. */
const MAX_BODY = 1024 * 1024;

interface Kind {
  catalogId: string;
  port: number;
  /** What the server says about images per model id, from its own API; null when it does not say. */
  vision?: (origin: string, get: Get) => Promise<Map<string, boolean> | null>;
}

type Get = (url: string) => Promise<unknown>;

export const SERVER_KINDS: readonly Kind[] = [
  {
    catalogId: 'ollama',
    port: 11434,
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
  {
    catalogId: 'lmstudio',
    port: 1234,
    // LM Studio's own API says `type: "vlm"` for models that take images.
    vision: async (origin, get) => {
      const body = (await get(`${origin}/api/v0/models`)) as { data?: { id?: string; type?: string }[] };
      const out = new Map<string, boolean>();
      for (const m of body?.data ?? []) if (m.id) out.set(m.id, m.type === 'vlm');
      return out;
    },
  },
  { catalogId: 'vllm', port: 8000 },
  { catalogId: 'sglang', port: 30000 },
  {
    catalogId: 'llamacpp',
    port: 8080,
    // llama.cpp's /props says whether the loaded model (it serves one) has a vision projector.
    vision: async (origin, get) => {
      const body = (await get(`${origin}/props`)) as { modalities?: { vision?: boolean } };
      return typeof body?.modalities?.vision === 'boolean' ? new Map([['*', body.modalities.vision]]) : null;
    },
  },
];

/** Loopback only: IPv4 first, so a server listening on both is listed once, at 127.0.0.1. */
const HOSTS = ['127.0.0.1', '[::1]'] as const;

/** Model servers name embedding models too; those cannot answer a question. */
const EMBEDDING = /embed/i;

export async function scanLocalServers(opts: { fetch?: typeof fetch; timeoutMs?: number } = {}): Promise<LocalServer[]> {
  const doFetch = opts.fetch ?? fetch;
  const timeout = opts.timeoutMs ?? PROBE_TIMEOUT_MS;
  const get: Get = async (url) => {
    const res = await doFetch(url, { redirect: 'error', signal: AbortSignal.timeout(timeout) });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const text = await res.text();
    if (text.length > MAX_BODY) throw new Error('too large');
    return JSON.parse(text) as unknown;
  };
  const probes = SERVER_KINDS.flatMap((kind) => HOSTS.map((host) => probe(kind, `http://${host}:${kind.port}`, get)));
  const found = (await Promise.all(probes)).filter((s): s is LocalServer => s !== null);
  // One entry per kind: the first host that answered (127.0.0.1 before ::1).
  return found.filter((s, i) => found.findIndex((o) => o.catalogId === s.catalogId) === i);
}

async function probe(kind: Kind, origin: string, get: Get): Promise<LocalServer | null> {
  let ids: string[];
  try {
    const body = (await get(`${origin}/v1/models`)) as { data?: { id?: unknown }[] };
    if (!Array.isArray(body?.data)) return null;
    ids = body.data.map((m) => m.id).filter((id): id is string => typeof id === 'string' && id.length > 0);
  } catch {
    return null;
  }
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
  return { catalogId: kind.catalogId, name: catalogEntry(kind.catalogId).name, baseUrl: `${origin}/v1`, models };
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
