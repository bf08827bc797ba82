/**
 * What keeps a hostile JSON Schema from hanging the host, wherever a schema is compiled (the playground, `glimpse
 * ask --json-schema`, `glimpse batch --json-schema`):
 * - limits checked before ajv sees the schema: its size as JSON text and how deeply it nests;
 * - ajv options: `$ref`s are not inlined (a chain of definitions that each use the next twice would otherwise grow
 *   the generated code exponentially), and `pattern` / `patternProperties` run on RE2 (re2js: linear-time matching,
 *   no backtracking), so `(a+)+$` against a long answer takes milliseconds, not forever;
 * - and, for the requests the window and `ask` make, the work runs in a child process with a deadline and a heap limit (schema-guard.ts).
 */
import { RE2JS } from 're2js';
import { type HostMessage, hostMessage } from '../../../shared/messages/messages.ts';
import { MAX_SCHEMA_DEPTH, schemaDepth } from '../../../shared/params/schema-depth.ts';

/** Largest schema accepted, as JSON text: far above any hand-written structured-output schema. */
export const MAX_SCHEMA_BYTES = 256 * 1024;
export { MAX_SCHEMA_DEPTH } from '../../../shared/params/schema-depth.ts';

/** Why a schema is refused before it is compiled, or null. `text` is its JSON when the caller already has it. */
export function schemaLimitProblem(schema: unknown, text?: string): HostMessage | null {
  // Depth first: it is counted without recursion, and JSON.stringify of a very deep value would overflow the stack.
  if (schemaDepth(schema) > MAX_SCHEMA_DEPTH) return hostMessage('schema.too-deep', { max: MAX_SCHEMA_DEPTH });
  const bytes = text !== undefined ? Buffer.byteLength(text, 'utf8') : jsonBytes(schema);
  if (bytes > MAX_SCHEMA_BYTES)
    return hostMessage('schema.too-big', { kb: Math.ceil(bytes / 1024), max: MAX_SCHEMA_BYTES / 1024 });
  return null;
}

function jsonBytes(schema: unknown): number {
  try {
    return Buffer.byteLength(JSON.stringify(schema) ?? '', 'utf8');
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

interface RegExpLike {
  test(s: string): boolean;
}

/**
 * ajv's `code.regExp`: patterns compiled by RE2 instead of the backtracking engine. A pattern RE2 cannot run
 * (lookaround, backreferences) is refused when the schema is compiled, naming the pattern.
 */
function re2(pattern: string, _flags?: string): RegExpLike {
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(pattern);
  } catch (e) {
    throw new Error(
      `the pattern ${JSON.stringify(pattern).slice(0, 200)} cannot be matched safely (${e instanceof Error ? e.message : String(e)}); lookaround and backreferences are not supported`,
    );
  }
  return { test: (s) => compiled.test(s) };
}
re2.code = 'require("re2js").RE2JS';

/** The options every ajv instance here is made with (plus its own `allErrors`, formats...). */
export const SAFE_AJV_OPTIONS = {
  strict: false,
  inlineRefs: false,
  code: { regExp: re2 },
} as const;

/** A limit of {@link schemaLimitProblem} as a batch says it, naming the schema's file. */
export function batchLimitRefusal(name: string, limit: HostMessage): HostMessage {
  return limit.code === 'schema.too-deep'
    ? hostMessage('batch.schema-too-deep', { name, max: Number(limit.params.max) })
    : hostMessage('batch.schema-too-big', { name, kb: Number(limit.params.kb), max: Number(limit.params.max) });
}
