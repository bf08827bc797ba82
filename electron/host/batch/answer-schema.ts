/**
 * Checks each answer against the batch's JSON Schema with Ajv (draft-07 by default, 2020-12 when the schema says
 * so; formats such as `date` from ajv-formats). The JSON is taken from the answer the way the receipt preset's
 * check takes it: the first ```json fence, else the outermost object. A hostile schema is bounded as in the
 * playground (params/schema-safety.ts: size and depth limits, no $ref inlining, RE2 patterns), and the CLI and the
 * Batch view first compile it in the guard's child process with a deadline ({@link vetAnswerSchema}), and a running batch
 * checks each answer there too ({@link guardedAnswerSchema}), never on the host's thread.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { extractJson } from '../../../shared/ocr/receipt.ts';
import { hostMessage } from '../../../shared/messages/messages.ts';
import { BadInputError } from '../bad-input.ts';
import { batchLimitRefusal, SAFE_AJV_OPTIONS, schemaLimitProblem } from '../params/schema-safety.ts';

// ajv-formats is CommonJS: under ESM its default export is the plugin itself or an object holding it.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: Ajv) => Ajv;

export interface AnswerCheck {
  json: unknown;
  valid: boolean;
  errors: string[];
}

/** What a batch checks its answers with: in the guard's child process (guardedAnswerSchema), or here (tests, the checker itself). */
export interface BatchAnswerSchema {
  /** Top-level property names, in schema order: the columns of the CSV. */
  columns: string[];
  check(answer: string): AnswerCheck | Promise<AnswerCheck>;
}

export interface AnswerSchema extends BatchAnswerSchema {
  check(answer: string): AnswerCheck;
  /** Runs the validator on a parsed value (the vetting child's probes). */
  accepts(value: unknown): boolean;
}

/** Compiles a schema given as text; a schema that is not JSON or not a valid schema is refused naming `name`. */
export function compileAnswerSchema(name: string, text: string): AnswerSchema {
  let schema: Record<string, unknown>;
  try {
    schema = JSON.parse(text) as Record<string, unknown>;
  } catch (e) {
    throw new BadInputError(hostMessage('batch.schema-not-json', { name, reason: e instanceof Error ? e.message : String(e) }));
  }
  if (!schema || typeof schema !== 'object' || Array.isArray(schema))
    throw new BadInputError(hostMessage('batch.schema-not-object', { name }));
  const limit = schemaLimitProblem(schema, text);
  if (limit) throw new BadInputError(batchLimitRefusal(name, limit));
  const is2020 = typeof schema.$schema === 'string' && schema.$schema.includes('2020-12');
  const options = { ...SAFE_AJV_OPTIONS, allErrors: true };
  const ajv = is2020 ? new Ajv2020(options) : new Ajv(options);
  addFormats(ajv as Ajv);
  let validate: ValidateFunction;
  try {
    validate = ajv.compile(schema);
  } catch (e) {
    throw new BadInputError(hostMessage('batch.schema-invalid', { name, reason: e instanceof Error ? e.message : String(e) }));
  }
  const props = schema.properties && typeof schema.properties === 'object' ? Object.keys(schema.properties) : [];
  return {
    columns: props,
    accepts: (value) => validate(value) as boolean,
    check(answer) {
      const raw = extractJson(answer);
      if (raw === null) return { json: null, valid: false, errors: ['the answer holds no JSON'] };
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch (e) {
        return {
          json: null,
          valid: false,
          errors: [`the answer's JSON does not parse: ${e instanceof Error ? e.message : String(e)}`],
        };
      }
      const valid = validate(json) as boolean;
      const errors = (validate.errors ?? []).map((er) => `${er.instancePath || '/'} ${er.message ?? 'is invalid'}`);
      return { json, valid, errors };
    },
  };
}

/**
 * The schema a running batch checks its answers with: compiled here once for its columns (after vetting, so
 * quickly), while each answer is checked in the guard's child process under its deadline, so an answer that sends a
 * hostile schema's check into a spin fails that one file instead of freezing the batch (and the app).
 */
export function guardedAnswerSchema(
  name: string,
  text: string,
  guard?: { checkBatchAnswer(name: string, text: string, answer: string): Promise<AnswerCheck> },
): BatchAnswerSchema {
  const { columns } = compileAnswerSchema(name, text);
  return {
    columns,
    async check(answer) {
      const g = guard ?? (await import('../params/schema-guard.ts')).schemaGuard();
      return g.checkBatchAnswer(name, text, answer);
    },
  };
}

/**
 * Compiles the schema once in the guard's child process, with its deadline, before the batch compiles it here: a schema
 * whose compile would hang is refused (as bad input naming `name`) instead of freezing the command or the app.
 */
export async function vetAnswerSchema(name: string, text: string): Promise<void> {
  const { schemaGuard } = await import('../params/schema-guard.ts');
  const problem = await schemaGuard().vetBatchSchema(name, text);
  if (problem) throw new BadInputError(problem);
}
