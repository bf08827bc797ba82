/** The parameters panel's state at a glance: "T 0.2 · max 2k · JSON" (only what differs from the provider default). */
import type { SamplingParams } from './types.ts';

const k = (n: number) => (n >= 1000 && n % 100 === 0 ? `${n / 1000}k` : String(n));

export function paramChips(p: SamplingParams): string[] {
  const out: string[] = [];
  if (p.system?.trim()) out.push('System');
  if (p.temperature !== undefined) out.push(`T ${p.temperature}`);
  if (p.top_p !== undefined) out.push(`top-p ${p.top_p}`);
  if (p.top_k !== undefined) out.push(`top-k ${p.top_k}`);
  if (p.max_tokens !== undefined) out.push(`max ${k(p.max_tokens)}`);
  if (p.stop?.length) out.push(`stop ×${p.stop.length}`);
  if (p.seed !== undefined) out.push(`seed ${p.seed}`);
  if (p.frequency_penalty !== undefined) out.push(`freq ${p.frequency_penalty}`);
  if (p.presence_penalty !== undefined) out.push(`pres ${p.presence_penalty}`);
  if (p.repetition_penalty !== undefined) out.push(`rep ${p.repetition_penalty}`);
  if (p.do_sample === false) out.push('greedy');
  if (p.response_format?.type === 'json_object') out.push('JSON');
  if (p.response_format?.type === 'json_schema') out.push('Schema');
  if (p.reasoning_effort) out.push(`effort ${p.reasoning_effort}`);
  if (p.reasoning_max_tokens !== undefined) out.push(`think ${k(p.reasoning_max_tokens)}`);
  if (p.extra && Object.keys(p.extra).length > 0) out.push(`+${Object.keys(p.extra).length}`);
  return out;
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
