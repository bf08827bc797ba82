/**
 * Checks parameters against the dialect's catalog: a value out of range, a parameter the provider does not take,
 * or a response format it cannot do is a problem naming the parameter and what is allowed. The panel checks as
 * the person types, the CLI as it parses, and the host again before anything is sent.
 */
import { type ParamDialect, paramSupport, type ParamRule, rangeText } from './catalog.ts';
import { NUMERIC_KEYS, PARAM_LABELS, type ParamKey, type SamplingParams } from './types.ts';

export interface ParamProblem {
  key: ParamKey;
  message: string;
}

/** Whether a number fits a rule; the refusal says the allowed range. */
export function checkNumber(key: ParamKey, n: number, rule: ParamRule): string | null {
  const bad = () => `${PARAM_LABELS[key]} takes ${rangeText(rule)}; ${n} is outside that.`;
  if (!Number.isFinite(n)) return `${PARAM_LABELS[key]} takes ${rangeText(rule)}.`;
  if (rule.integer && !Number.isInteger(n)) return `${PARAM_LABELS[key]} takes ${rangeText(rule)}; ${n} is not whole.`;
  if (rule.min !== undefined && (rule.minExclusive ? n <= rule.min : n < rule.min)) return bad();
  if (rule.max !== undefined && n > rule.max) return bad();
  return null;
}

/** Why a typed value is refused, as data: the window words it in its own language with the rule's range. */
export type TypedProblem = 'not-a-number' | 'not-whole' | 'outside';

/** The problem of a finite number under a rule, or null when it fits. */
export function numberProblem(n: number, rule: ParamRule): Exclude<TypedProblem, 'not-a-number'> | null {
  if (rule.integer && !Number.isInteger(n)) return 'not-whole';
  if (rule.min !== undefined && (rule.minExclusive ? n <= rule.min : n < rule.min)) return 'outside';
  if (rule.max !== undefined && n > rule.max) return 'outside';
  return null;
}

/**
 * Parses what was typed into a numeric field: a number within the rule, or why not (`error` is the English,
 * `problem` and `typed` the same as data). Blank means "default".
 */
export function parseTyped(
  key: ParamKey,
  text: string,
  rule: ParamRule,
): { value: number | undefined } | { error: string; problem: TypedProblem; typed: string } {
  const t = text.trim();
  if (!t) return { value: undefined };
  const n = Number(t);
  if (!Number.isFinite(n))
    return { error: `${PARAM_LABELS[key]} takes ${rangeText(rule)}; “${t}” is not a number.`, problem: 'not-a-number', typed: t };
  const problem = numberProblem(n, rule);
  return problem ? { error: checkNumber(key, n, rule) ?? '', problem, typed: t } : { value: n };
}

/** Every problem of a parameter set for one dialect and model; empty when it can be sent as is. */
export function checkParams(dialect: ParamDialect, model: string, p: SamplingParams, live?: readonly string[]): ParamProblem[] {
  const out: ParamProblem[] = [];
  const support = (key: ParamKey) => {
    const s = paramSupport(dialect, key, model, live);
    if (!s.ok) out.push({ key, message: s.reason });
    return s.ok ? s.rule : null;
  };
  for (const key of NUMERIC_KEYS) {
    const v = p[key];
    if (v === undefined) continue;
    const rule = support(key);
    const problem = rule && checkNumber(key, v, rule);
    if (problem) out.push({ key, message: problem });
  }
  if (p.stop !== undefined && p.stop.length > 0) {
    const rule = support('stop');
    if (rule?.maxItems !== undefined && p.stop.length > rule.maxItems)
      out.push({
        key: 'stop',
        message: `This provider takes at most ${rule.maxItems} stop sequence${rule.maxItems === 1 ? '' : 's'}.`,
      });
    if (p.stop.some((s) => s.length === 0)) out.push({ key: 'stop', message: 'A stop sequence cannot be empty.' });
  }
  if (p.do_sample !== undefined) support('do_sample');
  if (p.reasoning_effort !== undefined) support('reasoning_effort');
  if (p.reasoning_effort !== undefined && p.reasoning_max_tokens !== undefined)
    out.push({ key: 'reasoning_max_tokens', message: 'Give a reasoning effort or a reasoning budget, not both.' });
  const f = p.response_format;
  if (f && f.type !== 'text') {
    const rule = support('response_format');
    if (rule && !rule.formats?.includes(f.type))
      out.push({
        key: 'response_format',
        message: `This provider does not take ${f.type === 'json_object' ? 'JSON mode' : 'a JSON schema'} (it takes ${rule.formats?.join(', ') || 'text only'}).`,
      });
  }
  return out;
}

/** Whether nothing is set: every parameter is the provider's default. */
export function isAllDefault(p: SamplingParams): boolean {
  return Object.values(p).every((v) => v === undefined);
}
