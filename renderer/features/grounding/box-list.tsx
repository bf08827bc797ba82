import { useState } from 'react';
import { boxColour } from '../../../shared/grounding/palette.ts';
import { useFigures } from '../../i18n/figures.ts';
import { useTranslation } from '../../i18n/i18n.ts';
import { useStore } from '../../store/index.ts';
import { CopyButton } from '../conversation/copy-button.tsx';
import { boxJson } from './box-json.ts';
import { cropBox, cropName, download } from './crop.ts';
import { naturalSize } from './image-size.ts';
import type { GroundImage, ShownBox } from './use-grounding.ts';

const imageTitle = (t: ReturnType<typeof useTranslation>['t'], images: readonly GroundImage[], i: number | null) =>
  i === null ? t('boxes.noImage') : (images[i]?.label ?? t('boxes.image', { n: i + 1 }));

/** A few words before the box in the answer (after any earlier box), for boxes the model gave no label. */
export function boxContext(text: string, b: ShownBox, boxes: readonly ShownBox[]): string {
  const after = boxes.reduce((at, o) => (o.end <= b.start && o.end > at ? o.end : at), 0);
  const line =
    text
      .slice(Math.max(after, b.start - 80), b.start)
      .split('\n')
      .at(-1) ?? '';
  const words = line
    .replace(/[*_`#|>[\]()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[,.;:]\s*/, '');
  return words.length > 48 ? `…${words.slice(-47)}` : words;
}

/** Rows drawn at first, and added per "Show more": 20,000 rows of controls take seconds to lay out. */
export const BOX_ROWS_STEP = 100;

/** One row per box: what it is, which image it is on (movable), and what can be done with it. */
export function BoxList({
  boxes,
  images,
  text,
  onCropError,
}: {
  boxes: readonly ShownBox[];
  images: readonly GroundImage[];
  text: string;
  onCropError: (message: string) => void;
}) {
  const hovered = useStore((s) => s.hoveredBox);
  const setHovered = useStore((s) => s.setHoveredBox);
  const toggleHidden = useStore((s) => s.toggleBoxHidden);
  const moveBox = useStore((s) => s.moveBox);
  const addFiles = useStore((s) => s.addFiles);
  const [rows, setRows] = useState(BOX_ROWS_STEP);
  const { t } = useTranslation();
  const f = useFigures();

  const crop = async (b: ShownBox, then: (blob: Blob, name: string) => void) => {
    const image = b.image === null ? undefined : images[b.image];
    if (!image) return onCropError(t('boxes.onNoImage', { n: b.n }));
    try {
      then(await cropBox(image.previewUrl, b), cropName(image.name, b));
    } catch (e) {
      onCropError(t('boxes.cropFailed', { n: b.n, message: e instanceof Error ? e.message : String(e) }));
    }
  };

  const more = boxes.length - rows;
  return (
    <>
      <ul className="box-list" aria-label={t('boxes.label')}>
        {boxes.slice(0, rows).map((b) => (
          <li
            key={b.key}
            data-active={hovered === b.key || undefined}
            data-hidden={b.hidden || undefined}
            onPointerEnter={() => setHovered(b.key)}
            onPointerLeave={() => setHovered(null)}
          >
            <span className="box-swatch" style={{ ['--box-colour' as string]: boxColour(b.n) }} aria-hidden="true">
              {b.n}
            </span>
            <span className="box-what" title={`[${b.raw.join(', ')}]`}>
              {b.label ?? (boxContext(text, b, boxes) || (b.kind === 'point' ? t('boxes.point') : t('boxes.box')))}
              {b.kind === 'point' && b.label ? t('boxes.pointSuffix') : ''}
            </span>
            {images.length > 1 ? (
              <select
                aria-label={t('boxes.imageOf', { n: b.n })}
                value={b.image ?? ''}
                onChange={(e) => moveBox(b.key, Number(e.target.value))}
              >
                {images.map((_, i) => (
                  <option key={i} value={i}>
                    {imageTitle(t, images, i)}
                    {i === b.parsedImage ? (b.imageNamed ? t('boxes.named') : t('boxes.default')) : ''}
                  </option>
                ))}
              </select>
            ) : (
              <span className="box-where">{imageTitle(t, images, b.image)}</span>
            )}
            <span className="box-actions">
              <button
                type="button"
                aria-pressed={b.hidden}
                aria-label={t('boxes.hide', { n: b.n })}
                onClick={() => toggleHidden(b.key)}
              >
                {b.hidden ? t('boxes.showShort') : t('boxes.hideShort')}
              </button>
              <CopyButton
                label={t('boxes.copyJson', { n: b.n })}
                text={async () => {
                  const image = b.image === null ? undefined : images[b.image];
                  const size = image
                    ? image.width && image.height
                      ? { width: image.width, height: image.height }
                      : await naturalSize(image.previewUrl)
                    : null;
                  return JSON.stringify(boxJson(b, image, size), null, 2);
                }}
              >
                {t('boxes.json')}
              </CopyButton>
              <button
                type="button"
                aria-label={t('boxes.saveCrop', { n: b.n })}
                title={t('boxes.saveTitle')}
                onClick={() => void crop(b, download)}
              >
                {t('boxes.save')}
              </button>
              <button
                type="button"
                aria-label={t('boxes.attachCrop', { n: b.n })}
                title={t('boxes.attachTitle')}
                onClick={() => void crop(b, (blob, name) => void addFiles([new File([blob], name, { type: 'image/png' })]))}
              >
                {t('boxes.attach')}
              </button>
            </span>
          </li>
        ))}
      </ul>
      {more > 0 && (
        <p className="muted box-list-more">
          {t('boxes.listed', { rows: f.tokens(rows), total: f.tokens(boxes.length) })}{' '}
          <button type="button" className="link" onClick={() => setRows((r) => r + BOX_ROWS_STEP)}>
            {t('boxes.more', { n: Math.min(more, BOX_ROWS_STEP) })}
          </button>
        </p>
      )}
    </>
  );
}
