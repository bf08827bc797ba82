/**
 * Provider requests of the browser shell and the CLI through the proxy the environment names (HTTPS_PROXY,
 * HTTP_PROXY, NO_PROXY, in either case), as curl and most command-line tools do. Node's own fetch ignores those
 * variables; undici's EnvHttpProxyAgent reads them with the usual rules (NO_PROXY hosts, ports, `*`). The desktop
 * app does not come here: it uses Electron's network stack, which follows the system's proxy settings.
 */

const PROXY_VARS = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'];

type Undici = typeof import('undici');

/** A fetch that goes through the environment's proxy, or undefined (the runtime's fetch) when none is set. */
export function proxyFetchFromEnv(env: NodeJS.ProcessEnv): typeof fetch | undefined {
  if (!PROXY_VARS.some((v) => env[v])) return undefined;
  // Loaded on the first request, not at start-up: most runs have no proxy and a short `glimpse ask` is mostly start-up.
  let loaded: Promise<{ fetch: Undici['fetch']; agent: InstanceType<Undici['EnvHttpProxyAgent']> }> | null = null;
  const load = () =>
    (loaded ??= import('undici').then((u) => ({
      fetch: u.fetch,
      agent: new u.EnvHttpProxyAgent({
        httpProxy: env.HTTP_PROXY || env.http_proxy,
        httpsProxy: env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy,
        noProxy: env.NO_PROXY ?? env.no_proxy,
      }),
    })));
  // undici's fetch takes the dispatcher; its types differ from the DOM's only in names, not in behaviour.
  return (async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    const u = await load();
    return u.fetch(input as Parameters<Undici['fetch']>[0], { ...(init as Parameters<Undici['fetch']>[1]), dispatcher: u.agent });
  }) as unknown as typeof fetch;
}
