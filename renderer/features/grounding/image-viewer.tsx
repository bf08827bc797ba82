import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../../i18n/i18n.ts';
import { useStore } from '../../store/index.ts';
import { BoxLayer } from './box-layer.tsx';
import { BoxList } from './box-list.tsx';
import { naturalSize } from './image-size.ts';
import { usePanZoom } from './use-pan-zoom.ts';
import type { TurnGrounding } from './use-grounding.ts';

/**
 * A large view of one image of a turn with its boxes: wheel to zoom about the pointer, drag to pan, keys + - 0.
 * The boxes are laid out in the image's own coordinates, so they stay on their pixels at every zoom.
 */
export function ImageViewer({ turnId, grounding }: { turnId: string; grounding: TurnGrounding }) {
  const viewer = useStore((s) => s.viewer);
  if (!viewer || viewer.turnId !== turnId) return null;
  return <ViewerDialog index={viewer.image} turnId={turnId} grounding={grounding} />;
}

function ViewerDialog({ index, turnId, grounding }: { index: number; turnId: string; grounding: TurnGrounding }) {
  const close = useStore((s) => s.closeViewer);
  const open = useStore((s) => s.openViewer);
  const dialog = useRef<HTMLDialogElement>(null);
  const viewport = useRef<HTMLDivElement>(null);
  const image = grounding.images[index];
  const [natural, setNatural] = useState<{ width: number; height: number } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const { view, fit, zoomAt } = usePanZoom(viewport, natural);
  const boxes = grounding.boxes.filter((b) => b.image === index);
  const { t } = useTranslation();

  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  useEffect(() => {
    let live = true;
    setNatural(null);
    if (image)
      naturalSize(image.previewUrl).then(
        (s) => live && setNatural(s),
        () => live && setProblem(t('boxes.gone')),
      );
    return () => {
      live = false;
    };
  }, [image, t]);

  const title = image ? (image.label ?? t('boxes.image', { n: index + 1 })) : t('boxes.imageWord');
  return (
    <dialog
      ref={dialog}
      className="image-viewer"
      aria-label={t('boxes.viewer')}
      onClose={close}
      onKeyDown={(e) => {
        if (e.target instanceof HTMLSelectElement) return;
        if (e.key === '+' || e.key === '=') zoomAt(1.25);
        else if (e.key === '-') zoomAt(0.8);
        else if (e.key === '0') fit();
      }}
    >
      <header className="viewer-bar">
        <strong title={image?.name}>{title}</strong>
        {grounding.images.length > 1 && (
          <span className="viewer-nav">
            <button type="button" aria-label={t('boxes.prev')} disabled={index === 0} onClick={() => open(turnId, index - 1)}>
              ‹
            </button>
            <span>
              {index + 1} / {grounding.images.length}
            </span>
            <button
              type="button"
              aria-label={t('boxes.next')}
              disabled={index >= grounding.images.length - 1}
              onClick={() => open(turnId, index + 1)}
            >
              ›
            </button>
          </span>
        )}
        <span className="viewer-zoom">
          <button type="button" aria-label={t('boxes.zoomOut')} onClick={() => zoomAt(0.8)}>
            −
          </button>
          <output aria-label={t('boxes.zoomLevel')}>{Math.round(view.zoom * 100)}%</output>
          <button type="button" aria-label={t('boxes.zoomIn')} onClick={() => zoomAt(1.25)}>
            +
          </button>
          <button type="button" onClick={fit}>
            {t('boxes.fit')}
          </button>
        </span>
        <button
          type="button"
          className="viewer-close"
          aria-label={t('boxes.closeViewer')}
          onClick={() => dialog.current?.close()}
        >
          ×
        </button>
      </header>
      <div className="viewer-body">
        <div className="viewer-viewport" ref={viewport} data-testid="viewer-viewport">
          {problem ? (
            <p className="muted">{problem}</p>
          ) : (
            image &&
            natural && (
              <div
                className="viewer-stage"
                style={{
                  width: natural.width * view.zoom,
                  height: natural.height * view.zoom,
                  transform: `translate(${view.x}px, ${view.y}px)`,
                }}
              >
                <img src={image.previewUrl} alt={image.name} draggable={false} />
                <BoxLayer boxes={boxes} />
              </div>
            )
          )}
        </div>
        {boxes.length > 0 && (
          <aside className="viewer-side">
            <BoxList boxes={boxes} images={grounding.images} text={grounding.parse.text} onCropError={setProblem} />
          </aside>
        )}
      </div>
    </dialog>
  );
}
