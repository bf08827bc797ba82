/**
 * The provider catalog: data, not code paths. Each entry says where a provider lives, which models it serves,
 * how it wants the thinking switch (its dialect) and what it charges. Facts in docs/providers.md.
 */
import type { ParamDialect } from '../params/catalog.ts';

/**
 * How a provider wants thinking switched on or off in the request body. The last three are for custom servers,
 * picked in the provider form: `reasoning-effort` (Ollama, LM Studio: `"reasoning_effort": "none"` turns it off),
 * `nothink` (a `/nothink` suffix on the question), `none` (no switch).
 */
export type ThinkingDialect = 'zai' | 'openrouter' | 'chat-template' | 'reasoning-effort' | 'nothink' | 'none';

/** USD per 1M tokens, with the day it was recorded; absent fields mean unknown. */
export interface Price {
  prompt: number;
  completion: number;
  cachedRead: number | null;
  recorded: string;
}

/**
 * The price one request was costed at, frozen when it started (the ledger stores it with the request), so a later
 * edit of the price table never rewrites the cost of past requests. `origin` says who set it.
 */
export interface PriceSnapshot extends Price {
  catalogId: string;
  model: string;
  origin: 'catalog' | 'user';
}

/** An upstream OpenRouter can be pinned to; `id` is OpenRouter's provider slug for `provider.order`. */
export interface Upstream {
  id: string;
  label: string;
}

/** One model a provider serves, with what the catalog knows about it. */
export interface CatalogModel {
  id: string;
  label: string;
  /** Null when no source states a price: cost is then `unknown`, never 0. */
  price: Price | null;
  contextTokens: number | null;
  /** Capabilities: images (data URLs), video as `video_url` (else frames are sent as images), PDF pages as images. */
  image: boolean;
  video: boolean;
  pdfAsImages: boolean;
}

/** One provider kind: where it lives, its models, its thinking dialect and its key variables. */
export interface CatalogEntry {
  id: string;
  name: string;
  baseUrl: string;
  /** Environment variables the CLI and browser shell read a key from, most specific first. */
  keyEnv: string[];
  /** The thinking switch's dialect; `none` means the provider has no switch (the mode cannot be chosen). */
  thinking: ThinkingDialect;
  models: CatalogModel[];
  /** OpenRouter: upstreams that can be pinned with `provider.order`. */
  upstreams: Upstream[];
  /**
   * A GET path under the base URL that answers 401 for a bad key, for "Test connection" where `/models` is public
   * (OpenRouter lists models to anyone: https://openrouter.ai/docs/api-reference/api-keys/get-current-key).
   */
  keyCheckPath: string | null;
  /** Whether the base URL is the user's own (custom servers). */
  userUrl: boolean;
  /**
   * What answers: `chat`, an OpenAI-compatible chat endpoint (a language model); `local-ocr`, Tesseract run by
   * the host on this computer (no key, no network, no language model: presets that need one are off).
   */
  engine: 'chat' | 'local-ocr';
  /** Which parameters it takes (shared/params/catalog.ts); a custom server's kind may say otherwise. */
  params: ParamDialect;
}

const GLM_45V_PRICE: Price = { prompt: 0.6, completion: 1.8, cachedRead: 0.11, recorded: '2026-11-01' };

const glm45v = (id: string, video: boolean): CatalogModel => ({
  id,
  label: 'GLM-4.5V',
  price: GLM_45V_PRICE,
  contextTokens: 65_536,
  image: true,
  video,
  pdfAsImages: true,
});

const glm46v = (id: string): CatalogModel => ({
  id,
  label: 'GLM-4.6V',
  price: null,
  contextTokens: 131_072,
  image: true,
  video: true,
  pdfAsImages: true,
});

/** A language set of Local OCR, offered as its "model": `eng`, `chi_sim` or both. */
const ocrLanguages = (id: string, label: string): CatalogModel => ({
  id,
  label,
  price: { prompt: 0, completion: 0, cachedRead: 0, recorded: '2026-11-30' },
  contextTokens: null,
  image: true,
  video: false,
  pdfAsImages: true,
});

/** A kind of model server run locally: the user's own URL (found on the loopback address), no key, no prices. */
function localServer(id: string, name: string, port: number, thinking: ThinkingDialect, params: ParamDialect): CatalogEntry {
  return {
    id,
    params,
    name,
    baseUrl: `http://127.0.0.1:${port}/v1`,
    keyEnv: [],
    thinking,
    models: [],
    upstreams: [],
    keyCheckPath: null,
    userUrl: true,
    engine: 'chat',
  };
}

/** The catalog id of Local OCR. */
export const LOCAL_OCR = 'local-ocr';
/** OpenRouter's catalog id: the one provider whose models each list the parameters they take. */
export const OPENROUTER = 'openrouter';

/** Every provider kind Glimpse knows; `custom` (any OpenAI-compatible server) is last and the fallback. */
export const CATALOG: readonly CatalogEntry[] = [
  {
    id: 'zai',
    name: 'Z.AI',
    baseUrl: 'https://api.z.ai/api/paas/v4',
    keyEnv: ['ZAI_API_KEY'],
    thinking: 'zai',
    models: [glm45v('glm-4.5v', true), glm46v('glm-4.6v')],
    upstreams: [],
    keyCheckPath: null,
    userUrl: false,
    engine: 'chat',
    params: 'zai',
  },
  {
    id: 'bigmodel',
    name: 'BigModel',
    baseUrl: 'https://open.bigmodel.cn/api/paas/v4',
    keyEnv: ['BIGMODEL_API_KEY', 'ZHIPUAI_API_KEY'],
    thinking: 'zai',
    models: [glm45v('glm-4.5v', true), glm46v('glm-4.6v')],
    upstreams: [],
    keyCheckPath: null,
    userUrl: false,
    engine: 'chat',
    params: 'zai',
  },
  {
    id: 'openrouter',
    name: 'OpenRouter',
    baseUrl: 'https://openrouter.ai/api/v1',
    keyEnv: ['OPENROUTER_API_KEY'],
    thinking: 'openrouter',
    models: [{ ...glm45v('z-ai/glm-4.5v', false) }, { ...glm46v('z-ai/glm-4.6v'), video: false }],
    upstreams: [
      { id: 'z-ai', label: 'Z.AI' },
      { id: 'novita', label: 'Novita' },
      { id: 'parasail', label: 'Parasail' },
      { id: 'deepinfra', label: 'DeepInfra' },
    ],
    keyCheckPath: '/key',
    userUrl: false,
    engine: 'chat',
    params: 'openrouter',
  },
  {
    id: 'novita',
    name: 'Novita',
    baseUrl: 'https://api.novita.ai/openai',
    keyEnv: ['NOVITA_API_KEY'],
    // Not documented for this model; Novita runs vLLM-style templates, so treat it like vLLM.
    thinking: 'chat-template',
    models: [glm45v('zai-org/glm-4.5v', false)],
    upstreams: [],
    keyCheckPath: null,
    userUrl: false,
    engine: 'chat',
    params: 'novita',
  },
  {
    id: LOCAL_OCR,
    name: 'On this computer (Tesseract OCR)',
    // Never contacted: Local OCR runs in the host. Shown in Settings as where it runs.
    baseUrl: 'local:tesseract',
    keyEnv: [],
    thinking: 'none',
    models: [
      ocrLanguages('eng', 'English'),
      ocrLanguages('chi_sim', 'Chinese (Simplified)'),
      ocrLanguages('eng+chi_sim', 'English + Chinese (Simplified)'),
    ],
    upstreams: [],
    keyCheckPath: null,
    userUrl: false,
    params: 'local-ocr',
    engine: 'local-ocr',
  },
  // Model servers that run on this computer, as "Scan for local servers" adds them (electron/host/local-servers.ts):
  // each with the thinking switch its server understands. vLLM, SGLang and llama.cpp's server pass
  // `chat_template_kwargs` to the model's chat template; Ollama's and LM Studio's OpenAI endpoints ignore that and
  // take `reasoning_effort` instead (docs/providers.md).
  localServer('ollama', 'Ollama', 11434, 'reasoning-effort', 'ollama'),
  localServer('lmstudio', 'LM Studio', 1234, 'reasoning-effort', 'lmstudio'),
  localServer('vllm', 'vLLM', 8000, 'chat-template', 'vllm'),
  localServer('sglang', 'SGLang', 30000, 'chat-template', 'sglang'),
  localServer('llamacpp', 'llama.cpp server', 8080, 'chat-template', 'llamacpp'),
  {
    id: 'custom',
    name: 'Custom server',
    baseUrl: 'http://127.0.0.1:8000/v1',
    keyEnv: [],
    thinking: 'chat-template',
    models: [],
    upstreams: [],
    keyCheckPath: null,
    userUrl: true,
    engine: 'chat',
    params: 'vllm',
  },
];

/** The catalog entry for an id; unknown ids fall back to `custom` (an OpenAI-compatible server). */
export function catalogEntry(id: string): CatalogEntry {
  return CATALOG.find((e) => e.id === id) ?? CATALOG.find((e) => e.id === 'custom')!;
}

/** The catalog's entry for one model of a provider kind; null for a model the catalog does not list. */
export function catalogModel(catalogId: string, modelId: string): CatalogModel | null {
  return catalogEntry(catalogId).models.find((m) => m.id === modelId) ?? null;
}

/** Whether a provider kind answers without a language model (Local OCR): no key, no thinking, no Q&A presets. */
export function isLocalOcr(catalogId: string): boolean {
  return catalogEntry(catalogId).engine === 'local-ocr';
}
