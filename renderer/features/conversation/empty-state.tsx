import { catalogEntry, isLocalOcr } from '../../../shared/providers/catalog.ts';
import { useTranslation } from '../../i18n/i18n.ts';
import { useStore } from '../../store/index.ts';

export function EmptyState() {
  const provider = useStore((s) => s.providers.find((p) => p.id === s.providerId));
  const { t } = useTranslation();
  if (provider && isLocalOcr(provider.catalogId)) return <OfflineEmptyState />;
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
      {provider && !provider.hasKey && !catalogEntry(provider.catalogId).userUrl && (
        <p className="muted">{t('empty.needsKey', { name: provider.name })}</p>
      )}
    </section>
  );
}

/** With Local OCR picked (no key, or chosen): what works offline now, and how to get answers to questions. */
function OfflineEmptyState() {
  const { t } = useTranslation();
  return (
    <section className="empty-state" aria-label={t('empty.label')}>
      <div className="empty-mark" aria-hidden="true">
        ◐
      </div>
      <h1>{t('offline.title')}</h1>
      <p>{t('offline.lead')}</p>
      <ul className="hints">
        <li>
          <strong>{t('offline.works')}</strong>
          {t('offline.worksHint')}
        </li>
        <li>
          <strong>{t('offline.qa')}</strong>
          {t('offline.qaHint')}
        </li>
      </ul>
    </section>
  );
}
