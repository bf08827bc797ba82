import { describe, expect, it } from 'vitest';
import {
  classifyHttpError,
  errorFromFinishReason,
  errorPayload,
  parseRetryAfter,
  redactSecrets,
} from '../../../shared/engine/errors.ts';

const zai = (status: number, code: string, message: string) => classifyHttpError({ status, body: { error: { code, message } } });
const openrouter = (status: number, message: string, retryAfter: string | null = null) =>
  classifyHttpError({ status, body: { error: { code: status, message, metadata: {} } }, retryAfter });

describe('Z.AI error codes', () => {
  it.each([
    [429, '1113', 'Insufficient balance or no resource package. Please recharge.', 'quota'],
    [
      429,
      '1302',
      'High concurrency usage of this API, please reduce concurrency or contact customer service to increase limits',
      'rate-limit',
    ],
    [429, '1303', 'High frequency usage of this API, please reduce frequency', 'rate-limit'],
    [429, '1304', 'The daily call limit for this API has been reached', 'quota'],
    [400, '1261', 'Prompt exceeds max length', 'context-length'],
    [400, '1301', 'System detected potentially unsafe or sensitive content in input or generation.', 'content-filter'],
    [401, '1000', 'Authentication Failed', 'auth'],
    [401, '1001', 'Header中未收到Authentication参数，无法进行身份验证', 'auth'],
    [401, '1002', 'Invalid Authentication Token', 'auth'],
    [401, '1003', 'Authentication Token expired', 'auth'],
    [400, '1211', 'Unknown Model, please check the model code', 'bad-request'],
  ])('HTTP %i code %s -> %s', (status, code, message, kind) => {
    const e = zai(status, code, message);
    expect(e.kind).toBe(kind);
    expect(e.status).toBe(status);
    expect(e.code).toBe(code);
    expect(e.message).toBe(message);
  });

  it('reads a numeric Z.AI code the same as a string one', () => {
    expect(classifyHttpError({ status: 429, body: { error: { code: 1113, message: 'x' } } }).kind).toBe('quota');
  });
});

describe('OpenRouter statuses', () => {
  it.each([
    [400, "This endpoint's maximum context length is 65536 tokens. However, you requested about 70000 tokens.", 'context-length'],
    [400, 'Invalid request: messages must be an array', 'bad-request'],
    [401, 'No auth credentials found', 'auth'],
    [402, 'Insufficient credits. Add more using https://openrouter.ai/credits', 'quota'],
    [403, 'Your input was flagged for violence', 'content-filter'],
    [408, 'Request timed out', 'timeout'],
    [429, 'Rate limit exceeded: free-models-per-min', 'rate-limit'],
    [502, 'Provider returned error', 'server'],
    [503, 'No instances available', 'server'],
  ])('HTTP %i -> %s', (status, message, kind) => {
    const e = openrouter(status, message);
    expect(e.kind).toBe(kind);
    expect(e.status).toBe(status);
    expect(e.message).toBe(message);
  });

  it('gives a generic sentence when the body has no message', () => {
    const e = classifyHttpError({ status: 503, body: '' });
    expect(e.kind).toBe('server');
    expect(e.message).toMatch(/server error/);
  });
});

describe('errors inside a 200 stream (status null)', () => {
  it('takes the upstream status from a numeric code (OpenRouter)', () => {
    const e = classifyHttpError({ status: null, body: { error: { code: 502, message: 'Upstream provider went away' } } });
    expect(e).toMatchObject({ kind: 'server', status: null, code: '502', message: 'Upstream provider went away' });
  });

  it.each([
    [429, 'rate-limit'],
    [402, 'quota'],
    [401, 'auth'],
  ])('numeric code %i -> %s', (code, kind) => {
    expect(classifyHttpError({ status: null, body: { error: { code, message: 'm' } } }).kind).toBe(kind);
  });

  it('maps a Z.AI code without status', () => {
    expect(classifyHttpError({ status: null, body: { error: { code: '1301', message: 'unsafe' } } }).kind).toBe('content-filter');
  });

  it('falls back to server for an unknown in-stream error', () => {
    expect(classifyHttpError({ status: null, body: { error: { message: 'boom' } } }).kind).toBe('server');
  });
});

describe('Retry-After', () => {
  it('reads seconds', () => {
    expect(parseRetryAfter('30')).toBe(30);
    expect(parseRetryAfter('0')).toBe(0);
    expect(openrouter(429, 'slow down', '7').retry_after_s).toBe(7);
  });

  it('reads an HTTP date relative to now', () => {
    const now = Date.parse('Wed, 21 Oct 2026 07:28:00 GMT');
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:45 GMT', now)).toBe(45);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:27:00 GMT', now)).toBe(0);
  });

  it('gives null when absent or unreadable', () => {
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter('soon')).toBeNull();
    expect(openrouter(429, 'x').retry_after_s).toBeNull();
  });
});

describe('finish reasons that are errors', () => {
  it('sensitive -> content-filter', () => {
    expect(errorFromFinishReason('sensitive')).toMatchObject({ kind: 'content-filter', code: 'sensitive', status: null });
  });
  it('model_context_window_exceeded -> context-length', () => {
    expect(errorFromFinishReason('model_context_window_exceeded')).toMatchObject({ kind: 'context-length' });
  });
  it('network_error -> server', () => {
    expect(errorFromFinishReason('network_error')?.kind).toBe('server');
  });
  it.each(['stop', 'length', 'tool_calls', null])('%s is not an error', (reason) => {
    expect(errorFromFinishReason(reason)).toBeNull();
  });
});

describe('errorPayload', () => {
  it('reads {error:{code,message}} and a bare {code,message}', () => {
    expect(errorPayload({ error: { code: '1302', message: 'm' } })).toMatchObject({ code: '1302', message: 'm' });
    expect(errorPayload({ code: 500, message: 'bare' })).toMatchObject({ code: '500', message: 'bare' });
    expect(errorPayload({ error: { type: 'invalid_request_error', message: 'm' } }).code).toBe('invalid_request_error');
  });
  it('keeps a plain-text body as the message', () => {
    expect(errorPayload('Bad Gateway')).toEqual({ code: null, message: 'Bad Gateway', raw: null });
  });
});

describe('redactSecrets', () => {
  const OR_KEY = 'sk-or-v1-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';
  const ZAI_KEY = '0123456789abcdef0123456789abcdef.AbCdEfGhIjKlMnOp';

  it('masks sk-… keys', () => {
    const out = redactSecrets(`Incorrect API key provided: ${OR_KEY}.`);
    expect(out).not.toContain('0123456789abcdef');
    expect(out).toContain('sk-…');
    expect(redactSecrets('key sk-proj-ABCDEFGH12345678 rejected')).toBe('key sk-… rejected');
  });

  it('masks Bearer tokens', () => {
    const out = redactSecrets('Authorization: Bearer abc.def-ghi_123 was refused');
    expect(out).toBe('Authorization: Bearer … was refused');
    expect(redactSecrets('header "bearer xyz123" bad')).toBe('header "bearer …" bad');
  });

  it('masks Z.AI id.secret keys', () => {
    expect(redactSecrets(`key ${ZAI_KEY} invalid`)).toBe('key … invalid');
  });

  it('leaves ordinary text alone', () => {
    const text = 'Rate limit reached for requests; task-scheduler ok';
    expect(redactSecrets(text)).toBe(text);
  });

  it('redacts the message of a classified error', () => {
    const e = classifyHttpError({ status: 401, body: { error: { code: '1000', message: `Invalid key ${OR_KEY}` } } });
    expect(e.message).not.toContain(OR_KEY.slice(10));
  });
});
