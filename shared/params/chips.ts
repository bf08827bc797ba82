/** The parameters panel's state at a glance: "T 0.2 · max 2k · JSON" (only what differs from the provider default). */
import type { SamplingParams } from './types.ts';

const k = (n: number) => (n >= 1000 && n % 100 === 0 ? `${n / 1000}k` : String(n));

/** One chip as data: which setting and its value, so a window can word it in its own language. */
export type Chip =
  | { kind: 'system' | 'greedy' | 'json' | 'schema' }
  | {
      kind: 'temperature' | 'top_p' | 'top_k' | 'seed' | 'frequency_penalty' | 'presence_penalty' | 'repetition_penalty';
      value: number;
    }
  | { kind: 'max_tokens' | 'reasoning_max_tokens' | 'stop' | 'extra'; count: number }
  | { kind: 'reasoning_effort'; effort: NonNullable<SamplingParams['reasoning_effort']> };

export function chipsOf(p: SamplingParams): Chip[] {
  const out: Chip[] = [];
  if (p.system?.trim()) out.push({ kind: 'system' });
  if (p.temperature !== undefined) out.push({ kind: 'temperature', value: p.temperature });
  if (p.top_p !== undefined) out.push({ kind: 'top_p', value: p.top_p });
  if (p.top_k !== undefined) out.push({ kind: 'top_k', value: p.top_k });
  if (p.max_tokens !== undefined) out.push({ kind: 'max_tokens', count: p.max_tokens });
  if (p.stop?.length) out.push({ kind: 'stop', count: p.stop.length });
  if (p.seed !== undefined) out.push({ kind: 'seed', value: p.seed });
  if (p.frequency_penalty !== undefined) out.push({ kind: 'frequency_penalty', value: p.frequency_penalty });
  if (p.presence_penalty !== undefined) out.push({ kind: 'presence_penalty', value: p.presence_penalty });
  if (p.repetition_penalty !== undefined) out.push({ kind: 'repetition_penalty', value: p.repetition_penalty });
  if (p.do_sample === false) out.push({ kind: 'greedy' });
  if (p.response_format?.type === 'json_object') out.push({ kind: 'json' });
  if (p.response_format?.type === 'json_schema') out.push({ kind: 'schema' });
  if (p.reasoning_effort) out.push({ kind: 'reasoning_effort', effort: p.reasoning_effort });
  if (p.reasoning_max_tokens !== undefined) out.push({ kind: 'reasoning_max_tokens', count: p.reasoning_max_tokens });
  if (p.extra && Object.keys(p.extra).length > 0) out.push({ kind: 'extra', count: Object.keys(p.extra).length });
  return out;
}

const ENGLISH: Record<Chip['kind'], string> = {
  system: 'System',
  greedy: 'greedy',
  json: 'JSON',
  schema: 'Schema',
  temperature: 'T',
  top_p: 'top-p',
  top_k: 'top-k',
  seed: 'seed',
  frequency_penalty: 'freq',
  presence_penalty: 'pres',
  repetition_penalty: 'rep',
  max_tokens: 'max',
  reasoning_max_tokens: 'think',
  stop: 'stop ×',
  extra: '+',
  reasoning_effort: 'effort',
};

/** The chips in English (exports, logs, the CLI): "T 0.2", "max 2k", "JSON". */
export function chipText(c: Chip): string {
  const word = ENGLISH[c.kind];
  if ('value' in c) return `${word} ${c.value}`;
  if ('effort' in c) return `${word} ${c.effort}`;
  if ('count' in c) return c.kind === 'stop' || c.kind === 'extra' ? `${word}${c.count}` : `${word} ${k(c.count)}`;
  return word;
}

export function paramChips(p: SamplingParams): string[] {
  return chipsOf(p).map(chipText);
}

/** What two parameter sets differ in, as chips (compare lane headers). */
export function paramDiff(a: SamplingParams, b: SamplingParams): string[] {
  const ca = new Set(paramChips(a));
  return paramChips(b).filter((c) => !ca.has(c));
}

/**
 * The parameter a provider's refusal names, among those that were set: "top_k is not supported" → top_k. The
 * error then offers to reset just that one.
 */
export function paramNamedIn(message: string, p: SamplingParams): keyof SamplingParams | null {
  const set = Object.keys(p).filter((key) => key !== 'system' && key !== 'extra') as (keyof SamplingParams)[];
  return set.find((key) => new RegExp(`\\b${key}\\b`, 'i').test(message)) ?? null;
}
