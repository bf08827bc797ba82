import { useEffect, useState } from 'react';
import type { LocalServer } from '../../../shared/bridge/local-ocr.ts';
import { useFigures } from '../../i18n/figures.ts';
import { useTranslation } from '../../i18n/i18n.ts';
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
  const { t } = useTranslation();
  const f = useFigures();
  useEffect(() => {
    if (servers === null) void scan();
  }, [servers, scan]);
  return (
    <section className="local-servers" aria-label={t('servers.label')}>
      {servers === null || scanning ? (
        <p className="muted">{t('servers.scanning')}</p>
      ) : servers.length === 0 ? (
        <p className="muted">{t('servers.none')}</p>
      ) : (
        <>
          <p>{t('servers.answered', { count: servers.length, n: f.decimal(servers.length, 0) })}</p>
          <ul className="server-list">
            {servers.map((s) => (
              <ServerRow key={s.catalogId} server={s} />
            ))}
          </ul>
        </>
      )}
      {error && <p className="error-text">{error}</p>}
      <button type="button" onClick={() => void scan(true)} disabled={scanning}>
        {t('servers.scan')}
      </button>
    </section>
  );
}

function ServerRow({ server }: { server: LocalServer }) {
  const add = useStore((s) => s.addLocalServer);
  const added = useStore((s) => s.providers.some((p) => p.baseUrl === server.baseUrl));
  const [model, setModel] = useState(server.models[0]?.id ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const { t } = useTranslation();
  return (
    <li>
      <div>
        <strong>{server.name}</strong> <span className="muted small">{server.baseUrl}</span>
      </div>
      {server.models.length > 0 ? (
        <select aria-label={t('servers.model', { name: server.name })} value={model} onChange={(e) => setModel(e.target.value)}>
          {server.models.map((m) => (
            <option key={m.id} value={m.id}>
              {m.vision === true
                ? t('servers.vision', { id: m.id })
                : m.vision === false
                  ? t('servers.textOnly', { id: m.id })
                  : m.id}
            </option>
          ))}
        </select>
      ) : (
        <span className="muted small">{t('servers.noModel')}</span>
      )}
      <button
        type="button"
        disabled={added || !model}
        aria-label={t('servers.addLabel', { name: server.name })}
        onClick={() => add(server, model).catch((e: Error) => setProblem(e.message))}
      >
        {added ? t('servers.added') : t('servers.add')}
      </button>
      {problem && <p className="error-text">{problem}</p>}
    </li>
  );
}
