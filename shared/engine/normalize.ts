/**
 * Turns parsed streaming chunks of any dialect into one sequence of reasoning/content deltas plus usage and
 * finish reason. Dialects: `reasoning_content` (Z.AI, BigModel, older vLLM), `reasoning` (OpenRouter, newer vLLM),
 * `reasoning_details` (OpenRouter, Novita), raw `<think>` tags in `content`. See docs/providers.md.
 */
import { ThinkTagSplitter } from './think-tags.ts';
import type { Usage } from './types.ts';

export interface NormalizedDelta {
  reasoning: string;
  content: string;
}

/** Provider-reported figures that arrive alongside the text. */
export interface StreamMeta {
  usage: Usage | null;
  /** OpenRouter's `usage.cost`: what the user was actually charged, in USD. */
  providerCostUsd: number | null;
  finishReason: string | null;
}

type Json = Record<string, unknown>;

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** Reasoning text from one delta; when several fields carry it, the first non-empty one wins, so text is counted once. */
function reasoningOf(delta: Json): string {
  const direct = str(delta.reasoning_content) || str(delta.reasoning);
  if (direct) return direct;
  const details = delta.reasoning_details;
  if (Array.isArray(details)) {
    return details.map((d) => (d && typeof d === 'object' ? str((d as Json).text) || str((d as Json).summary) : '')).join('');
  }
  return '';
}

export function usageFrom(raw: unknown): Usage | null {
  if (!raw || typeof raw !== 'object') return null;
  const u = raw as Json;
  const pd = (u.prompt_tokens_details ?? {}) as Json;
  const cd = (u.completion_tokens_details ?? {}) as Json;
  return {
    prompt_tokens: num(u.prompt_tokens),
    completion_tokens: num(u.completion_tokens),
    reasoning_tokens: num(cd?.reasoning_tokens),
    cached_tokens: num(pd?.cached_tokens),
  };
}

export class StreamNormalizer {
  private readonly tags = new ThinkTagSplitter();
  readonly meta: StreamMeta = { usage: null, providerCostUsd: null, finishReason: null };

  /** One parsed chunk in, the text it adds out (either part may be empty). */
  push(chunk: unknown): NormalizedDelta {
    const out: NormalizedDelta = { reasoning: '', content: '' };
    if (!chunk || typeof chunk !== 'object') return out;
    const c = chunk as Json;
    if (c.usage) {
      this.meta.usage = usageFrom(c.usage);
      const cost = (c.usage as Json).cost;
      if (typeof cost === 'number' && Number.isFinite(cost)) this.meta.providerCostUsd = cost;
    }
    const choices = Array.isArray(c.choices) ? c.choices : [];
    for (const choice of choices) {
      if (!choice || typeof choice !== 'object') continue;
      const ch = choice as Json;
      // Non-streaming servers (or a final `message`) carry the same fields under `message`.
      const delta = (ch.delta ?? ch.message ?? {}) as Json;
      out.reasoning += reasoningOf(delta);
      const content = str(delta.content);
      if (content) {
        const split = this.tags.push(content);
        out.reasoning += split.reasoning;
        out.content += split.content;
      }
      if (typeof ch.finish_reason === 'string' && ch.finish_reason) this.meta.finishReason = ch.finish_reason;
    }
    return out;
  }

  /** Releases text held back while deciding whether it starts a `<think>` tag. */
  end(): NormalizedDelta {
    return this.tags.flush();
  }
}
