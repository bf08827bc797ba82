/**
 * Checks each answer against the batch's JSON Schema with Ajv (draft-07 by default, 2020-12 when the schema says
 * so; formats such as `date` from ajv-formats). The JSON is taken from the answer the way the receipt preset's
 * check takes it: the first ```json fence, else the outermost object.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { extractJson } from '../../../shared/ocr/receipt.ts';
import { BadInputError } from '../bad-input.ts';

// ajv-formats is CommonJS: under ESM its default export is the plugin itself or an object holding it.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: Ajv) => Ajv;

export interface AnswerCheck {
  json: unknown;
  valid: boolean;
  errors: string[];
}

export interface AnswerSchema {
  /** Top-level property names, in schema order: the columns of the CSV. */
  columns: string[];
  check(answer: string): AnswerCheck;
}

/** Compiles a schema given as text; a schema that is not JSON or not a valid schema is refused naming `name`. */
export function compileAnswerSchema(name: string, text: string): AnswerSchema {
  let schema: Record<string, unknown>;
  try {
    schema = JSON.parse(text) as Record<string, unknown>;
  } catch (e) {
    throw new BadInputError(`${name} is not JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!schema || typeof schema !== 'object' || Array.isArray(schema))
    throw new BadInputError(`${name} is not a JSON Schema object.`);
  const is2020 = typeof schema.$schema === 'string' && schema.$schema.includes('2020-12');
  const ajv = is2020 ? new Ajv2020({ allErrors: true, strict: false }) : new Ajv({ allErrors: true, strict: false });
  addFormats(ajv as Ajv);
  let validate: ValidateFunction;
  try {
    validate = ajv.compile(schema);
  } catch (e) {
    throw new BadInputError(`${name} is not a valid JSON Schema: ${e instanceof Error ? e.message : String(e)}`);
  }
  const props = schema.properties && typeof schema.properties === 'object' ? Object.keys(schema.properties) : [];
  return {
    columns: props,
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
