import { useState } from 'react';
import type { ConnectionReport, ProviderView } from '../../../shared/bridge/providers.ts';
import { ServerDialect } from '../playground/server-dialect.tsx';
import { useServerKind } from '../playground/use-server-kind.ts';
import { CATALOG, catalogEntry } from '../../../shared/providers/catalog.ts';
import { useTranslation } from '../../i18n/i18n.ts';
import { useNames } from '../../i18n/names.ts';
import { hostText } from '../../i18n/host-text.ts';
import { failureText } from '../../model/failure.ts';
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
  const { t } = useTranslation();
  const names = useNames();
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
  const identified = useServerKind(entry.userUrl ? baseUrl : null);
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
        ...(entry.userUrl ? { server: dialect.server ?? identified?.kind ?? 'vllm', thinkingDialect: dialect.thinking } : {}),
      });
      setSaved(view);
      setApiKey('');
      if (view.keyDropped) {
        // Saved, but the person must learn that the key stayed with the old address before anything else happens.
        setNotice(t('settings.form.keyMoved'));
        if (then === 'close') return;
      }
      if (then === 'test') setReport(await test(view.id));
      else if (then === 'remove-key') setNotice(view.hasKey ? t('settings.form.envKey') : t('settings.form.keyRemoved'));
      else {
        select(view.id);
        onSaved();
      }
    } catch (e) {
      setError(hostText(failureText(e)));
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="provider-settings">
      <form
        className="provider-form"
        aria-label={provider ? t('settings.editNamed', { name: provider.name }) : t('settings.addProvider')}
        onSubmit={(e) => {
          e.preventDefault();
          void submit('close');
        }}
      >
        <label>
          {t('settings.form.kind')}
          <select value={catalogId} onChange={(e) => pickKind(e.target.value)} disabled={Boolean(saved)}>
            {CATALOG.filter((c) => c.engine !== 'local-ocr').map((c) => (
              <option key={c.id} value={c.id}>
                {names.kind(c.id, c.name)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('settings.form.name')}
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder={t('settings.form.namePlaceholder')}
            required
          />
        </label>
        <label>
          {t('settings.form.baseUrl')}
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
            {t('settings.form.apiKey')}
            <input
              type="password"
              autoComplete="off"
              value={apiKey}
              onChange={(e) => setApiKey(e.target.value)}
              placeholder={
                saved?.hasKey
                  ? t('settings.form.keyStored')
                  : entry.userUrl
                    ? t('settings.form.keyOptional')
                    : t('settings.form.keyPaste')
              }
            />
          </label>
          {saved?.hasKey && (
            <button type="button" className="link" disabled={busy !== null} onClick={() => void submit('remove-key')}>
              {t('settings.form.removeKey')}
            </button>
          )}
        </div>
        <label>
          {t('settings.form.model')}
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
          <ServerDialect server={dialect.server} thinking={dialect.thinking} guess={identified} onChange={setDialect} />
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
            {t('settings.form.save')}
          </button>
          <button type="button" disabled={busy !== null} onClick={() => void submit('test')}>
            {t('settings.form.test')}
          </button>
          {busy === 'test' && (
            <span className="muted small" role="status">
              {t('settings.form.testing')}
            </span>
          )}
          <button type="button" className="ghost" onClick={onDone}>
            {t('settings.form.back')}
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
              {t('settings.form.delete')}
            </button>
          )}
        </div>
      </form>
      {editable ? (
        <PricesEditor state={models} shared={entry.userUrl ? null : t('settings.form.shared', { name: entry.name })} />
      ) : (
        <p className="muted small">{t('settings.form.saveFirst')}</p>
      )}
    </div>
  );
}
