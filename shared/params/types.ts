/**
 * A request's sampling parameters, as the person set them. An absent field means "provider default": it is not
 * sent, so the provider's own default applies. Field names are the wire names most providers use (snake_case), so
 * what is shown, stored and exported reads like the request.
 */

export type ResponseFormat =
  | { type: 'text' }
  | { type: 'json_object' }
  /** `schema` is a JSON Schema the answer must follow; checked with ajv before sending and against the answer. */
  | { type: 'json_schema'; name: string; schema: Record<string, unknown> };

export type ReasoningEffort = 'low' | 'medium' | 'high';

export interface SamplingParams {
  /** Sent as the first message, role `system`. */
  system?: string;
  temperature?: number;
  top_p?: number;
  top_k?: number;
  max_tokens?: number;
  stop?: string[];
  seed?: number;
  frequency_penalty?: number;
  presence_penalty?: number;
  repetition_penalty?: number;
  /** Z.AI / BigModel only: false means greedy decoding (temperature and top_p are then ignored by the server). */
  do_sample?: boolean;
  response_format?: ResponseFormat;
  /** OpenRouter `reasoning.effort`, or the effort sent to servers that switch thinking with `reasoning_effort`. */
  reasoning_effort?: ReasoningEffort;
  /** OpenRouter `reasoning.max_tokens`: a token budget for the reasoning instead of an effort. */
  reasoning_max_tokens?: number;
  /** Passed through as is, for servers with extras (`--param KEY=VALUE`); wins over everything else. */
  extra?: Record<string, unknown>;
}

/** The parameters a person can set, in the order the panel shows them. */
export const PARAM_KEYS = [
  'temperature',
  'top_p',
  'top_k',
  'max_tokens',
  'stop',
  'seed',
  'frequency_penalty',
  'presence_penalty',
  'repetition_penalty',
  'do_sample',
  'response_format',
  'reasoning_effort',
  'reasoning_max_tokens',
] as const;

export type ParamKey = (typeof PARAM_KEYS)[number];

/** The numeric parameters (typed as numbers, checked against a range). */
export const NUMERIC_KEYS = [
  'temperature',
  'top_p',
  'top_k',
  'max_tokens',
  'seed',
  'frequency_penalty',
  'presence_penalty',
  'repetition_penalty',
  'reasoning_max_tokens',
] as const satisfies readonly ParamKey[];

export type NumericKey = (typeof NUMERIC_KEYS)[number];

export const PARAM_LABELS: Record<ParamKey, string> = {
  temperature: 'Temperature',
  top_p: 'Top P',
  top_k: 'Top K',
  max_tokens: 'Max output tokens',
  stop: 'Stop sequences',
  seed: 'Seed',
  frequency_penalty: 'Frequency penalty',
  presence_penalty: 'Presence penalty',
  repetition_penalty: 'Repetition penalty',
  do_sample: 'Sampling (do_sample)',
  response_format: 'Response format',
  reasoning_effort: 'Reasoning effort',
  reasoning_max_tokens: 'Reasoning budget (tokens)',
};
