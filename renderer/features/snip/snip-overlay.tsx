/**
 * The crop overlay: the captured picture over the whole window (the whole display in the desktop app, which makes
 * its window full screen for it), a crosshair, drag to select, the size in picture pixels beside the selection.
 * Arrow keys move the selection one picture pixel (Shift: ten), Alt+arrows move its right and bottom edges;
 * Enter, a double-click or Attach crops it; Esc cancels.
 */
import { useEffect, useRef, useState } from 'react';
import {
  containBox,
  isUsable,
  nudge,
  rectFromDrag,
  type SnipRect,
  toImagePoint,
  toShown,
  wholePixels,
} from '../../model/snip-rect.ts';
import { useFigures } from '../../i18n/figures.ts';
import { useTranslation } from '../../i18n/i18n.ts';
import type { SnipPicture } from './snip-state.ts';

interface Props {
  picture: SnipPicture;
  onCrop(rect: SnipRect): void;
  onCancel(): void;
}

const viewport = () => ({ width: window.innerWidth, height: window.innerHeight });

export function SnipOverlay({ picture, onCrop, onCancel }: Props) {
  const { t } = useTranslation();
  const f = useFigures();
  const root = useRef<HTMLDivElement>(null);
  const [view, setView] = useState(viewport);
  const [sel, setSel] = useState<SnipRect | null>(null);
  const [pointer, setPointer] = useState<{ x: number; y: number } | null>(null);
  const dragFrom = useRef<{ x: number; y: number } | null>(null);
  const shown = containBox(picture, view);
  const size = { width: picture.width, height: picture.height };

  useEffect(() => {
    root.current?.focus();
    const onResize = () => setView(viewport());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);

  const crop = () => {
    if (isUsable(sel)) onCrop(wholePixels(sel, size));
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onCancel();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      crop();
    } else if (e.key.startsWith('Arrow') && sel) {
      e.preventDefault();
      setSel(nudge(wholePixels(sel, size), e.key, e.shiftKey ? 10 : 1, e.altKey, size));
    }
  };

  const at = (e: React.PointerEvent) => toImagePoint({ x: e.clientX, y: e.clientY }, shown, size);
  const box = sel ? toShown(sel, shown, size) : null;
  const whole = sel ? wholePixels(sel, size) : null;

  return (
    // biome-ignore lint/a11y/useSemanticElements: a full-window editing surface, not a form dialog
    <div
      ref={root}
      className="snip-overlay"
      role="dialog"
      aria-modal="true"
      aria-label={t('snip.overlay')}
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      <img
        className="snip-picture"
        src={picture.url}
        alt={t('snip.captured')}
        draggable={false}
        style={{ left: shown.x, top: shown.y, width: shown.width, height: shown.height }}
      />
      <div
        className="snip-surface"
        data-testid="snip-surface"
        onPointerDown={(e) => {
          if (e.button !== 0) return;
          e.currentTarget.setPointerCapture(e.pointerId);
          dragFrom.current = at(e);
          setSel(null);
        }}
        onPointerMove={(e) => {
          setPointer({ x: e.clientX, y: e.clientY });
          if (dragFrom.current) setSel(rectFromDrag(dragFrom.current, at(e), size));
        }}
        onPointerUp={() => {
          dragFrom.current = null;
        }}
        onDoubleClick={crop}
      />
      {!box && pointer && (
        <>
          <div className="snip-guide snip-guide-x" style={{ top: pointer.y }} aria-hidden="true" />
          <div className="snip-guide snip-guide-y" style={{ left: pointer.x }} aria-hidden="true" />
        </>
      )}
      {box && whole && (
        <div className="snip-selection" style={{ left: box.x, top: box.y, width: box.width, height: box.height }}>
          <output className="snip-size" aria-label={t('snip.size')}>
            {t('snip.sizeValue', { width: f.decimal(whole.width, 0), height: f.decimal(whole.height, 0) })}
          </output>
        </div>
      )}
      <div className="snip-bar">
        <span>{t('snip.howTo')}</span>
        <button type="button" className="primary" disabled={!isUsable(sel)} onClick={crop}>
          {t('snip.attach')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('snip.cancel')}
        </button>
      </div>
    </div>
  );
}
