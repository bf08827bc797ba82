/**
 * Which model server answers at an address, from what the server itself says. Ports are only a last resort:
 * vLLM and SGLang are often run on each other's port (or 8080, llama.cpp's), and Ollama or LM Studio can be moved.
 *
 * What each server says (read in each one's own source):
 * - `/v1/models` entries' `owned_by`: vLLM "vllm", SGLang "sglang", llama.cpp "llamacpp", LM Studio
 *   "organization_owner", Ollama the model's namespace ("library" for models pulled from its library).
 * - Other fields of those entries: vLLM lists `permission` objects (`object: "model_permission"`); llama.cpp adds
 *   `meta` (`n_ctx_train`, `n_vocab`) or `status`/`in_cache` in router mode.
 * - Their own endpoints: Ollama `/api/version` (`{"version": "0.x"}`); LM Studio `/api/v0/models` (entries with
 *   `type` "llm", "vlm" or "embeddings" and a `state`); llama.cpp's `Server` header says "llama.cpp".
 */

/** The kinds of model server a custom provider can be; each has its parameter dialect in ./catalog.ts. */
export const SERVER_KINDS = ['vllm', 'sglang', 'ollama', 'lmstudio', 'llamacpp'] as const;
export type ServerKind = (typeof SERVER_KINDS)[number];

/** What a probe gathered about one address; each field absent when that request failed or was not made. */
export interface ServerEvidence {
  baseUrl: string;
  /** The parsed body of `GET /v1/models`. */
  models?: unknown;
  /** Response headers of that request, names in lower case. */
  headers?: Readonly<Record<string, string>>;
  /** The parsed body of Ollama's `GET /api/version`. */
  ollamaVersion?: unknown;
  /** The parsed body of LM Studio's `GET /api/v0/models`. */
  lmstudioModels?: unknown;
}

/** How the kind was told: the strongest evidence that decided it (shown beside the guess in the provider form). */
export type KindSource = 'owned_by' | 'fields' | 'endpoint' | 'header' | 'port';

export interface IdentifiedServer {
  kind: ServerKind;
  by: KindSource;
}

const OWNERS: Readonly<Record<string, ServerKind>> = {
  vllm: 'vllm',
  sglang: 'sglang',
  llamacpp: 'llamacpp',
  organization_owner: 'lmstudio',
  library: 'ollama',
};

/** Default loopback ports of each server (each one's docs). */
export const DEFAULT_PORTS: Readonly<Record<string, ServerKind>> = {
  '11434': 'ollama',
  '1234': 'lmstudio',
  '30000': 'sglang',
  '8000': 'vllm',
  '8080': 'llamacpp',
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The entries of a `/v1/models` body, objects only. */
export function modelEntries(body: unknown): Record<string, unknown>[] {
  const data = isObject(body) ? body.data : undefined;
  return Array.isArray(data) ? data.filter(isObject) : [];
}

function byOwner(entries: readonly Record<string, unknown>[]): ServerKind | null {
  const kinds = new Set(
    entries.flatMap((e) => {
      const k = typeof e.owned_by === 'string' ? OWNERS[e.owned_by.toLowerCase()] : undefined;
      return k ? [k] : [];
    }),
  );
  // A server names itself the same way in every entry; mixed answers (a proxy in front of several) tell nothing.
  return kinds.size === 1 ? [...kinds][0]! : null;
}

function byFields(entries: readonly Record<string, unknown>[]): ServerKind | null {
  if (entries.some((e) => isObject(e.meta) && ('n_ctx_train' in e.meta || 'n_vocab' in e.meta))) return 'llamacpp';
  if (
    entries.some((e) => Array.isArray(e.permission) && e.permission.some((p) => isObject(p) && p.object === 'model_permission'))
  )
    return 'vllm';
  return null;
}

function byEndpoint(e: ServerEvidence): ServerKind | null {
  if (isObject(e.ollamaVersion) && typeof e.ollamaVersion.version === 'string') return 'ollama';
  const lm = modelEntries(e.lmstudioModels);
  if (lm.length > 0 && lm.every((m) => typeof m.type === 'string' && typeof m.state === 'string')) return 'lmstudio';
  return null;
}

/** The port written in a base URL (`http://host:8000/v1` → 8000), null when none is. */
function portOf(baseUrl: string): string | null {
  return /^https?:\/\/(?:\[[^\]]*\]|[^/:?#]+):(\d+)(?:[/?#]|$)/i.exec(baseUrl.trim())?.[1] ?? null;
}

/**
 * The server's kind from the evidence, strongest first: `owned_by`, the entries' other fields, the server's own
 * endpoints, its `Server` header, and only then its port. Null when nothing tells.
 */
export function identifyServer(e: ServerEvidence): IdentifiedServer | null {
  const entries = modelEntries(e.models);
  const owner = byOwner(entries);
  if (owner) return { kind: owner, by: 'owned_by' };
  const fields = byFields(entries);
  if (fields) return { kind: fields, by: 'fields' };
  const endpoint = byEndpoint(e);
  if (endpoint) return { kind: endpoint, by: 'endpoint' };
  if (/llama\.cpp/i.test(e.headers?.server ?? '')) return { kind: 'llamacpp', by: 'header' };
  const port = portOf(e.baseUrl);
  const guess = port ? DEFAULT_PORTS[port] : undefined;
  return guess ? { kind: guess, by: 'port' } : null;
}

/** Whether `/v1/models` alone already settled the kind, so the server's own endpoints need not be asked. */
export function settledByModels(e: ServerEvidence): boolean {
  const entries = modelEntries(e.models);
  return byOwner(entries) !== null || byFields(entries) !== null || /llama\.cpp/i.test(e.headers?.server ?? '');
}
