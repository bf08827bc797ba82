import { useTranslation } from '../../i18n/i18n.ts';
import { useStore } from '../../store/index.ts';
import { BoxLayer } from './box-layer.tsx';
import type { GroundImage, ShownBox } from './use-grounding.ts';

/** One image of the turn with its boxes drawn on it; clicking opens it in the zoomable viewer. */
export function GroundedImage({
  turnId,
  index,
  image,
  boxes,
}: {
  turnId: string;
  index: number;
  image: GroundImage;
  boxes: readonly ShownBox[];
}) {
  const openViewer = useStore((s) => s.openViewer);
  const { t } = useTranslation();
  const title = image.label ?? t('boxes.image', { n: index + 1 });
  return (
    <figure className="grounded-image" aria-label={t('boxes.withBoxes', { title })}>
      <div className="grounded-stage" onClick={() => openViewer(turnId, index)}>
        <img src={image.previewUrl} alt={image.name} draggable={false} />
        <BoxLayer boxes={boxes} />
      </div>
      <figcaption>
        <span>{title}</span>
        <button type="button" className="link" onClick={() => openViewer(turnId, index)}>
          {t('boxes.zoom')}
        </button>
      </figcaption>
    </figure>
  );
}
