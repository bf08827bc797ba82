import { useEffect, useState } from 'react';
import type { LocalServer } from '../../../shared/bridge/local-ocr.ts';
import { useStore } from '../../store/index.ts';

/**
 * The model servers found on this computer (loopback only), each with its models (vision ones first, where the
 * server says) and one button to add it as a provider; "Scan again" probes once more.
 */
export function LocalServers() {
  const servers = useStore((s) => s.localServers);
  const scanning = useStore((s) => s.scanning);
  const error = useStore((s) => s.localServersError);
  const scan = useStore((s) => s.scanLocalServers);
  useEffect(() => {
    if (servers === null) void scan();
  }, [servers, scan]);
  return (
    <section className="local-servers" aria-label="Model servers found">
      {servers === null || scanning ? (
        <p className="muted">Looking for model servers on this computer…</p>
      ) : servers.length === 0 ? (
        <p className="muted">
          No model server answered on this computer (Ollama, LM Studio, vLLM, SGLang or llama.cpp on their usual ports).
        </p>
      ) : (
        <ul className="server-list">
          {servers.map((s) => (
            <ServerRow key={s.catalogId} server={s} />
          ))}
        </ul>
      )}
      {error && <p className="error-text">{error}</p>}
      <button type="button" onClick={() => void scan(true)} disabled={scanning}>
        Scan for local servers
      </button>
    </section>
  );
}

function ServerRow({ server }: { server: LocalServer }) {
  const add = useStore((s) => s.addLocalServer);
  const added = useStore((s) => s.providers.some((p) => p.baseUrl === server.baseUrl));
  const [model, setModel] = useState(server.models[0]?.id ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <li>
      <div>
        <strong>{server.name}</strong> <span className="muted small">{server.baseUrl}</span>
      </div>
      {server.models.length > 0 ? (
        <select aria-label={`${server.name} model`} value={model} onChange={(e) => setModel(e.target.value)}>
          {server.models.map((m) => (
            <option key={m.id} value={m.id}>
              {m.id}
              {m.vision === true ? ' (vision)' : m.vision === false ? ' (text only)' : ''}
            </option>
          ))}
        </select>
      ) : (
        <span className="muted small">no model loaded</span>
      )}
      <button
        type="button"
        disabled={added || !model}
        aria-label={`Add ${server.name}`}
        onClick={() => add(server, model).catch((e: Error) => setProblem(e.message))}
      >
        {added ? 'Added' : 'Add'}
      </button>
      {problem && <p className="error-text">{problem}</p>}
    </li>
  );
}
