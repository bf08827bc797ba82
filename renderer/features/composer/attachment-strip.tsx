import { fitToBudget } from '../../../shared/media/budget.ts';
import { useFigures } from '../../i18n/figures.ts';
import { useTranslation } from '../../i18n/i18n.ts';
import { useStore } from '../../store/index.ts';
import '../attachments/attachments.css';
import { ClipCard } from '../attachments/clip-card.tsx';
import { PdfCard } from '../attachments/pdf-card.tsx';

/** What will be sent: images with the resolution and tokens they will cost, PDFs with their pages, clips with their frames. */
export function AttachmentStrip() {
  const attachments = useStore((s) => s.attachments);
  const budget = useStore((s) => s.budget);
  const remove = useStore((s) => s.removeAttachment);
  const { t } = useTranslation();
  const f = useFigures();
  if (attachments.length === 0) return null;
  return (
    <ul className="attachment-strip" aria-label={t('attachments.label')}>
      {attachments.map((a) => {
        if (a.info?.kind === 'pdf') return <PdfCard key={a.localId} attachment={a} />;
        if (a.info?.kind === 'video') return <ClipCard key={a.localId} attachment={a} />;
        const fit = a.info?.width && a.info.height ? fitToBudget(a.info.width, a.info.height, budget) : null;
        return (
          <li key={a.localId} className="thumb">
            {a.previewUrl ? <img src={a.previewUrl} alt={a.name} /> : <div className="thumb-placeholder">{a.name}</div>}
            <div
              className="thumb-meta"
              title={
                fit && a.info
                  ? `${t('attachments.sentAs', { name: a.name, w: a.info.width, h: a.info.height, sw: fit.width, sh: fit.height })}${a.info.notice ? `. ${a.info.notice}` : ''}`
                  : a.name
              }
            >
              {a.status === 'uploading'
                ? t('attachments.reading')
                : fit
                  ? `${a.info?.notice ? t('attachments.damaged') : ''}${fit.width}×${fit.height} · ${t('attachments.tok', { tokens: f.tokens(fit.tokens) })}`
                  : a.info?.kind}
            </div>
            <button
              type="button"
              className="thumb-remove"
              aria-label={t('attachments.remove', { name: a.name })}
              onClick={() => remove(a.localId)}
            >
              ×
            </button>
          </li>
        );
      })}
    </ul>
  );
}
