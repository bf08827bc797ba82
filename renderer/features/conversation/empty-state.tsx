import { useTranslation } from '../../i18n/i18n.ts';
import { useStore } from '../../store/index.ts';

export function EmptyState() {
  const provider = useStore((s) => s.providers.find((p) => p.id === s.providerId));
  const { t } = useTranslation();
  return (
    <section className="empty-state" aria-label={t('empty.label')}>
      <div className="empty-mark" aria-hidden="true">
        ◐
      </div>
      <h1>{t('empty.title')}</h1>
      <p>{t('empty.lead')}</p>
      <ul className="hints">
        <li>
          <strong>{t('empty.ocr')}</strong>
          {t('empty.ocrHint')}
        </li>
        <li>
          <strong>{t('empty.qa')}</strong>
          {t('empty.qaHint')}
        </li>
        <li>
          <strong>{t('empty.modes')}</strong>
          {t('empty.modesHint')}
        </li>
      </ul>
      {provider && !provider.hasKey && provider.catalogId !== 'custom' && (
        <p className="muted">{t('empty.needsKey', { name: provider.name })}</p>
      )}
    </section>
  );
}
