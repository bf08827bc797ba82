import { catalogEntry } from '../../../shared/providers/catalog.ts';
import { useTranslation } from '../../i18n/i18n.ts';
import { useNames } from '../../i18n/names.ts';
import { useStore } from '../../store/index.ts';

/** Whether a provider needs a key to work: hosted ones do; Local OCR and the person's own servers do not. */
const needsKey = (catalogId: string) => {
  const e = catalogEntry(catalogId);
  return e.engine === 'chat' && !e.userUrl;
};

export function ProviderPicker({ onOpenSettings }: { onOpenSettings: () => void }) {
  const providers = useStore((s) => s.providers);
  const providerId = useStore((s) => s.providerId);
  const select = useStore((s) => s.selectProvider);
  const { t } = useTranslation();
  const names = useNames();
  const current = providers.find((p) => p.id === providerId);
  return (
    <div className="provider-picker">
      <label>
        <span className="label-text">{t('toolbar.provider')}</span>
        <select aria-label={t('toolbar.provider')} value={providerId ?? ''} onChange={(e) => select(e.target.value)}>
          {providers.map((p) => (
            <option key={p.id} value={p.id}>
              {names.provider(p.name)} · {names.model(p.catalogId, p.model)}
              {p.hasKey || !needsKey(p.catalogId) ? '' : t('toolbar.noKey')}
            </option>
          ))}
        </select>
      </label>
      {current && !current.hasKey && needsKey(current.catalogId) && (
        <button type="button" className="link" onClick={onOpenSettings}>
          {t('toolbar.addKey')}
        </button>
      )}
    </div>
  );
}
