import '../grounding/grounding.css';
import { useTranslation } from '../../i18n/i18n.ts';
import { laneColour } from './lane-colour.ts';
import type { LaneBox } from './use-lane-boxes.ts';
import type { GroundImage } from '../grounding/use-grounding.ts';

const pct = (v: number) => `${v * 100}%`;

/**
 * One copy of each image with the boxes of every lane on it, one colour per lane, so a person sees at a glance
 * where thinking and fast disagree. Tags read "lane.box" ("2.1" is lane 2's first box).
 */
export function CompareImage({
  image,
  index,
  boxes,
  labels,
}: {
  image: GroundImage;
  index: number;
  boxes: readonly LaneBox[];
  labels: readonly string[];
}) {
  const { t } = useTranslation();
  const mine = boxes.filter((b) => (b.image ?? 0) === index);
  const title = image.label ?? t('compare.image', { n: index + 1 });
  return (
    <figure className="compare-image" aria-label={t('compare.imageBoxes', { title })}>
      <div className="compare-stage">
        {image.previewUrl ? (
          <img src={image.previewUrl} alt={image.name} draggable={false} />
        ) : (
          <div className="compare-missing">{image.name}</div>
        )}
        <div className="box-layer">
          {mine.map((b) => {
            const name = `${t('compare.laneBox', { lane: labels[b.lane], n: b.n })}${b.label ? `: ${b.label}` : ''}`;
            // Lanes that agree draw the same rectangle: a border style per lane and tags side by side keep both visible.
            const style = {
              ['--box-colour' as string]: laneColour(b.lane),
              ['--lane-index' as string]: b.lane,
              left: pct(b.x1),
              top: pct(b.y1),
            };
            return b.kind === 'point' ? (
              <div key={`${b.lane}:${b.n}`} role="img" aria-label={name} title={name} className="box-point" style={style}>
                <span className="box-tag">{`${b.lane + 1}.${b.n}`}</span>
              </div>
            ) : (
              <div
                key={`${b.lane}:${b.n}`}
                role="img"
                aria-label={name}
                title={name}
                className="box-rect"
                data-lane={b.lane}
                style={{ ...style, width: pct(b.x2 - b.x1), height: pct(b.y2 - b.y1) }}
              >
                <span className="box-tag" data-below={b.y1 < 0.06 || undefined}>{`${b.lane + 1}.${b.n}`}</span>
              </div>
            );
          })}
        </div>
      </div>
      <figcaption>
        <span>{title}</span>
        <span className="compare-legend">
          {labels.map((l, i) => (
            <span key={i} style={{ ['--lane-colour' as string]: laneColour(i) }}>
              {l}: {mine.filter((b) => b.lane === i).length}
            </span>
          ))}
        </span>
      </figcaption>
    </figure>
  );
}
