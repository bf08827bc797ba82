/**
 * Which dialects a configured provider speaks: hosted kinds have theirs in the catalog; a custom server's kind
 * (vLLM, SGLang, Ollama, LM Studio) decides which parameters it takes and, unless the person picked another,
 * how its thinking is switched (vLLM and SGLang read `chat_template_kwargs`; Ollama and LM Studio ignore it and
 * take `reasoning_effort`).
 */
import type { CatalogEntry, ThinkingDialect } from '../providers/catalog.ts';
import type { ParamDialect } from './catalog.ts';
import { identifyServer, SERVER_KINDS, type ServerKind } from './server-kind.ts';

export { SERVER_KINDS, type ServerKind };

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
  // llama.cpp's server passes `chat_template_kwargs` to the model's template (its --jinja mode).
  llamacpp: 'chat-template',
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
  // A local server's own catalog entry (Ollama, LM Studio...) is its kind until the form says otherwise.
  const own = (SERVER_KINDS as readonly string[]).includes(entry.params) ? (entry.params as ServerKind) : 'vllm';
  const server = custom.server ?? own;
  return { params: server, thinking: custom.thinkingDialect ?? DEFAULT_THINKING[server] };
}

/**
 * A first guess from the base URL alone (its port), for the provider form before the server has been asked; the
 * host's `identifyServer` reads what the server says (shared/params/server-kind.ts).
 */
export function guessServer(baseUrl: string): ServerKind | null {
  return identifyServer({ baseUrl })?.kind ?? null;
}
