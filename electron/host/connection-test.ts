/**
 * "Test connection" in Settings: is the server there, is the key good, is the model served. GET /models first;
 * where /models is public (OpenRouter) the key is checked on the catalog's key endpoint; where a server lists no
 * models (404), one request of a single token is sent instead, which answers all three questions.
 */
import OpenAI, { APIConnectionError, APIError } from 'openai';
import type { ConnectionReport } from '../../shared/bridge/providers.ts';
import { classifyHttpError, makeError, redactKey } from '../../shared/engine/errors.ts';
import { buildRequestBody } from '../../shared/engine/request-body.ts';
import type { ChatError } from '../../shared/engine/types.ts';
import { hostMessage } from '../../shared/messages/messages.ts';
import { catalogEntry, type CatalogEntry } from '../../shared/providers/catalog.ts';
import type { ProviderView } from '../../shared/bridge/providers.ts';
import type { ProviderStore } from './provider-store.ts';

const TIMEOUT_MS = 15_000;

type KeyStatus = ConnectionReport['keyStatus'];

export async function testConnection(providers: ProviderStore, id: string, fetchImpl?: typeof fetch): Promise<ConnectionReport> {
  const p = providers.get(id);
  if (!p)
    return {
      ok: false,
      models: [],
      modelAvailable: null,
      keyStatus: 'missing',
      error: makeError('bad-input', hostMessage('conn.no-provider')),
    };
  const key = providers.keyFor(id);
  const entry = catalogEntry(p.catalogId);
  const client = new OpenAI({
    apiKey: key || 'not-set',
    baseURL: p.baseUrl,
    maxRetries: 0,
    timeout: TIMEOUT_MS,
    fetch: fetchImpl,
    logLevel: 'off',
  });
  const clean = (e: ChatError): ChatError => ({ ...e, message: redactKey(e.message, key) });
  // A server that answers without a key needs none (local servers); a hosted one without a key only lists models.
  const keyless: KeyStatus = entry.userUrl ? 'not-needed' : 'missing';

  let models: string[];
  try {
    models = (await client.models.list()).data.map((m) => m.id);
  } catch (e) {
    const error = clean(toError(e, p.baseUrl));
    if (error.status === 404 || error.status === 405) return probe(client, entry, p, key, keyless, clean);
    return { ok: false, models: [], modelAvailable: null, keyStatus: keyStatusFor(error, key), checkedBy: 'models', error };
  }

  let keyStatus: KeyStatus = key ? 'valid' : keyless;
  if (entry.keyCheckPath) {
    // /models answered without looking at the key: ask the key endpoint.
    keyStatus = key ? 'unchecked' : 'missing';
    if (key) {
      try {
        await client.get(entry.keyCheckPath);
        keyStatus = 'valid';
      } catch (e) {
        const error = clean(toError(e, p.baseUrl));
        if (error.kind === 'auth')
          return {
            ok: false,
            models,
            modelAvailable: availability(models, p.model),
            keyStatus: 'invalid',
            checkedBy: 'models',
            error,
          };
      }
    }
  }
  return { ok: true, models, modelAvailable: availability(models, p.model), keyStatus, checkedBy: 'models', error: null };
}

const availability = (models: string[], model: string): boolean | null => (models.length ? models.includes(model) : null);

function keyStatusFor(error: ChatError, key: string | null): KeyStatus {
  if (error.kind === 'auth') return key ? 'invalid' : 'missing';
  return key ? 'unchecked' : 'missing';
}

/** One token, thinking off, read until the first chunk and then hung up on. */
async function probe(
  client: OpenAI,
  entry: CatalogEntry,
  p: ProviderView,
  key: string | null,
  keyless: KeyStatus,
  clean: (e: ChatError) => ChatError,
): Promise<ConnectionReport> {
  const body = buildRequestBody(entry, {
    model: p.model,
    thinking: false,
    messages: [{ role: 'user', content: 'Hi' }],
    upstream: p.upstream,
    maxTokens: 1,
  });
  try {
    const stream = await client.chat.completions.create(body as unknown as OpenAI.ChatCompletionCreateParamsStreaming);
    // The first chunk proves the key and the model; leaving the loop makes the SDK abort the rest.
    for await (const _ of stream) break;
    return { ok: true, models: [], modelAvailable: true, keyStatus: key ? 'valid' : keyless, checkedBy: 'probe', error: null };
  } catch (e) {
    const error = clean(toError(e, p.baseUrl));
    // A request refused for its model (Z.AI 1211, a 404 "no such model") got past the key check.
    const modelRefused = error.kind === 'bad-request' && /model|1211/i.test(`${error.code} ${error.message}`);
    return {
      ok: false,
      models: [],
      modelAvailable: modelRefused ? false : null,
      keyStatus: modelRefused ? (key ? 'valid' : keyless) : keyStatusFor(error, key),
      checkedBy: 'probe',
      error,
    };
  }
}

function toError(e: unknown, baseUrl: string): ChatError {
  if (e instanceof APIError && e.status) {
    return classifyHttpError({ status: e.status, body: e.error, retryAfter: e.headers?.get?.('retry-after') ?? null });
  }
  if (e instanceof OpenAI.APIConnectionTimeoutError)
    return makeError('timeout', hostMessage('conn.timeout', { url: baseUrl, seconds: TIMEOUT_MS / 1000 }));
  if (e instanceof APIConnectionError) {
    const cause = (e as { cause?: { code?: string } }).cause;
    return makeError(
      'network',
      cause?.code
        ? hostMessage('conn.unreachable-code', { url: baseUrl, code: cause.code })
        : hostMessage('conn.unreachable', { url: baseUrl }),
    );
  }
  return makeError('protocol', hostMessage('conn.unreadable'));
}
