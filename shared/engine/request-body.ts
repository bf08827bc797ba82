/**
 * Builds the `/chat/completions` body in each provider's own dialect. The thinking switch is sent every time,
 * in both directions, because each provider's default differs (Z.AI defaults to enabled). Sampling parameters
 * are sent only when the person set them: an absent one is "provider default" and never appears in the body.
 */
import type { ParamDialect } from '../params/catalog.ts';
import { PARAM_CATALOG } from '../params/catalog.ts';
import { NUMERIC_KEYS, type ResponseFormat, type SamplingParams } from '../params/types.ts';
import type { CatalogEntry, ThinkingDialect } from '../providers/catalog.ts';
import type { ContinueMode } from '../params/continuation.ts';

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
  params?: SamplingParams;
  /** A custom server's own choices (provider form); hosted kinds use their catalog entry's. */
  thinkingDialect?: ThinkingDialect;
  paramDialect?: ParamDialect;
  /** Set on a Continue request: how the trailing assistant message is to be carried on (see continued.ts). */
  continueMode?: ContinueMode;
}

/** Fields `--param` may not replace: the engine relies on them (a non-streamed body would not be read). */
const ENGINE_FIELDS = new Set(['model', 'messages', 'stream', 'stream_options']);

export const NOTHINK_SUFFIX = ' /nothink';

export function buildRequestBody(entry: CatalogEntry, opts: BodyOptions): Record<string, unknown> {
  const p = opts.params ?? {};
  const thinkingDialect = opts.thinkingDialect ?? entry.thinking;
  const paramDialect = opts.paramDialect ?? entry.params;
  let messages = opts.messages;
  if (thinkingDialect === 'nothink' && !opts.thinking) messages = withNothink(messages);
  if (p.system?.trim()) messages = [{ role: 'system', content: p.system }, ...messages];
  const body: Record<string, unknown> = {
    model: opts.model,
    messages,
    stream: true,
    stream_options: { include_usage: true },
  };
  if (opts.maxTokens) body.max_tokens = opts.maxTokens;
  const rules = PARAM_CATALOG[paramDialect];
  for (const key of NUMERIC_KEYS) {
    const v = p[key];
    if (v === undefined || key === 'reasoning_max_tokens') continue;
    body[rules[key]?.wireName ?? key] = v;
  }
  if (p.stop && p.stop.length > 0) body.stop = p.stop;
  if (p.do_sample !== undefined) body.do_sample = p.do_sample;
  if (p.response_format) body.response_format = responseFormatBody(p.response_format);
  switch (thinkingDialect) {
    case 'zai':
      body.thinking = { type: opts.thinking ? 'enabled' : 'disabled' };
      break;
    case 'openrouter':
      body.reasoning = {
        enabled: opts.thinking,
        ...(opts.thinking && p.reasoning_effort ? { effort: p.reasoning_effort } : {}),
        ...(opts.thinking && p.reasoning_max_tokens ? { max_tokens: p.reasoning_max_tokens } : {}),
      };
      break;
    case 'chat-template':
      body.chat_template_kwargs = { enable_thinking: opts.thinking };
      break;
    case 'reasoning-effort':
      // Off is "none"; on sends the effort asked for, else nothing (the model's own default is to think).
      if (!opts.thinking) body.reasoning_effort = 'none';
      else if (p.reasoning_effort) body.reasoning_effort = p.reasoning_effort;
      break;
    case 'nothink':
    case 'none':
      break;
  }
  if (thinkingDialect !== 'openrouter' && thinkingDialect !== 'reasoning-effort' && p.reasoning_effort)
    body.reasoning_effort = p.reasoning_effort;
  if (entry.thinking === 'openrouter' && opts.upstream && opts.upstream.length > 0) {
    body.provider = { order: opts.upstream, allow_fallbacks: false };
  }
  for (const [k, v] of Object.entries(p.extra ?? {})) if (!ENGINE_FIELDS.has(k)) body[k] = v;
  // vLLM and SGLang leave the last message open only with both (they may not both be on). After the extras, so a
  // `--param` cannot turn a continuation back into a new answer.
  if (opts.continueMode === 'continue-final-message') {
    body.continue_final_message = true;
    body.add_generation_prompt = false;
  }
  return body;
}

/** The OpenAI wire shape of a response format. */
export function responseFormatBody(f: ResponseFormat): Record<string, unknown> {
  if (f.type !== 'json_schema') return { type: f.type };
  return { type: 'json_schema', json_schema: { name: f.name, schema: f.schema, strict: true } };
}

/** The chat template's off switch: `/nothink` at the end of the last user message's text. */
function withNothink(messages: ChatMessage[]): ChatMessage[] {
  const i = messages.findLastIndex((m) => m.role === 'user');
  if (i < 0) return messages;
  const m = messages[i]!;
  const parts = typeof m.content === 'string' ? null : m.content;
  const lastText = parts ? parts.findLastIndex((x) => x.type === 'text') : -1;
  const content =
    parts === null
      ? m.content + NOTHINK_SUFFIX
      : parts.map((part, j) => (part.type === 'text' && j === lastText ? { ...part, text: part.text + NOTHINK_SUFFIX } : part));
  return messages.map((x, j) => (j === i ? { ...x, content } : x));
}
