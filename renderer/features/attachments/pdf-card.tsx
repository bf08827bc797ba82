import { useState } from 'react';
import { formatPageList } from '../../../shared/media/pages.ts';
import { useFigures } from '../../i18n/figures.ts';
import { useTranslation } from '../../i18n/i18n.ts';
import { useStore } from '../../store/index.ts';
import { sentParts } from '../../model/composer-estimate.ts';
import type { PendingAttachment } from '../../model/attachments.ts';
import { PdfPassword } from './pdf-password.tsx';
import { PdfPicker } from './pdf-picker.tsx';
import { PdfThumb } from './pdf-thumb.tsx';

/** A PDF in the composer: its first page, how many pages are picked and what they cost; the picker on demand. */
export function PdfCard({ attachment: a }: { attachment: PendingAttachment }) {
  const budget = useStore((s) => s.budget);
  const remove = useStore((s) => s.removeAttachment);
  const [picking, setPicking] = useState(false);
  const { t } = useTranslation();
  const f = useFigures();
  const pdf = a.pdf;
  const tokens = sentParts(a, budget).images.reduce((n, im) => n + (im.width / 28) * (im.height / 28), 0);
  return (
    <li className="media-card" aria-label={a.name}>
      <div className="media-card-head">
        <span className="media-kind">{t('pdf.kind')}</span>
        <span className="media-name" title={a.name}>
          {a.name}
        </span>
        <button
          type="button"
          className="thumb-remove inline"
          aria-label={t('attachments.remove', { name: a.name })}
          onClick={() => remove(a.localId)}
        >
          ×
        </button>
      </div>
      {a.status === 'uploading' || !pdf ? (
        <p className="muted">{t('attachments.reading')}</p>
      ) : pdf.locked ? (
        <PdfPassword localId={a.localId} name={a.name} wrong={pdf.locked === 'wrong-password'} />
      ) : (
        <div className="pdf-card-body">
          <PdfThumb
            docKey={a.localId}
            page={pdf.pages[0] ?? 1}
            width={56}
            aspect={pdf.sizes[(pdf.pages[0] ?? 1) - 1].height / pdf.sizes[(pdf.pages[0] ?? 1) - 1].width}
          />
          <div className="pdf-card-meta">
            <span>
              {pdf.pages.length === pdf.pageCount
                ? t('pdf.allPages', { count: pdf.pageCount })
                : t('pdf.somePages', { list: formatPageList(pdf.pages) || t('pdf.noPages'), total: pdf.pageCount })}
            </span>
            <span className="muted">
              {t('pdf.tok', { tokens: f.tokens(tokens) })}
              {pdf.withText ? t('pdf.plusText') : ''}
            </span>
            <button type="button" className="link" onClick={() => setPicking(true)}>
              {t('pdf.pick')}
            </button>
          </div>
        </div>
      )}
      {picking && pdf && !pdf.locked && <PdfPicker attachment={a} onClose={() => setPicking(false)} />}
    </li>
  );
}
