import { useFigures } from '../../i18n/figures.ts';
import { useTranslation } from '../../i18n/i18n.ts';
import { useStore } from '../../store/index.ts';
import type { OcrWord } from '../../../shared/ocr/ocr-types.ts';
import { BoxLayer } from './box-layer.tsx';
import { MAX_DRAWN_WORDS, OcrWordLayer } from './ocr-word-layer.tsx';
import type { GroundImage, ShownBox } from './use-grounding.ts';

/**
 * One image of the turn with its boxes drawn on it (or, for a Local OCR answer shown by words, its words);
 * clicking opens it in the zoomable viewer.
 */
export function GroundedImage({
  turnId,
  index,
  image,
  boxes,
  words = null,
}: {
  turnId: string;
  index: number;
  image: GroundImage;
  boxes: readonly ShownBox[];
  words?: readonly OcrWord[] | null;
}) {
  const openViewer = useStore((s) => s.openViewer);
  const { t } = useTranslation();
  const f = useFigures();
  const title = image.label ?? t('boxes.image', { n: index + 1 });
  return (
    <figure className="grounded-image" aria-label={t('boxes.withBoxes', { title })}>
      <div className="grounded-stage" onClick={() => openViewer(turnId, index)}>
        <img src={image.previewUrl} alt={image.name} draggable={false} />
        {words ? <OcrWordLayer words={words} /> : <BoxLayer boxes={boxes} />}
      </div>
      <figcaption>
        <span>{title}</span>
        {words && words.length > MAX_DRAWN_WORDS && (
          <span className="muted">{t('ocrBoxes.firstDrawn', { max: MAX_DRAWN_WORDS, total: f.tokens(words.length) })}</span>
        )}
        <button type="button" className="link" onClick={() => openViewer(turnId, index)}>
          {t('boxes.zoom')}
        </button>
      </figcaption>
    </figure>
  );
}
