/**
 * One `openai` SDK client per provider, reused by every request to it (the app, the CLI, a batch's thousands of
 * files). A client is cheap to use but not to make: each one builds its resource tree and request plumbing, and a
 * new client per request was about a quarter of everything a batch allocated. A client carries only its address,
 * key and headers; what belongs to one request (its AbortSignal, its timeout) is passed with that request.
 *
 * A provider whose address, key or headers change gets a new client on its next request, so a key never goes to
 * another address and one provider's key never travels with another's requests; saving or deleting a provider
 * forgets its client at once.
 */
import OpenAI from 'openai';

export interface ClientTarget {
  baseUrl: string;
  apiKey: string | null;
  headers?: Readonly<Record<string, string>>;
}

/** A client for one target: no retries of its own (the runner's are visible to the person), no logging. */
export function newClient(target: ClientTarget, fetchFn?: typeof fetch): OpenAI {
  return new OpenAI({
    apiKey: target.apiKey || 'not-set',
    baseURL: target.baseUrl,
    defaultHeaders: target.headers ? { ...target.headers } : undefined,
    maxRetries: 0,
    fetch: fetchFn,
    logLevel: 'off',
    dangerouslyAllowBrowser: false,
  });
}

function sameHeaders(a?: Readonly<Record<string, string>>, b?: Readonly<Record<string, string>>): boolean {
  const ka = Object.keys(a ?? {});
  if (ka.length !== Object.keys(b ?? {}).length) return false;
  return ka.every((k) => Object.hasOwn(b ?? {}, k) && a?.[k] === b?.[k]);
}

const sameTarget = (a: ClientTarget, b: ClientTarget) =>
  a.baseUrl === b.baseUrl && a.apiKey === b.apiKey && sameHeaders(a.headers, b.headers);

export class ProviderClients {
  private readonly byProvider = new Map<string, { target: ClientTarget; client: OpenAI }>();
  private readonly fetchFn?: typeof fetch;
  private readonly make: (target: ClientTarget, fetchFn?: typeof fetch) => OpenAI;
  /** `fetchFn` is the service's (tests' fake, the proxy's); `make` is injectable so a test can count clients made. */
  constructor(opts: { fetch?: typeof fetch; make?: (target: ClientTarget, fetchFn?: typeof fetch) => OpenAI } = {}) {
    this.fetchFn = opts.fetch;
    this.make = opts.make ?? newClient;
  }

  /** The provider's client for this address, key and headers: the one it had if none of them changed. */
  for(providerId: string, target: ClientTarget): OpenAI {
    const held = this.byProvider.get(providerId);
    if (held && sameTarget(held.target, target)) return held.client;
    const client = this.make(target, this.fetchFn);
    // A copy: a caller changing its object afterwards must not make an old client look current.
    this.byProvider.set(providerId, { target: { ...target, headers: target.headers && { ...target.headers } }, client });
    return client;
  }

  /** The provider was saved (its address or key may have changed) or deleted. */
  forget(providerId: string): void {
    this.byProvider.delete(providerId);
  }

  get size(): number {
    return this.byProvider.size;
  }
}
