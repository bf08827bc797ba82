import { useState } from 'react';
import { formatPageList, pageFit, parsePageRange } from '../../../shared/media/pages.ts';
import { useFigures } from '../../i18n/figures.ts';
import { useTranslation } from '../../i18n/i18n.ts';
import { useStore } from '../../store/index.ts';
import { composerEstimate } from '../../model/composer-estimate.ts';
import { ModalDialog } from '../dialog/modal-dialog.tsx';
import type { PendingAttachment } from '../../model/attachments.ts';
import { PdfThumb } from './pdf-thumb.tsx';

const THUMB_WIDTH = 110;

/**
 * Picks the pages of one PDF to send: all, none, a typed range ("2-5, 8"), or by clicking thumbnails (drawn
 * as they scroll into view). Shows the pages' total visual tokens at the current budget as picks change.
 */
export function PdfPicker({ attachment: a, onClose }: { attachment: PendingAttachment; onClose: () => void }) {
  const pdf = a.pdf!;
  const budget = useStore((s) => s.budget);
  const setPick = useStore((s) => s.setPdfPick);
  const [range, setRange] = useState(formatPageList(pdf.pages));
  const [rangeError, setRangeError] = useState<string | null>(null);
  const { t } = useTranslation();
  const f = useFigures();

  const picked = new Set(pdf.pages);
  const setPages = (pages: number[]) => {
    setPick(a.localId, { pages });
    setRange(formatPageList(pages));
    setRangeError(null);
  };
  const applyRange = () => {
    const r = parsePageRange(range, pdf.pageCount);
    if (r.ok) setPages(r.pages);
    else setRangeError(r.message);
  };
  const est = composerEstimate([a], budget, [], null);
  const fit = pdf.sizes[0] ? pageFit(pdf.sizes[0].width, pdf.sizes[0].height, budget) : null;

  return (
    <ModalDialog
      label={t('pdf.pagesOf', { name: a.name })}
      title={t('pdf.pagesOf', { name: a.name })}
      closeLabel={t('pdf.closePicker')}
      onClose={onClose}
      className="pdf-picker"
      initialFocus="input"
    >
      <div className="pdf-picker-tools">
        <label className="range-field">
          <span className="label-text">{t('pdf.pages')}</span>
          <input
            aria-label={t('pdf.pages')}
            placeholder={t('pdf.rangeExample')}
            value={range}
            onChange={(e) => setRange(e.target.value)}
            onKeyDown={(e) => {
              if (e.key !== 'Enter') return;
              e.preventDefault();
              applyRange();
            }}
            aria-invalid={rangeError ? true : undefined}
          />
        </label>
        <button type="button" onClick={applyRange}>
          {t('pdf.apply')}
        </button>
        <button type="button" onClick={() => setPages(Array.from({ length: pdf.pageCount }, (_, i) => i + 1))}>
          {t('pdf.all')}
        </button>
        <button type="button" onClick={() => setPages([])}>
          {t('pdf.none')}
        </button>
        <label className="check">
          <input type="checkbox" checked={pdf.withText} onChange={(e) => setPick(a.localId, { withText: e.target.checked })} />
          {t('pdf.textLayer')}
        </label>
      </div>
      {rangeError && (
        <p className="error-text" role="alert">
          {rangeError}
        </p>
      )}
      <p className="pdf-picker-total" aria-live="polite" aria-label={t('pdf.picked')}>
        {t('pdf.pickedSummary', { picked: pdf.pages.length, total: pdf.pageCount, tokens: f.tokens(est.imageTokens) })}
        {fit && <span className="muted"> · {t('pdf.eachPage', { w: fit.width, h: fit.height })}</span>}
        {pdf.pages.length > 50 && <span className="error-text">{t('pdf.tooMany')}</span>}
      </p>
      <ul className="pdf-grid" aria-label={t('pdf.pages')}>
        {pdf.sizes.map((size, i) => {
          const n = i + 1;
          const on = picked.has(n);
          return (
            <li key={n}>
              <button
                type="button"
                className={`pdf-page ${on ? 'on' : ''}`}
                aria-pressed={on}
                aria-label={t('pdf.page', { n })}
                onClick={() => setPages(on ? pdf.pages.filter((p) => p !== n) : [...pdf.pages, n].sort((x, y) => x - y))}
              >
                <PdfThumb docKey={a.localId} page={n} width={THUMB_WIDTH} aspect={size.height / size.width} />
                <span className="pdf-page-number">{n}</span>
              </button>
            </li>
          );
        })}
      </ul>
      <footer className="pdf-picker-footer">
        <button type="button" className="primary" onClick={onClose}>
          {t('pdf.done')}
        </button>
      </footer>
    </ModalDialog>
  );
}
