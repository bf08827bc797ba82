import { describe, expect, it } from 'vitest';
import { identifyServer, settledByModels } from '../../../shared/params/server-kind.ts';

/**
 * `/v1/models` bodies in the shapes each server sends (fields as in each one's own source: vLLM's and SGLang's
 * ModelCard, llama.cpp's server, Ollama's OpenAI layer, LM Studio's server).
 */
const VLLM = {
  object: 'list',
  data: [
    {
      id: 'zai-org/GLM-4.5V',
      object: 'model',
      created: 1764460800,
      owned_by: 'vllm',
      root: 'zai-org/GLM-4.5V',
      parent: null,
      max_model_len: 65536,
      permission: [{ id: 'modelperm-1', object: 'model_permission', allow_sampling: true }],
    },
  ],
};
const SGLANG = {
  object: 'list',
  data: [
    {
      id: 'zai-org/GLM-4.5V',
      object: 'model',
      created: 1764460800,
      owned_by: 'sglang',
      root: 'zai-org/GLM-4.5V',
      max_model_len: 65536,
    },
  ],
};
const LLAMACPP = {
  object: 'list',
  data: [
    {
      id: 'GLM-4.5V-Q4_K_M.gguf',
      object: 'model',
      created: 1764460800,
      owned_by: 'llamacpp',
      meta: { vocab_type: 2, n_vocab: 151552, n_ctx_train: 65536, n_embd: 4096, n_params: 9_000_000_000, size: 6_000_000_000 },
    },
  ],
};
const OLLAMA = {
  object: 'list',
  data: [
    { id: 'qwen2.5vl:7b', object: 'model', created: 1764460800, owned_by: 'library' },
    { id: 'llava:7b', object: 'model', created: 1764460000, owned_by: 'library' },
  ],
};
const LMSTUDIO = {
  object: 'list',
  data: [
    { id: 'qwen/qwen2.5-vl-7b', object: 'model', owned_by: 'organization_owner' },
    { id: 'text-embedding-nomic-embed-text-v1.5', object: 'model', owned_by: 'organization_owner' },
  ],
};

describe('which server answers, from what it says', () => {
  it('reads owned_by first, whatever port the server was started on', () => {
    // vLLM and SGLang on each other's default ports, llama.cpp on Ollama's, LM Studio on vLLM's.
    expect(identifyServer({ baseUrl: 'http://127.0.0.1:30000/v1', models: VLLM })).toEqual({ kind: 'vllm', by: 'owned_by' });
    expect(identifyServer({ baseUrl: 'http://127.0.0.1:8000/v1', models: SGLANG })).toEqual({ kind: 'sglang', by: 'owned_by' });
    expect(identifyServer({ baseUrl: 'http://127.0.0.1:11434/v1', models: LLAMACPP })).toEqual({
      kind: 'llamacpp',
      by: 'owned_by',
    });
    expect(identifyServer({ baseUrl: 'http://gpu-box:8000/v1', models: LMSTUDIO })).toEqual({ kind: 'lmstudio', by: 'owned_by' });
    expect(identifyServer({ baseUrl: 'http://gpu-box:1234/v1', models: OLLAMA })).toEqual({ kind: 'ollama', by: 'owned_by' });
    expect(settledByModels({ baseUrl: 'http://x:1/v1', models: VLLM })).toBe(true);
  });

  it('reads the entries’ other fields when owned_by was rewritten (a served-model name, a proxy)', () => {
    const renamed = (body: typeof VLLM | typeof LLAMACPP) => ({
      ...body,
      data: body.data.map((m) => ({ ...m, owned_by: 'acme' })),
    });
    expect(identifyServer({ baseUrl: 'http://h:9000/v1', models: renamed(VLLM) })).toEqual({ kind: 'vllm', by: 'fields' });
    expect(identifyServer({ baseUrl: 'http://h:9000/v1', models: renamed(LLAMACPP) })).toEqual({
      kind: 'llamacpp',
      by: 'fields',
    });
  });

  it('asks the server’s own endpoints when the listing says nothing (an Ollama model from another namespace)', () => {
    const quiet = { object: 'list', data: [{ id: 'me/custom:latest', object: 'model', created: 1, owned_by: 'me' }] };
    expect(settledByModels({ baseUrl: 'http://h:9000/v1', models: quiet })).toBe(false);
    expect(identifyServer({ baseUrl: 'http://h:9000/v1', models: quiet, ollamaVersion: { version: '0.12.3' } })).toEqual({
      kind: 'ollama',
      by: 'endpoint',
    });
    const lmNative = {
      object: 'list',
      data: [{ id: 'me/custom', object: 'model', type: 'vlm', publisher: 'me', arch: 'qwen2_vl', state: 'loaded' }],
    };
    expect(identifyServer({ baseUrl: 'http://h:9000/v1', models: quiet, lmstudioModels: lmNative })).toEqual({
      kind: 'lmstudio',
      by: 'endpoint',
    });
    // An error body from another server's /api/version is not Ollama's answer.
    expect(identifyServer({ baseUrl: 'http://h:9000/v1', models: quiet, ollamaVersion: { detail: 'Not Found' } })).toBeNull();
  });

  it('reads llama.cpp’s Server header, and falls back to the port only when nothing else tells', () => {
    const bare = { object: 'list', data: [{ id: 'model.gguf', object: 'model' }] };
    expect(identifyServer({ baseUrl: 'http://h:9000/v1', models: bare, headers: { server: 'llama.cpp' } })).toEqual({
      kind: 'llamacpp',
      by: 'header',
    });
    expect(identifyServer({ baseUrl: 'http://127.0.0.1:30000/v1', models: bare })).toEqual({ kind: 'sglang', by: 'port' });
    expect(identifyServer({ baseUrl: 'http://[::1]:11434/v1' })).toEqual({ kind: 'ollama', by: 'port' });
    expect(identifyServer({ baseUrl: 'https://example.com/v1', models: bare })).toBeNull();
    expect(identifyServer({ baseUrl: 'http://h:9000/v1', models: 'not json at all' })).toBeNull();
  });

  it('does not trust a listing that names several servers (a proxy in front of more than one)', () => {
    const mixed = { data: [...VLLM.data, ...SGLANG.data.map((m) => ({ ...m, id: 'other' }))] };
    // The vLLM entry's permission objects still tell it, as fields.
    expect(identifyServer({ baseUrl: 'http://h:9000/v1', models: mixed })).toEqual({ kind: 'vllm', by: 'fields' });
    const owners = {
      data: [
        { id: 'a', owned_by: 'sglang' },
        { id: 'b', owned_by: 'library' },
      ],
    };
    expect(identifyServer({ baseUrl: 'http://h:9000/v1', models: owners })).toBeNull();
  });
});
