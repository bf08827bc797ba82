import { useTranslation } from '../../i18n/i18n.ts';
import { useStore } from '../../store/index.ts';

export function ProviderPicker({ onOpenSettings }: { onOpenSettings: () => void }) {
  const providers = useStore((s) => s.providers);
  const providerId = useStore((s) => s.providerId);
  const select = useStore((s) => s.selectProvider);
  const { t } = useTranslation();
  const current = providers.find((p) => p.id === providerId);
  return (
    <div className="provider-picker">
      <label>
        <span className="label-text">{t('toolbar.provider')}</span>
        <select aria-label={t('toolbar.provider')} value={providerId ?? ''} onChange={(e) => select(e.target.value)}>
          {providers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} · {p.model}
              {p.hasKey || p.catalogId === 'custom' ? '' : t('toolbar.noKey')}
            </option>
          ))}
        </select>
      </label>
      {current && !current.hasKey && current.catalogId !== 'custom' && (
        <button type="button" className="link" onClick={onOpenSettings}>
          {t('toolbar.addKey')}
        </button>
      )}
    </div>
  );
}
