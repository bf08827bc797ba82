import { describe, expect, it } from 'vitest';
import { schemaProblems, validateAnswer } from '../../../electron/host/params/json-schema.ts';
import { hostMessage } from '../../../shared/messages/messages.ts';

const schema = { type: 'object', properties: { count: { type: 'integer' }, label: { type: 'string' } }, required: ['count'] };

describe('JSON schema for structured output', () => {
  it('accepts a valid schema and refuses one that is not JSON Schema', () => {
    expect(schemaProblems(schema)).toEqual([]);
    expect(schemaProblems({ type: 'objekt' })[0]).toMatch(/type/);
    expect(schemaProblems([1])).toEqual([hostMessage('schema.not-object')]);
  });
  it('validates answers, listing every error with its path', () => {
    expect(validateAnswer(schema, '{"count": 3}')).toEqual({ valid: true, errors: [], value: { count: 3 } });
    const bad = validateAnswer(schema, '```json\n{"count": "three", "label": 4}\n```');
    expect(bad.valid).toBe(false);
    expect(bad.errors).toEqual(['/count must be integer', '/label must be string']);
    expect(validateAnswer(schema, 'three cats').errors[0]).toMatchObject({ code: 'schema.answer-not-json' });
  });
});
