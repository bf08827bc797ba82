import { describe, expect, it } from 'vitest';
import { buildRequestBody, type ChatMessage } from '../../../shared/engine/request-body.ts';
import { catalogEntry } from '../../../shared/providers/catalog.ts';

const messages: ChatMessage[] = [
  {
    role: 'user',
    content: [
      { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
      { type: 'text', text: 'Locate the cat in the image and give its bounding box.' },
    ],
  },
];
const body = (catalogId: string, thinking: boolean, extra: { upstream?: string[]; maxTokens?: number } = {}) =>
  buildRequestBody(catalogEntry(catalogId), { model: 'glm-4.5v', thinking, messages, ...extra });

describe('buildRequestBody: the thinking switch is sent both ways', () => {
  it.each(['zai', 'bigmodel'])('%s: thinking.type enabled / disabled', (id) => {
    expect(body(id, true).thinking).toEqual({ type: 'enabled' });
    expect(body(id, false).thinking).toEqual({ type: 'disabled' });
    expect(body(id, false)).not.toHaveProperty('chat_template_kwargs');
    expect(body(id, false)).not.toHaveProperty('reasoning');
  });

  it('openrouter: reasoning.enabled true / false', () => {
    expect(body('openrouter', true).reasoning).toEqual({ enabled: true });
    expect(body('openrouter', false).reasoning).toEqual({ enabled: false });
    expect(body('openrouter', false)).not.toHaveProperty('thinking');
  });

  it.each(['custom', 'novita'])('%s (chat template): chat_template_kwargs.enable_thinking true / false', (id) => {
    expect(body(id, true).chat_template_kwargs).toEqual({ enable_thinking: true });
    expect(body(id, false).chat_template_kwargs).toEqual({ enable_thinking: false });
    expect(body(id, false)).not.toHaveProperty('thinking');
  });

  it.each(['ollama', 'lmstudio'])('%s (reasoning effort): reasoning_effort "none" for fast, nothing for thinking', (id) => {
    expect(buildRequestBody(catalogEntry(id), { model: 'm', thinking: false, messages }).reasoning_effort).toBe('none');
    const on = buildRequestBody(catalogEntry(id), { model: 'm', thinking: true, messages });
    expect('reasoning_effort' in on || 'chat_template_kwargs' in on).toBe(false);
  });

  it.each(['vllm', 'sglang', 'llamacpp'])('%s found on this computer speaks the chat-template dialect', (id) => {
    expect(buildRequestBody(catalogEntry(id), { model: 'm', thinking: false, messages }).chat_template_kwargs).toEqual({
      enable_thinking: false,
    });
  });

  it('sends no switch for a dialect that has none', () => {
    const b = buildRequestBody({ ...catalogEntry('custom'), thinking: 'none' }, { model: 'm', thinking: false, messages });
    expect(b).not.toHaveProperty('thinking');
    expect(b).not.toHaveProperty('reasoning');
    expect(b).not.toHaveProperty('chat_template_kwargs');
  });
});

describe('buildRequestBody: the rest of the body', () => {
  it.each(['zai', 'bigmodel', 'openrouter', 'novita', 'custom'])('%s streams and always asks for usage', (id) => {
    for (const thinking of [true, false]) {
      const b = body(id, thinking);
      expect(b.stream).toBe(true);
      expect(b.stream_options).toEqual({ include_usage: true });
      expect(b.model).toBe('glm-4.5v');
      expect(b.messages).toBe(messages);
    }
  });

  it('pins OpenRouter upstreams with provider.order and no fallbacks', () => {
    expect(body('openrouter', true, { upstream: ['z-ai', 'novita'] }).provider).toEqual({
      order: ['z-ai', 'novita'],
      allow_fallbacks: false,
    });
  });

  it('does not pin when no upstream is chosen, nor for other dialects', () => {
    expect(body('openrouter', true, { upstream: [] })).not.toHaveProperty('provider');
    expect(body('openrouter', true)).not.toHaveProperty('provider');
    expect(body('zai', true, { upstream: ['z-ai'] })).not.toHaveProperty('provider');
  });

  it('sends max_tokens only when set', () => {
    expect(body('zai', true, { maxTokens: 4096 }).max_tokens).toBe(4096);
    expect(body('zai', true)).not.toHaveProperty('max_tokens');
  });
});
