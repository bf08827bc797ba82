import { useState } from 'react';
import type { ConnectionReport, ProviderView } from '../../../shared/bridge/providers.ts';
import { guessServer } from '../../../shared/params/dialect.ts';
import { ServerDialect } from '../playground/server-dialect.tsx';
import { CATALOG, catalogEntry } from '../../../shared/providers/catalog.ts';
import { failureMessage } from '../../model/failure.ts';
import { useStore } from '../../store/index.ts';
import { ConnectionResult } from './connection-result.tsx';
import { PricesEditor } from './prices-editor.tsx';
import { UpstreamPicker } from './upstream-picker.tsx';
import { useModels } from './use-models.ts';
import './settings.css';

interface Props {
  provider: ProviderView | null;
  /** Back to the list. */
  onDone: () => void;
  /** Saved: the provider is picked and Settings closes, so the next thing is asking. */
  onSaved: () => void;
}

/** One provider's settings: where it lives, its key (write-only), its model and routing; then its prices. */
export function ProviderForm({ provider, onDone, onSaved }: Props) {
  const save = useStore((s) => s.saveProvider);
  const remove = useStore((s) => s.deleteProvider);
  const test = useStore((s) => s.testProvider);
  const select = useStore((s) => s.selectProvider);
  const [saved, setSaved] = useState<ProviderView | null>(provider);
  const [catalogId, setCatalogId] = useState(provider?.catalogId ?? 'custom');
  const entry = catalogEntry(catalogId);
  const [name, setName] = useState(provider?.name ?? '');
  const [baseUrl, setBaseUrl] = useState(provider?.baseUrl ?? entry.baseUrl);
  const [model, setModel] = useState(provider?.model ?? entry.models[0]?.id ?? '');
  const [upstream, setUpstream] = useState<string[]>(provider?.upstream ?? []);
  const [apiKey, setApiKey] = useState('');
  const [dialect, setDialect] = useState({ server: provider?.server, thinking: provider?.thinkingDialect });
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [report, setReport] = useState<ConnectionReport | null>(null);
  const [busy, setBusy] = useState<null | 'close' | 'test' | 'remove-key'>(null);
  const editable = !entry.userUrl || saved !== null;
  const models = useModels(editable ? { catalogId, providerId: saved?.id ?? null } : null);

  const pickKind = (id: string) => {
    const e = catalogEntry(id);
    setCatalogId(id);
    setReport(null);
    if (!provider) {
      setBaseUrl(e.baseUrl);
      setModel(e.models[0]?.id ?? '');
      setUpstream([]);
      if (!name || CATALOG.some((c) => c.name === name)) setName(e.userUrl ? '' : e.name);
    }
  };

  async function submit(then: 'close' | 'test' | 'remove-key') {
    setBusy(then);
    setError(null);
    setNotice(null);
    try {
      const key = then === 'remove-key' ? { apiKey: '' } : apiKey ? { apiKey } : {};
      const view = await save({
        id: saved?.id,
        catalogId,
        name,
        baseUrl,
        model,
        upstream: entry.upstreams.length ? upstream : [],
        ...key,
        // A custom server's kind: as picked, else as its address suggests (saved, so requests need not guess).
        ...(entry.userUrl ? { server: dialect.server ?? guessServer(baseUrl) ?? 'vllm', thinkingDialect: dialect.thinking } : {}),
      });
      setSaved(view);
      setApiKey('');
      if (view.keyDropped) {
        // Saved, but the person must learn that the key stayed with the old address before anything else happens.
        setNotice('The key was removed because the address changed. Enter it again to use it with the new address.');
        if (then === 'close') return;
      }
      if (then === 'test') setReport(await test(view.id));
      else if (then === 'remove-key')
        setNotice(view.hasKey ? 'The stored key is removed; a key from the environment still applies.' : 'Key removed.');
      else {
        select(view.id);
        onSaved();
      }
    } catch (e) {
      setError(failureMessage(e));
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="provider-settings">
      <form
        className="provider-form"
        aria-label={provider ? `Edit ${provider.name}` : 'Add provider'}
        onSubmit={(e) => {
          e.preventDefault();
          void submit('close');
        }}
      >
        <label>
          Kind
          <select value={catalogId} onChange={(e) => pickKind(e.target.value)} disabled={Boolean(saved)}>
            {CATALOG.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Name
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder="My vLLM box" required />
        </label>
        <label>
          Base URL
          <input
            value={baseUrl}
            onChange={(e) => setBaseUrl(e.target.value)}
            placeholder="http://127.0.0.1:8000/v1"
            required
            inputMode="url"
          />
        </label>
        <div className="key-field">
          <label>
            API key
            <input
              type="password"
              autoComplete="off"
              value={apiKey}
              onChange={(e) => setApiKey(e.target.value)}
              placeholder={
                saved?.hasKey
                  ? 'Stored — leave empty to keep it'
                  : entry.userUrl
                    ? 'Optional for local servers'
                    : 'Paste your key'
              }
            />
          </label>
          {saved?.hasKey && (
            <button type="button" className="link" disabled={busy !== null} onClick={() => void submit('remove-key')}>
              Remove key
            </button>
          )}
        </div>
        <label>
          Model
          <input value={model} onChange={(e) => setModel(e.target.value)} list="model-options" required spellCheck={false} />
          <datalist id="model-options">
            {models.models.map((m) => (
              <option key={m.id} value={m.id}>
                {m.label}
              </option>
            ))}
          </datalist>
        </label>
        {entry.userUrl && (
          <ServerDialect server={dialect.server} thinking={dialect.thinking} guess={guessServer(baseUrl)} onChange={setDialect} />
        )}
        {entry.upstreams.length > 0 && <UpstreamPicker options={entry.upstreams} value={upstream} onChange={setUpstream} />}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        {notice && (
          <p className="muted" role="status">
            {notice}
          </p>
        )}
        {report && <ConnectionResult report={report} model={model} />}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy !== null}>
            Save
          </button>
          <button type="button" disabled={busy !== null} onClick={() => void submit('test')}>
            Test connection
          </button>
          {busy === 'test' && (
            <span className="muted small" role="status">
              Testing…
            </span>
          )}
          <button type="button" className="ghost" onClick={onDone}>
            Back
          </button>
          {saved && (
            <button
              type="button"
              className="danger-link"
              onClick={async () => {
                await remove(saved.id);
                onDone();
              }}
            >
              Delete
            </button>
          )}
        </div>
      </form>
      {editable ? (
        <PricesEditor state={models} shared={entry.userUrl ? null : `Shared by every ${entry.name} provider you configure.`} />
      ) : (
        <p className="muted small">
          Save this server to list its models and enter prices (without a price, cost shows as unknown).
        </p>
      )}
    </div>
  );
}
