import { describe, expect, it } from 'vitest';
import { buildRequestBody, type ChatMessage } from '../../../shared/engine/request-body.ts';
import { PARAM_CATALOG, type ParamDialect, paramSupport } from '../../../shared/params/catalog.ts';
import { checkParams, parseTyped } from '../../../shared/params/check.ts';
import { PARAM_KEYS, type ParamKey, type SamplingParams } from '../../../shared/params/types.ts';
import { catalogEntry, type ThinkingDialect } from '../../../shared/providers/catalog.ts';

const messages: ChatMessage[] = [{ role: 'user', content: 'What is in the picture?' }];
const DIALECTS = Object.keys(PARAM_CATALOG) as ParamDialect[];

const body = (dialect: ParamDialect, params: SamplingParams, thinking = true, thinkingDialect?: ThinkingDialect) =>
  buildRequestBody(catalogEntry(dialect === 'openrouter' ? 'openrouter' : 'custom'), {
    model: 'm',
    thinking,
    messages,
    params,
    paramDialect: dialect,
    thinkingDialect: thinkingDialect ?? (dialect === 'openrouter' ? 'openrouter' : 'none'),
  });

/** A value in range for each parameter, and where it lands in the body. */
const SAMPLES: Record<Exclude<ParamKey, 'reasoning_effort' | 'reasoning_max_tokens' | 'response_format'>, unknown> = {
  temperature: 0.5,
  top_p: 0.5,
  top_k: 5,
  max_tokens: 200,
  stop: ['END'],
  seed: 42,
  frequency_penalty: 0.5,
  presence_penalty: -0.5,
  repetition_penalty: 1.1,
  do_sample: false,
};

describe('every parameter of every dialect, set and default', () => {
  for (const dialect of DIALECTS) {
    for (const [key, value] of Object.entries(SAMPLES) as [keyof typeof SAMPLES, unknown][]) {
      const rule = PARAM_CATALOG[dialect][key];
      if (!rule) continue;
      const wire = rule.wireName ?? key;
      it(`${dialect}: ${key} is sent as ${wire} when set, absent when default`, () => {
        const set = body(dialect, { [key]: value } as SamplingParams);
        expect(set[wire]).toEqual(value);
        expect(checkParams(dialect, 'm', { [key]: value } as SamplingParams)).toEqual([]);
        const dflt = body(dialect, {});
        expect(dflt).not.toHaveProperty(wire);
        expect(dflt).not.toHaveProperty(key);
      });
    }
    for (const key of PARAM_KEYS) {
      if (PARAM_CATALOG[dialect][key]) continue;
      it(`${dialect}: ${key} is refused with the reason`, () => {
        const s = paramSupport(dialect, key);
        expect(s.ok).toBe(false);
        if (!s.ok) expect(s.reason).toContain(key);
      });
    }
    it(`${dialect}: response formats`, () => {
      // A dialect with no response_format at all (Local OCR) refuses both structured formats.
      const formats = PARAM_CATALOG[dialect].response_format?.formats ?? [];
      const schema = { type: 'object', properties: { a: { type: 'number' } } };
      if (formats.includes('json_object')) {
        expect(body(dialect, { response_format: { type: 'json_object' } }).response_format).toEqual({ type: 'json_object' });
      } else {
        expect(checkParams(dialect, 'm', { response_format: { type: 'json_object' } })[0]?.key).toBe('response_format');
      }
      if (formats.includes('json_schema')) {
        expect(body(dialect, { response_format: { type: 'json_schema', name: 'answer', schema } }).response_format).toEqual({
          type: 'json_schema',
          json_schema: { name: 'answer', schema, strict: true },
        });
      } else {
        const problem = checkParams(dialect, 'm', { response_format: { type: 'json_schema', name: 'a', schema } })[0];
        expect(problem?.key).toBe('response_format');
        if (PARAM_CATALOG[dialect].response_format) expect(problem?.message).toMatch(/does not take a JSON schema/);
      }
      expect(body(dialect, {})).not.toHaveProperty('response_format');
    });
  }
});

describe('system prompt and pass-through', () => {
  it('puts the system prompt first, and sends none by default', () => {
    const b = body('vllm', { system: 'Answer in French.' });
    expect((b.messages as ChatMessage[])[0]).toEqual({ role: 'system', content: 'Answer in French.' });
    expect((body('vllm', {}).messages as ChatMessage[])[0]?.role).toBe('user');
  });
  it('passes --param extras through as is, but never over the engine fields', () => {
    const b = body('vllm', { extra: { min_p: 0.1, stream: false, model: 'x' } });
    expect(b.min_p).toBe(0.1);
    expect(b.stream).toBe(true);
    expect(b.model).toBe('m');
  });
});

describe('thinking dialects of custom servers', () => {
  it('chat template: enable_thinking both ways', () => {
    expect(body('vllm', {}, true, 'chat-template').chat_template_kwargs).toEqual({ enable_thinking: true });
    expect(body('vllm', {}, false, 'chat-template').chat_template_kwargs).toEqual({ enable_thinking: false });
  });
  it('reasoning_effort: none when off, the effort asked for when on, nothing by default', () => {
    expect(body('ollama', {}, false, 'reasoning-effort').reasoning_effort).toBe('none');
    expect(body('ollama', { reasoning_effort: 'high' }, true, 'reasoning-effort').reasoning_effort).toBe('high');
    expect(body('lmstudio', {}, true, 'reasoning-effort')).not.toHaveProperty('reasoning_effort');
    expect(body('lmstudio', {}, true, 'reasoning-effort')).not.toHaveProperty('chat_template_kwargs');
  });
  it('/nothink: appended to the question when off only', () => {
    expect((body('vllm', {}, false, 'nothink').messages as ChatMessage[]).at(-1)?.content).toBe(
      'What is in the picture? /nothink',
    );
    expect((body('vllm', {}, true, 'nothink').messages as ChatMessage[]).at(-1)?.content).toBe('What is in the picture?');
  });
  it('OpenRouter: reasoning effort or budget only while reasoning is on', () => {
    expect(body('openrouter', { reasoning_effort: 'low' }).reasoning).toEqual({ enabled: true, effort: 'low' });
    expect(body('openrouter', { reasoning_max_tokens: 2000 }).reasoning).toEqual({ enabled: true, max_tokens: 2000 });
    expect(body('openrouter', { reasoning_effort: 'low' }, false).reasoning).toEqual({ enabled: false });
    expect(body('openrouter', {}).reasoning).toEqual({ enabled: true });
  });
});

describe('ranges', () => {
  it('refuses out-of-range values naming the range', () => {
    expect(checkParams('zai', 'glm-4.5v', { temperature: 1.5 })[0]?.message).toBe(
      'Temperature takes from 0 to 1; 1.5 is outside that.',
    );
    expect(checkParams('openrouter', 'z-ai/glm-4.5v', { top_p: 0 })[0]?.message).toMatch(/above 0 up to 1/);
    expect(checkParams('zai', 'glm-4.5v', { stop: ['a', 'b'] })[0]?.message).toMatch(/at most 1 stop sequence/);
    expect(checkParams('vllm', 'm', { seed: 1.5 })[0]?.message).toMatch(/not whole/);
    expect(checkParams('zai', 'glm-4.5v', { top_k: 3 })[0]?.message).toMatch(/does not take top_k/);
  });
  it('parses typed text: blank is the default, junk and out-of-range are refused', () => {
    const rule = PARAM_CATALOG.openrouter.temperature!;
    expect(parseTyped('temperature', '', rule)).toEqual({ value: undefined });
    expect(parseTyped('temperature', '0.2', rule)).toEqual({ value: 0.2 });
    expect(parseTyped('temperature', 'hot', rule)).toEqual({
      error: expect.stringMatching(/not a number/),
      problem: 'not-a-number',
      typed: 'hot',
    });
    expect(parseTyped('temperature', '3', rule)).toEqual({
      error: expect.stringMatching(/from 0 to 2/),
      problem: 'outside',
      typed: '3',
    });
    expect(parseTyped('max_tokens', '1.5', { integer: true, min: 1, providerDefault: 'none' })).toMatchObject({
      problem: 'not-whole',
    });
  });
  it("OpenRouter follows the model's supported parameters", () => {
    expect(paramSupport('openrouter', 'top_k', 'z-ai/glm-4.5v').ok).toBe(true);
    expect(paramSupport('openrouter', 'top_k', 'x/y', ['temperature']).ok).toBe(false);
  });
});

describe('custom servers', () => {
  it('take the dialects of their kind, unless the person picked a thinking switch', async () => {
    const { dialectsOf, guessServer } = await import('../../../shared/params/dialect.ts');
    const custom = catalogEntry('custom');
    expect(dialectsOf(custom, { server: 'ollama' })).toEqual({ params: 'ollama', thinking: 'reasoning-effort' });
    expect(dialectsOf(custom, { server: 'sglang', thinkingDialect: 'nothink' })).toEqual({
      params: 'sglang',
      thinking: 'nothink',
    });
    expect(dialectsOf(custom)).toEqual({ params: 'vllm', thinking: 'chat-template' });
    expect(dialectsOf(catalogEntry('zai'), { server: 'ollama' })).toEqual({ params: 'zai', thinking: 'zai' });
    expect(dialectsOf(catalogEntry('ollama'))).toEqual({ params: 'ollama', thinking: 'reasoning-effort' });
    expect(guessServer('http://localhost:11434/v1')).toBe('ollama');
    expect(guessServer('http://localhost:1234/v1')).toBe('lmstudio');
    expect(guessServer('https://example.com/v1')).toBeNull();
  });
});
