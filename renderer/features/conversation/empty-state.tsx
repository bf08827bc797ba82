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
  return (
    <section className="empty-state" aria-label="Getting started">
      <div className="empty-mark" aria-hidden="true">
        ◐
      </div>
      <h1>Read the text of any scan, offline</h1>
      <p>
        Drop, paste or attach an image or a PDF and press Send: Local OCR reads its text on this computer, with each line boxed on
        the image. No key, no network, no account.
      </p>
      <ul className="hints">
        <li>
          <strong>Works offline</strong> — photos, screenshots, scans and PDF pages, in English and Simplified Chinese (pick the
          languages in the model menu).
        </li>
        <li>
          <strong>Questions about images</strong> — for Q&amp;A, formulas or receipts to JSON, add an API key in Settings (Z.AI,
          BigModel, OpenRouter, Novita) or run a local model server (Ollama, LM Studio, vLLM).
        </li>
      </ul>
    </section>
  );
}
