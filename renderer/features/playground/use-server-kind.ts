import { useEffect, useState } from 'react';
import { guessServer } from '../../../shared/params/dialect.ts';
import type { IdentifiedServer } from '../../../shared/params/server-kind.ts';
import { bridge } from '../../bridge/bridge.ts';

/** How long the base URL must stay unchanged before the server is asked (not on every keystroke). */
const SETTLE_MS = 500;

/**
 * The kind of server at a typed base URL: the port's guess at once, then what the server says of itself (the host
 * asks its /v1/models and, where that does not tell, Ollama's and LM Studio's own endpoints). `baseUrl` null: no
 * server to ask (a hosted provider).
 */
export function useServerKind(baseUrl: string | null): IdentifiedServer | null {
  const portGuess = (url: string): IdentifiedServer | null => {
    const kind = guessServer(url);
    return kind ? { kind, by: 'port' } : null;
  };
  const [found, setFound] = useState<{ url: string; id: IdentifiedServer | null } | null>(null);
  useEffect(() => {
    if (!baseUrl || !/^https?:\/\/\S+$/i.test(baseUrl.trim())) return;
    let live = true;
    const timer = setTimeout(() => {
      bridge.identifyServer({ baseUrl }).then(
        (id) => live && setFound({ url: baseUrl, id }),
        // An unreachable server (not started yet) leaves the port's guess.
        () => live && setFound({ url: baseUrl, id: null }),
      );
    }, SETTLE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [baseUrl]);
  if (!baseUrl) return null;
  return (found?.url === baseUrl ? found.id : null) ?? portGuess(baseUrl);
}
