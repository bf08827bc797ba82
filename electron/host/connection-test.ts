/** "Test connection" in Settings: lists the server's models with the stored key and says what it learned. */
import OpenAI, { APIConnectionError, APIError } from 'openai';
import type { ConnectionReport } from '../../shared/bridge/providers.ts';
import { classifyHttpError, makeError } from '../../shared/engine/errors.ts';
import type { ProviderStore } from './provider-store.ts';

export async function testConnection(providers: ProviderStore, id: string, fetchImpl?: typeof fetch): Promise<ConnectionReport> {
  const p = providers.get(id);
  if (!p) return { ok: false, models: [], modelAvailable: null, keyStatus: 'missing', error: makeError('bad-input', 'No such provider.') };
  const key = providers.keyFor(id);
  const client = new OpenAI({ apiKey: key || 'not-set', baseURL: p.baseUrl, maxRetries: 0, timeout: 15_000, fetch: fetchImpl, logLevel: 'off' });
  try {
    const page = await client.models.list();
    const models = page.data.map((m) => m.id);
    return {
      ok: true,
      models,
      modelAvailable: models.length ? models.includes(p.model) : null,
      keyStatus: key ? 'valid' : 'unchecked',
      error: null,
    };
  } catch (e) {
    if (e instanceof APIError && e.status) {
      const error = classifyHttpError({ status: e.status, body: e.error });
      return { ok: false, models: [], modelAvailable: null, keyStatus: error.kind === 'auth' ? (key ? 'invalid' : 'missing') : 'unchecked', error };
    }
    const error =
      e instanceof APIConnectionError
        ? makeError('network', `Could not reach ${p.baseUrl}.`)
        : makeError('protocol', 'The server’s answer to /models could not be read.');
    return { ok: false, models: [], modelAvailable: null, keyStatus: key ? 'unchecked' : 'missing', error };
  }
}
