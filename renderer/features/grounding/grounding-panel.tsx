import { useState } from 'react';
import { anyLowConfidence, wordsOnImage } from '../../../shared/ocr/ocr-result.ts';
import { useFigures } from '../../i18n/figures.ts';
import { useTranslation } from '../../i18n/i18n.ts';
import { useStore } from '../../store/index.ts';
import { BoxList } from './box-list.tsx';
import { MAX_CHIPS } from './chip-limit.ts';
import { GroundedImage } from './grounded-image.tsx';
import { type OcrBoxMode, OcrBoxToggle } from './ocr-box-toggle.tsx';
import { LowConfidenceLegend } from './ocr-word-layer.tsx';
import type { TurnGrounding } from './use-grounding.ts';
import './grounding.css';

/**
 * Under an answer with boxes: each image that has boxes, drawn on, and the list of boxes with their actions. A
 * Local OCR answer can show its words instead of its lines (Lines / Words), low-confidence words marked.
 */
export function GroundingPanel({ turnId, grounding }: { turnId: string; grounding: TurnGrounding }) {
  const [problem, setProblem] = useState<string | null>(null);
  const [mode, setMode] = useState<OcrBoxMode>('lines');
  const { t } = useTranslation();
  const ocrPages = useStore((s) => s.turns.find((x) => x.id === turnId)?.result?.ocr?.pages ?? null);
  const f = useFigures();
  const { boxes, images } = grounding;
  const withBoxes = images.map((_, i) => i).filter((i) => boxes.some((b) => b.image === i));
  const orphans = boxes.filter((b) => b.image === null).length;
  const words = ocrPages && mode === 'words' ? ocrPages : null;
  return (
    <section className="grounding-panel" aria-label={t('boxes.onImages')}>
      {ocrPages && <OcrBoxToggle mode={mode} onChange={setMode} />}
      {words && anyLowConfidence(words) && <LowConfidenceLegend />}
      {withBoxes.length > 0 && (
        <div className="grounded-images">
          {withBoxes.map((i) => (
            <GroundedImage
              key={i}
              turnId={turnId}
              index={i}
              image={images[i]}
              boxes={boxes.filter((b) => b.image === i)}
              words={words ? wordsOnImage(words, i) : null}
            />
          ))}
        </div>
      )}
      {orphans > 0 && <p className="muted">{t('boxes.orphans', { count: orphans })}</p>}
      {problem && (
        <p className="notice" role="alert">
          {problem}
        </p>
      )}
      {boxes.length > MAX_CHIPS && (
        <p className="muted">{t('boxes.chipsCapped', { max: f.tokens(MAX_CHIPS), total: f.tokens(boxes.length) })}</p>
      )}
      <BoxList boxes={boxes} images={images} text={grounding.parse.text} onCropError={setProblem} />
    </section>
  );
}
