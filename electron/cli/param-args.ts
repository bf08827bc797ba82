/**
 * The playground's command-line options (issue #10), shared by `ask` and `compare`: the system prompt, sampling
 * parameters, structured output and pass-through extras, parsed into the same SamplingParams the app sends.
 * Types are checked here; ranges against the provider's dialect once it is known (see checkCliParams).
 */
import { readFileSync } from 'node:fs';
import { paramSupport, type ParamDialect } from '../../shared/params/catalog.ts';
import { checkParams } from '../../shared/params/check.ts';
import type { NumericKey, SamplingParams } from '../../shared/params/types.ts';
import { UsageError } from './usage-error.ts';

export const PARAM_OPTIONS = {
  system: { type: 'string' },
  temperature: { type: 'string' },
  'top-p': { type: 'string' },
  'top-k': { type: 'string' },
  'max-tokens': { type: 'string' },
  stop: { type: 'string', multiple: true },
  seed: { type: 'string' },
  'response-format': { type: 'string' },
  'json-schema': { type: 'string' },
  param: { type: 'string', multiple: true },
  'print-request': { type: 'boolean' },
} as const;

export const PARAM_HELP = `  --system TEXT|@FILE  System prompt (sent first), or the contents of FILE.
  --temperature N     --top-p N   --top-k N   --max-tokens N   --seed N
                      Sampling parameters; unset ones are the provider's default and are not sent. A value
                      outside the provider's range, or a parameter it does not take, is refused with the reason.
  --stop TEXT         A stop sequence; repeat for several (up to what the provider takes).
  --response-format text|json   Ask for a JSON object.
  --json-schema FILE  Ask for JSON following this schema; the answer is checked against it (schema_valid).
  --param KEY=VALUE   Passed through as is (VALUE as JSON when it parses, else text), for servers with extras.
  --print-request     Print the request body that would be sent (no key) and send nothing.`;

const NUMERIC: [string, NumericKey][] = [
  ['temperature', 'temperature'],
  ['top-p', 'top_p'],
  ['top-k', 'top_k'],
  ['max-tokens', 'max_tokens'],
  ['seed', 'seed'],
];

type Values = Partial<Record<keyof typeof PARAM_OPTIONS, string | string[] | boolean | undefined>>;

/** Reads a file an option names; a missing or unreadable one is a usage error naming it. */
function readOption(option: string, file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`${option}: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`);
  }
}

export function parseParamValues(v: Values): { params: SamplingParams; printRequest: boolean } {
  const p: SamplingParams = {};
  const system = v.system as string | undefined;
  if (system !== undefined) p.system = system.startsWith('@') ? readOption('--system', system.slice(1)) : system;
  for (const [flag, key] of NUMERIC) {
    const s = v[flag as keyof Values] as string | undefined;
    if (s === undefined) continue;
    const n = Number(s);
    if (!s.trim() || !Number.isFinite(n)) throw new UsageError(`--${flag} takes a number; “${s}” is not one.`);
    p[key] = n;
  }
  const stop = (v.stop as string[] | undefined) ?? [];
  if (stop.length > 0) p.stop = stop;
  const format = v['response-format'] as string | undefined;
  if (format !== undefined && format !== 'text' && format !== 'json')
    throw new UsageError('--response-format takes text or json (use --json-schema FILE for a schema).');
  if (format === 'json') p.response_format = { type: 'json_object' };
  const schemaFile = v['json-schema'] as string | undefined;
  if (schemaFile !== undefined) {
    if (format === 'json') throw new UsageError('Give --response-format json or --json-schema FILE, not both.');
    let schema: unknown;
    try {
      schema = JSON.parse(readOption('--json-schema', schemaFile));
    } catch (e) {
      if (e instanceof UsageError) throw e;
      throw new UsageError(`--json-schema: ${schemaFile} is not JSON (${(e as Error).message}).`);
    }
    if (!schema || typeof schema !== 'object' || Array.isArray(schema))
      throw new UsageError(`--json-schema: ${schemaFile} must hold a JSON object (a JSON Schema).`);
    p.response_format = { type: 'json_schema', name: 'answer', schema: schema as Record<string, unknown> };
  }
  for (const kv of (v.param as string[] | undefined) ?? []) {
    const eq = kv.indexOf('=');
    if (eq <= 0) throw new UsageError(`--param takes KEY=VALUE; “${kv}” has no key.`);
    const key = kv.slice(0, eq).trim();
    const raw = kv.slice(eq + 1);
    let value: unknown = raw;
    try {
      value = JSON.parse(raw);
    } catch {
      // Not JSON: sent as the text it is.
    }
    p.extra = { ...(p.extra ?? {}), [key]: value };
  }
  return { params: p, printRequest: Boolean(v['print-request']) };
}

/** Ranges and support for the provider's dialect: a usage error naming the parameter and what it allows. */
export function checkCliParams(dialect: ParamDialect, model: string, p: SamplingParams): void {
  const problems = checkParams(dialect, model, p);
  if (problems.length > 0) throw new UsageError(problems.map((x) => x.message).join(' '));
}

/** Lane keys that set parameters (`--lane "temperature=0,system=Be brief"`), with their parsers. */
export function laneParam(key: string, value: string): Partial<SamplingParams> | null {
  const numeric = NUMERIC.find(([flag, k]) => flag === key || k === key);
  if (numeric) {
    const n = Number(value);
    if (!Number.isFinite(n)) throw new UsageError(`--lane: ${key} takes a number.`);
    return { [numeric[1]]: n };
  }
  if (key === 'system') return { system: value.startsWith('@') ? readOption('--lane system', value.slice(1)) : value };
  if (key === 'stop') return { stop: value.split('|') };
  if (key === 'response-format') {
    if (value === 'text') return { response_format: undefined };
    if (value === 'json') return { response_format: { type: 'json_object' } };
    throw new UsageError('--lane: response-format takes text or json.');
  }
  return null;
}

/** Whether a parameter is usable at all by a dialect (for help text and lane checks). */
export const takes = (dialect: ParamDialect, key: NumericKey) => paramSupport(dialect, key).ok;
