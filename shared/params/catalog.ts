/**
 * Which sampling parameters each provider dialect accepts, with the range and default its API reference gives.
 * Data, not code paths: the panel, the CLI and the host all read it. A parameter missing from a dialect's table
 * is not accepted there, and is shown disabled with the reason (never silently dropped).
 *
 * Sources, read 2026-11-30:
 * - Z.AI / BigModel: docs.z.ai and docs.bigmodel.cn, "Chat completion" (do_sample, temperature, top_p, max_tokens,
 *   stop with a single word, response_format json_object).
 * - OpenRouter: openrouter.ai/docs/api-reference/parameters; each model's `supported_parameters` on /models.
 * - Novita: novita.ai/docs/api-reference/model-apis-llm-create-chat-completion.
 * - vLLM: docs.vllm.ai "OpenAI-compatible server" (extra sampling params); SGLang: docs.sglang.ai sampling params.
 * - Ollama: docs.ollama.com "OpenAI compatibility" (supported request fields).
 * - LM Studio: lmstudio.ai/docs "OpenAI compatibility endpoints" (repeat_penalty, top_k, json_schema only).
 * - llama.cpp: its server README, "POST /v1/chat/completions" (the sampling options of /completion, with
 *   `repeat_penalty`, and `response_format` with a JSON schema).
 * - Local OCR is not a language model: it takes none.
 */
import type { ParamKey } from './types.ts';

/** The parameter families: one per hosted provider kind, one per kind of custom server. */
export type ParamDialect = 'zai' | 'openrouter' | 'novita' | 'vllm' | 'sglang' | 'ollama' | 'lmstudio' | 'llamacpp' | 'local-ocr';

/**
 * What a provider does with a parameter it is not sent, as a code a window words in its own language: a figure
 * as the reference writes it ('1.0'), a word ('random', 'model-decides'), or a word with the figure it falls back
 * to ('preset:0.8': the model's preset, else 0.8).
 */
export type DefaultWord =
  | 'random'
  | 'none'
  | 'on'
  | 'off'
  | 'text'
  | 'model-decides'
  | 'from-effort'
  | 'medium-when-reasoning'
  | 'model-max'
  | 'model-max-glm'
  | 'rest-of-context'
  | 'until-stop'
  | 'glm-versions';
export type ProviderDefault = `${number}` | DefaultWord | `${'off' | 'generation-config' | 'modelfile' | 'preset'}:${number}`;

export interface ParamRule {
  min?: number;
  max?: number;
  /** The bound itself is not allowed (e.g. top_p > 0). */
  minExclusive?: boolean;
  integer?: boolean;
  /** What the provider does when the parameter is not sent, as its reference says (a code; see ProviderDefault). */
  providerDefault: ProviderDefault;
  /** Stop sequences: how many. */
  maxItems?: number;
  /** Response format: which structured types the dialect takes. */
  formats?: readonly ('json_object' | 'json_schema')[];
  /** The name on the wire when it differs from the key (LM Studio's `repeat_penalty`). */
  wireName?: string;
}

export type DialectParams = Partial<Record<ParamKey, ParamRule>>;

const penalty = (providerDefault: ProviderDefault = '0'): ParamRule => ({ min: -2, max: 2, providerDefault });
const seed: ParamRule = { integer: true, min: 0, max: 2 ** 53 - 1, providerDefault: 'random' };
const maxTokens = (providerDefault: ProviderDefault, max?: number): ParamRule => ({
  integer: true,
  min: 1,
  max,
  providerDefault,
});
const stops = (maxItems: number): ParamRule => ({ maxItems, providerDefault: 'none' });

export const PARAM_CATALOG: Record<ParamDialect, DialectParams> = {
  zai: {
    temperature: { min: 0, max: 1, providerDefault: 'glm-versions' },
    top_p: { min: 0.01, max: 1, providerDefault: '0.95' },
    max_tokens: maxTokens('model-max-glm', 131_072),
    stop: stops(1),
    do_sample: { providerDefault: 'on' },
    response_format: { providerDefault: 'text', formats: ['json_object'] },
  },
  openrouter: {
    temperature: { min: 0, max: 2, providerDefault: '1.0' },
    top_p: { min: 0, max: 1, minExclusive: true, providerDefault: '1.0' },
    top_k: { integer: true, min: 0, providerDefault: 'off:0' },
    max_tokens: maxTokens('model-max'),
    stop: stops(4),
    seed,
    frequency_penalty: penalty(),
    presence_penalty: penalty(),
    repetition_penalty: { min: 0, max: 2, minExclusive: true, providerDefault: '1.0' },
    response_format: { providerDefault: 'text', formats: ['json_object', 'json_schema'] },
    reasoning_effort: { providerDefault: 'medium-when-reasoning' },
    reasoning_max_tokens: { integer: true, min: 1, providerDefault: 'from-effort' },
  },
  novita: {
    temperature: { min: 0, max: 2, providerDefault: '1.0' },
    top_p: { min: 0, max: 1, minExclusive: true, providerDefault: '1.0' },
    top_k: { integer: true, min: 1, max: 128, providerDefault: 'off' },
    max_tokens: maxTokens('model-max'),
    stop: stops(4),
    seed,
    frequency_penalty: penalty(),
    presence_penalty: penalty(),
    repetition_penalty: { min: 0, max: 2, minExclusive: true, providerDefault: '1.0' },
    response_format: { providerDefault: 'text', formats: ['json_object', 'json_schema'] },
  },
  vllm: {
    temperature: { min: 0, max: 2, providerDefault: 'generation-config:1.0' },
    top_p: { min: 0, max: 1, minExclusive: true, providerDefault: 'generation-config:1.0' },
    top_k: { integer: true, min: -1, providerDefault: 'off:-1' },
    max_tokens: maxTokens('rest-of-context'),
    stop: stops(4),
    seed,
    frequency_penalty: penalty(),
    presence_penalty: penalty(),
    repetition_penalty: { min: 0, minExclusive: true, providerDefault: '1.0' },
    response_format: { providerDefault: 'text', formats: ['json_object', 'json_schema'] },
  },
  sglang: {
    temperature: { min: 0, max: 2, providerDefault: 'generation-config:1.0' },
    top_p: { min: 0, max: 1, minExclusive: true, providerDefault: '1.0' },
    top_k: { integer: true, min: -1, providerDefault: 'off:-1' },
    max_tokens: maxTokens('rest-of-context'),
    stop: stops(4),
    seed,
    frequency_penalty: penalty(),
    presence_penalty: penalty(),
    repetition_penalty: { min: 0, max: 2, minExclusive: true, providerDefault: '1.0' },
    response_format: { providerDefault: 'text', formats: ['json_object', 'json_schema'] },
  },
  ollama: {
    temperature: { min: 0, max: 2, providerDefault: 'modelfile:0.8' },
    top_p: { min: 0, max: 1, providerDefault: 'modelfile:0.9' },
    max_tokens: maxTokens('until-stop'),
    stop: stops(4),
    seed,
    frequency_penalty: penalty(),
    presence_penalty: penalty(),
    response_format: { providerDefault: 'text', formats: ['json_object', 'json_schema'] },
    reasoning_effort: { providerDefault: 'model-decides' },
  },
  lmstudio: {
    temperature: { min: 0, max: 2, providerDefault: 'preset:0.8' },
    top_p: { min: 0, max: 1, providerDefault: 'preset:0.95' },
    top_k: { integer: true, min: 0, providerDefault: 'preset:40' },
    max_tokens: maxTokens('until-stop'),
    stop: stops(4),
    seed,
    frequency_penalty: penalty(),
    presence_penalty: penalty(),
    repetition_penalty: { min: 0, minExclusive: true, providerDefault: '1.1', wireName: 'repeat_penalty' },
    response_format: { providerDefault: 'text', formats: ['json_schema'] },
    reasoning_effort: { providerDefault: 'model-decides' },
  },
  llamacpp: {
    temperature: { min: 0, max: 2, providerDefault: '0.8' },
    top_p: { min: 0, max: 1, providerDefault: '0.95' },
    top_k: { integer: true, min: 0, providerDefault: '40' },
    max_tokens: maxTokens('until-stop'),
    stop: stops(4),
    seed,
    frequency_penalty: penalty(),
    presence_penalty: penalty(),
    repetition_penalty: { min: 0, minExclusive: true, providerDefault: '1.1', wireName: 'repeat_penalty' },
    response_format: { providerDefault: 'text', formats: ['json_object', 'json_schema'] },
  },
  'local-ocr': {},
};

export const DIALECT_NAMES: Record<ParamDialect, string> = {
  zai: 'Z.AI / BigModel',
  openrouter: 'OpenRouter',
  novita: 'Novita',
  vllm: 'vLLM',
  sglang: 'SGLang',
  ollama: 'Ollama',
  lmstudio: 'LM Studio',
  llamacpp: 'llama.cpp',
  'local-ocr': 'Local OCR',
};

/**
 * What OpenRouter's /models lists under `supported_parameters` for the models the catalog knows (read
 * 2026-11-30); a model not listed here takes every parameter of the dialect until its live list says otherwise.
 */
export const OPENROUTER_SUPPORTED: Record<string, readonly string[]> = {
  'z-ai/glm-4.5v': [
    'frequency_penalty',
    'include_reasoning',
    'max_tokens',
    'presence_penalty',
    'reasoning',
    'repetition_penalty',
    'response_format',
    'seed',
    'stop',
    'structured_outputs',
    'temperature',
    'top_k',
    'top_p',
  ],
  'z-ai/glm-4.6v': [
    'frequency_penalty',
    'include_reasoning',
    'max_tokens',
    'presence_penalty',
    'reasoning',
    'repetition_penalty',
    'response_format',
    'seed',
    'stop',
    'structured_outputs',
    'temperature',
    'top_k',
    'top_p',
  ],
};

/** OpenRouter's name in `supported_parameters` for one of ours. */
const OPENROUTER_NAME: Partial<Record<ParamKey, string>> = {
  reasoning_effort: 'reasoning',
  reasoning_max_tokens: 'reasoning',
};

/** Why a parameter cannot be sent, as data, so a window can say it in its own language (`reason` is the English). */
export type Unsupported =
  | { code: 'dialect'; dialect: ParamDialect; key: ParamKey }
  | { code: 'openrouter-model'; model: string; name: string };

export type Support = { ok: true; rule: ParamRule } | { ok: false; reason: string; why: Unsupported };

/**
 * Whether `key` can be sent to this dialect (and, on OpenRouter, this model), with its rule or the reason not.
 * `live` is a model's `supported_parameters` as OpenRouter reported it, when known.
 */
export function paramSupport(dialect: ParamDialect, key: ParamKey, model = '', live?: readonly string[]): Support {
  const rule = PARAM_CATALOG[dialect][key];
  if (!rule)
    return { ok: false, reason: `${DIALECT_NAMES[dialect]} does not take ${key}.`, why: { code: 'dialect', dialect, key } };
  if (dialect === 'openrouter') {
    const list = live ?? OPENROUTER_SUPPORTED[model];
    const name = OPENROUTER_NAME[key] ?? key;
    if (list && !list.includes(name))
      return {
        ok: false,
        reason: `${model} on OpenRouter does not list ${name} among its parameters.`,
        why: { code: 'openrouter-model', model, name },
      };
  }
  return { ok: true, rule };
}

/** "0 to 2", "at least 1", "above 0 up to 1": the allowed range in words, for refusals. */
export function rangeText(rule: ParamRule): string {
  const kind = rule.integer ? 'a whole number ' : '';
  const lo = rule.min === undefined ? null : rule.min;
  const hi = rule.max === undefined ? null : rule.max;
  if (lo !== null && hi !== null) return `${kind}${rule.minExclusive ? `above ${lo} up to` : `from ${lo} to`} ${hi}`;
  if (lo !== null) return `${kind}${rule.minExclusive ? 'above' : 'at least'} ${lo}`;
  if (hi !== null) return `${kind}at most ${hi}`;
  return kind.trim() || 'a number';
}
