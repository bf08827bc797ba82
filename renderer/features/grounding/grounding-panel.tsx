import { useState } from 'react';
import { useFigures } from '../../i18n/figures.ts';
import { useTranslation } from '../../i18n/i18n.ts';
import { BoxList } from './box-list.tsx';
import { MAX_CHIPS } from './chip-limit.ts';
import { GroundedImage } from './grounded-image.tsx';
import type { TurnGrounding } from './use-grounding.ts';
import './grounding.css';

/** Under an answer with boxes: each image that has boxes, drawn on, and the list of boxes with their actions. */
export function GroundingPanel({ turnId, grounding }: { turnId: string; grounding: TurnGrounding }) {
  const [problem, setProblem] = useState<string | null>(null);
  const { t } = useTranslation();
  const f = useFigures();
  const { boxes, images } = grounding;
  const withBoxes = images.map((_, i) => i).filter((i) => boxes.some((b) => b.image === i));
  const orphans = boxes.filter((b) => b.image === null).length;
  return (
    <section className="grounding-panel" aria-label={t('boxes.onImages')}>
      {withBoxes.length > 0 && (
        <div className="grounded-images">
          {withBoxes.map((i) => (
            <GroundedImage key={i} turnId={turnId} index={i} image={images[i]} boxes={boxes.filter((b) => b.image === i)} />
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
