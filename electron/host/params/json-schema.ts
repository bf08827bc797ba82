/**
 * JSON Schema for structured output, with ajv 8 (draft-07 and 2019-09 keywords, every error listed). Runs in the
 * host: ajv compiles a validator to code, which the renderer's CSP forbids (no eval), and the CLI loads this file
 * only when a schema is given, so a plain `glimpse ask` starts without it. Callers reach it through the child process of
 * schema-guard.ts (with a deadline); the limits and safe options are in schema-safety.ts.
 */
import { Ajv, type ErrorObject } from 'ajv';
import type { SchemaProblem } from '../../../shared/bridge/playground.ts';
import { hostMessage } from '../../../shared/messages/messages.ts';
import { SAFE_AJV_OPTIONS, schemaLimitProblem } from './schema-safety.ts';

const ajv = new Ajv({ ...SAFE_AJV_OPTIONS, allErrors: true, validateFormats: false });

/** A compiled schema per JSON text: validating every answer of a session compiles it once. */
const compiled = new Map<string, ReturnType<Ajv['compile']>>();
const MAX_CACHED = 50;

const errorLine = (e: ErrorObject): string => `${e.instancePath || '(the whole answer)'} ${e.message ?? 'is invalid'}`.trim();

/** Why a schema is not valid JSON Schema; empty when it is. */
export function schemaProblems(schema: unknown): SchemaProblem[] {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return [hostMessage('schema.not-object')];
  const limit = schemaLimitProblem(schema);
  if (limit) return [limit];
  if (!ajv.validateSchema(schema as object))
    return (ajv.errors ?? []).map((e) => `schema${errorLine(e).replace(/^\(the whole answer\)/, '')}`);
  try {
    validatorFor(schema as object);
    return [];
  } catch (e) {
    return [e instanceof Error ? e.message : String(e)];
  }
}

function validatorFor(schema: object) {
  const key = JSON.stringify(schema);
  let v = compiled.get(key);
  if (!v) {
    v = ajv.compile(schema);
    if (compiled.size >= MAX_CACHED) compiled.delete(compiled.keys().next().value!);
    compiled.set(key, v);
  }
  return v;
}

export interface AnswerCheck {
  /** False when the answer is not JSON, or not what the schema asks for. */
  valid: boolean;
  /** Each problem on one line, "/path message"; the parse error when the answer is not JSON. */
  errors: SchemaProblem[];
  /** The parsed answer, when it parsed. */
  value?: unknown;
}

/** The JSON in an answer: the whole text, or the inside of a ```json fence a model wrapped it in. */
export function answerJson(text: string): { ok: true; value: unknown } | { ok: false; error: SchemaProblem } {
  const fenced = /^\s*```(?:json)?\s*\n([\s\S]*?)\n?```\s*$/i.exec(text);
  const body = (fenced ? fenced[1]! : text).trim();
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (e) {
    return { ok: false, error: hostMessage('schema.answer-not-json', { reason: e instanceof Error ? e.message : String(e) }) };
  }
}

/** Checks an answer against a schema (which must itself be valid: see {@link schemaProblems}). */
export function validateAnswer(schema: object, text: string): AnswerCheck {
  const parsed = answerJson(text);
  if (!parsed.ok) return { valid: false, errors: [parsed.error] };
  const validate = validatorFor(schema);
  const valid = validate(parsed.value) as boolean;
  return { valid, errors: valid ? [] : (validate.errors ?? []).map(errorLine), value: parsed.value };
}
