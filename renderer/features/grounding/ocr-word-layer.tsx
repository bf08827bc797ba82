import { LOW_CONFIDENCE } from '../../../shared/ocr/ocr-result.ts';
import type { OcrWord } from '../../../shared/ocr/ocr-types.ts';
import { useFigures } from '../../i18n/figures.ts';
import { useTranslation } from '../../i18n/i18n.ts';

const pct = (v: number) => `${v * 100}%`;

/** Words drawn on one image at most: a dense page has a few hundred; past this they only hide the page. */
export const MAX_DRAWN_WORDS = 2000;

/**
 * Local OCR's word boxes over one image, in fractions of its size like the line boxes (box-layer.tsx); a word
 * read with low confidence is drawn dashed and says so in its name, so it is found by eye and by screen reader.
 */
export function OcrWordLayer({ words }: { words: readonly OcrWord[] }) {
  const { t } = useTranslation();
  const f = useFigures();
  return (
    <div className="box-layer">
      {words.slice(0, MAX_DRAWN_WORDS).map((w, i) => {
        const name = t(w.low ? 'ocrBoxes.wordLow' : 'ocrBoxes.word', { text: w.text, confidence: f.decimal(w.confidence, 0) });
        return (
          <div
            // Words have no identity beyond their place in reading order, which never changes for a finished answer.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            key={i}
            className="word-box"
            data-low={w.low || undefined}
            role="img"
            aria-label={name}
            title={name}
            style={{ left: pct(w.box.x1), top: pct(w.box.y1), width: pct(w.box.x2 - w.box.x1), height: pct(w.box.y2 - w.box.y1) }}
          />
        );
      })}
    </div>
  );
}

/** The legend under a words view: what the dashed boxes mean. */
export function LowConfidenceLegend() {
  const { t } = useTranslation();
  const f = useFigures();
  return (
    <p className="muted ocr-legend">
      <span className="word-box-swatch" data-low aria-hidden="true" />{' '}
      {t('ocrBoxes.lowLegend', { percent: f.decimal(LOW_CONFIDENCE, 0) })}
    </p>
  );
}
