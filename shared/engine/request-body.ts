/**
 * Builds the `/chat/completions` body in each provider's own dialect. The thinking switch is sent every time,
 * in both directions, because each provider's default differs (Z.AI defaults to enabled).
 */
import type { CatalogEntry } from '../providers/catalog.ts';

export type ContentPart =
  | { type: 'text'; text: string }
  | { type: 'image_url'; image_url: { url: string } }
  | { type: 'video_url'; video_url: { url: string } };

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string | ContentPart[];
}

export interface BodyOptions {
  model: string;
  thinking: boolean;
  messages: ChatMessage[];
  upstream?: string[];
  maxTokens?: number;
}

export function buildRequestBody(entry: CatalogEntry, opts: BodyOptions): Record<string, unknown> {
  const body: Record<string, unknown> = {
    model: opts.model,
    messages: opts.messages,
    stream: true,
    stream_options: { include_usage: true },
  };
  if (opts.maxTokens) body.max_tokens = opts.maxTokens;
  switch (entry.thinking) {
    case 'zai':
      body.thinking = { type: opts.thinking ? 'enabled' : 'disabled' };
      break;
    case 'openrouter':
      body.reasoning = { enabled: opts.thinking };
      break;
    case 'chat-template':
      body.chat_template_kwargs = { enable_thinking: opts.thinking };
      break;
    case 'reasoning-effort':
      // Ollama and LM Studio: "none" turns a thinking model's reasoning off; left out, the model reasons.
      if (!opts.thinking) body.reasoning_effort = 'none';
      break;
    case 'none':
      break;
  }
  if (entry.thinking === 'openrouter' && opts.upstream && opts.upstream.length > 0) {
    body.provider = { order: opts.upstream, allow_fallbacks: false };
  }
  return body;
}
