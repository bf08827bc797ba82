import { useState } from 'react';
import type { ConnectionReport, ProviderView } from '../../../shared/bridge/providers.ts';
import { CATALOG, catalogEntry } from '../../../shared/providers/catalog.ts';
import { failureMessage } from '../../bridge/bridge-error.ts';
import { useStore } from '../../store/index.ts';

interface Props {
  provider: ProviderView | null;
  /** Back to the list. */
  onDone: () => void;
  /** Saved: the provider is picked and Settings closes, so the next thing is asking. */
  onSaved: () => void;
}

export function ProviderForm({ provider, onDone, onSaved }: Props) {
  const save = useStore((s) => s.saveProvider);
  const remove = useStore((s) => s.deleteProvider);
  const test = useStore((s) => s.testProvider);
  const select = useStore((s) => s.selectProvider);
  const [catalogId, setCatalogId] = useState(provider?.catalogId ?? 'custom');
  const entry = catalogEntry(catalogId);
  const [name, setName] = useState(provider?.name ?? '');
  const [baseUrl, setBaseUrl] = useState(provider?.baseUrl ?? entry.baseUrl);
  const [model, setModel] = useState(provider?.model ?? entry.models[0]?.id ?? '');
  const [apiKey, setApiKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<ConnectionReport | null>(null);
  const [busy, setBusy] = useState(false);

  const pickKind = (id: string) => {
    const e = catalogEntry(id);
    setCatalogId(id);
    if (!provider) {
      setBaseUrl(e.baseUrl);
      setModel(e.models[0]?.id ?? '');
      if (!name) setName(e.userUrl ? '' : e.name);
    }
  };

  async function submit(thenTest: boolean) {
    setBusy(true);
    setError(null);
    try {
      const saved = await save({ id: provider?.id, catalogId, name, baseUrl, model, ...(apiKey ? { apiKey } : {}) });
      if (thenTest) setReport(await test(saved.id));
      else {
        select(saved.id);
        onSaved();
      }
    } catch (e) {
      setError(failureMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="provider-form"
      aria-label={provider ? `Edit ${provider.name}` : 'Add provider'}
      onSubmit={(e) => {
        e.preventDefault();
        void submit(false);
      }}
    >
      <label>
        Kind
        <select value={catalogId} onChange={(e) => pickKind(e.target.value)} disabled={Boolean(provider)}>
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
        <input value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} placeholder="http://127.0.0.1:8000/v1" required inputMode="url" />
      </label>
      <label>
        API key
        <input
          type="password"
          autoComplete="off"
          value={apiKey}
          onChange={(e) => setApiKey(e.target.value)}
          placeholder={provider?.hasKey ? 'Stored — leave empty to keep it' : entry.userUrl ? 'Optional for local servers' : 'Paste your key'}
        />
      </label>
      <label>
        Model
        <input value={model} onChange={(e) => setModel(e.target.value)} list="model-options" required />
        <datalist id="model-options">
          {entry.models.map((m) => (
            <option key={m.id} value={m.id}>
              {m.label}
            </option>
          ))}
        </datalist>
      </label>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {report && <ConnectionResult report={report} />}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          Save
        </button>
        <button type="button" disabled={busy} onClick={() => void submit(true)}>
          Test connection
        </button>
        <button type="button" className="ghost" onClick={onDone}>
          Back
        </button>
        {provider && (
          <button
            type="button"
            className="danger-link"
            onClick={async () => {
              await remove(provider.id);
              onDone();
            }}
          >
            Delete
          </button>
        )}
      </div>
    </form>
  );
}

function ConnectionResult({ report }: { report: ConnectionReport }) {
  if (!report.ok) {
    return (
      <div className="connection-report bad" role="status">
        Connection failed ({report.error?.kind}): {report.error?.message}
      </div>
    );
  }
  return (
    <div className="connection-report ok" role="status">
      Connected. Key: {report.keyStatus}.{' '}
      {report.modelAvailable === null
        ? 'The server lists no models.'
        : report.modelAvailable
          ? 'The model is available.'
          : `The model is not among the ${report.models.length} the server lists.`}
    </div>
  );
}
