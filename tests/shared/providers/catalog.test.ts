import { describe, expect, it } from 'vitest';
import { CATALOG, catalogEntry, catalogModel } from '../../../shared/providers/catalog.ts';
import { checkModelId, isIsoDay } from '../../../shared/providers/price-input.ts';

describe('catalog', () => {
  it('lists the hosted providers, Local OCR, the local servers it can find, and custom last as the fallback', () => {
    expect(CATALOG.map((e) => e.id)).toEqual([
      'zai',
      'bigmodel',
      'openrouter',
      'novita',
      'local-ocr',
      'ollama',
      'lmstudio',
      'vllm',
      'sglang',
      'llamacpp',
      'custom',
    ]);
    expect(catalogEntry('who-knows').id).toBe('custom');
  });

  it('serves GLM-4.5V at the reference price on every hosted provider, and never prices GLM-4.6V', () => {
    for (const e of CATALOG.filter((x) => !x.userUrl && x.engine === 'chat')) {
      const v45 = e.models.find((m) => m.label === 'GLM-4.5V');
      expect(v45?.price, e.id).toEqual({
        prompt: 0.6,
        completion: 1.8,
        cachedRead: 0.11,
        recorded: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      });
      for (const m of e.models.filter((x) => x.label === 'GLM-4.6V')) expect(m.price, `${e.id} ${m.id}`).toBeNull();
    }
  });

  it('gives a custom server no models and no price until the user adds them', () => {
    expect(catalogEntry('custom').models).toEqual([]);
  });

  it('sends thinking in each provider’s own dialect', () => {
    expect(Object.fromEntries(CATALOG.map((e) => [e.id, e.thinking]))).toEqual({
      zai: 'zai',
      bigmodel: 'zai',
      openrouter: 'openrouter',
      novita: 'chat-template',
      'local-ocr': 'none',
      // Ollama and LM Studio ignore chat_template_kwargs and take reasoning_effort instead.
      ollama: 'reasoning-effort',
      lmstudio: 'reasoning-effort',
      vllm: 'chat-template',
      sglang: 'chat-template',
      llamacpp: 'chat-template',
      custom: 'chat-template',
    });
  });

  it('offers OpenRouter upstream pinning to Z.AI, Novita, Parasail and DeepInfra, and checks its key on /key', () => {
    const or = catalogEntry('openrouter');
    expect(or.upstreams.map((u) => u.label)).toEqual(['Z.AI', 'Novita', 'Parasail', 'DeepInfra']);
    expect(or.keyCheckPath).toBe('/key');
    expect(CATALOG.filter((e) => e.upstreams.length > 0).map((e) => e.id)).toEqual(['openrouter']);
  });

  it('says where video is accepted: Z.AI and BigModel, not OpenRouter for GLM-4.5V', () => {
    expect(catalogEntry('zai').models[0].video).toBe(true);
    expect(catalogEntry('openrouter').models[0].video).toBe(false);
  });
});

describe('price input helpers', () => {
  it('accepts real calendar days only', () => {
    expect(isIsoDay('2026-11-25')).toBe(true);
    expect(isIsoDay('2026-02-29')).toBe(false);
    expect(isIsoDay('25/11/2026')).toBe(false);
  });

  it('checks model ids', () => {
    expect(checkModelId('z-ai/glm-4.5v:free')).toBeNull();
    expect(checkModelId('')).toMatch(/Enter the model id/);
    expect(checkModelId('a b')).toMatch(/no spaces/);
    expect(checkModelId('x'.repeat(201))).toMatch(/too long/);
  });
});

it("catalogModel finds a provider kind's model entry, and says null for one the catalog does not list", () => {
  expect(catalogModel('zai', 'glm-4.5v')).toMatchObject({ id: 'glm-4.5v', video: true });
  expect(catalogModel('zai', 'no-such-model')).toBeNull();
});
