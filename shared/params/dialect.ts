/**
 * Which dialects a configured provider speaks: hosted kinds have theirs in the catalog; a custom server's kind
 * (vLLM, SGLang, Ollama, LM Studio) decides which parameters it takes and, unless the person picked another,
 * how its thinking is switched (vLLM and SGLang read `chat_template_kwargs`; Ollama and LM Studio ignore it and
 * take `reasoning_effort`).
 */
import type { CatalogEntry, ThinkingDialect } from '../providers/catalog.ts';
import type { ParamDialect } from './catalog.ts';

export const SERVER_KINDS = ['vllm', 'sglang', 'ollama', 'lmstudio'] as const;
export type ServerKind = (typeof SERVER_KINDS)[number];

/** The thinking switches a custom server can be given in the provider form. */
export const CUSTOM_THINKING = ['chat-template', 'reasoning-effort', 'nothink', 'none'] as const;
export type CustomThinking = (typeof CUSTOM_THINKING)[number];

export const THINKING_NAMES: Record<CustomThinking, string> = {
  'chat-template': 'chat_template_kwargs.enable_thinking (vLLM, SGLang)',
  'reasoning-effort': 'reasoning_effort none/low/medium/high (Ollama, LM Studio)',
  nothink: '/nothink after the question',
  none: 'no switch',
};

export const DEFAULT_THINKING: Record<ServerKind, CustomThinking> = {
  vllm: 'chat-template',
  sglang: 'chat-template',
  ollama: 'reasoning-effort',
  lmstudio: 'reasoning-effort',
};

/** What the provider form stores for a custom server. */
export interface CustomServerOptions {
  server?: ServerKind;
  thinkingDialect?: CustomThinking;
}

export function dialectsOf(
  entry: CatalogEntry,
  custom: CustomServerOptions = {},
): { params: ParamDialect; thinking: ThinkingDialect } {
  if (!entry.userUrl) return { params: entry.params, thinking: entry.thinking };
  const server = custom.server ?? 'vllm';
  return { params: server, thinking: custom.thinkingDialect ?? DEFAULT_THINKING[server] };
}

/** Default loopback ports of each server (docs of each), for a first guess from the base URL alone. */
const PORTS: Record<string, ServerKind> = { '11434': 'ollama', '1234': 'lmstudio', '30000': 'sglang', '8000': 'vllm' };

/**
 * The server's kind from what it reports: the `owned_by` of its /models entries (vLLM says "vllm", SGLang
 * "sglang", Ollama "library", LM Studio "organization_owner"), else its port. Null when nothing tells.
 */
export function guessServer(baseUrl: string, ownedBy: readonly string[] = []): ServerKind | null {
  const owners = ownedBy.map((o) => o.toLowerCase());
  if (owners.includes('vllm')) return 'vllm';
  if (owners.includes('sglang')) return 'sglang';
  if (owners.includes('library') || owners.includes('ollama')) return 'ollama';
  if (owners.includes('organization_owner') || owners.includes('lmstudio')) return 'lmstudio';
  const port = /^https?:\/\/[^/]+:(\d+)/i.exec(baseUrl)?.[1];
  return port ? (PORTS[port] ?? null) : null;
}
