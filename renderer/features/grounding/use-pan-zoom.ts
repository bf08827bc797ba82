/**
 * Wheel zoom about the pointer and drag to pan, for the image viewer. The stage is laid out at the zoomed size
 * (not CSS-scaled), so box borders and tags keep their on-screen size while staying on the image's pixels.
 */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

export interface View {
  zoom: number;
  x: number;
  y: number;
}

const MIN_ZOOM = 0.05;
const MAX_ZOOM = 32;
const clampZoom = (z: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, z));

export function usePanZoom(viewport: RefObject<HTMLDivElement | null>, natural: { width: number; height: number } | null) {
  const [view, setView] = useState<View>({ zoom: 1, x: 0, y: 0 });
  const viewRef = useRef(view);
  viewRef.current = view;

  const fit = useCallback(() => {
    const el = viewport.current;
    if (!el || !natural) return;
    const zoom = clampZoom(Math.min(el.clientWidth / natural.width, el.clientHeight / natural.height, 1));
    setView({ zoom, x: (el.clientWidth - natural.width * zoom) / 2, y: (el.clientHeight - natural.height * zoom) / 2 });
  }, [viewport, natural]);

  /** Zooms by `factor` keeping the image point under (cx, cy) (viewport pixels) where it is. */
  const zoomAt = useCallback(
    (factor: number, cx?: number, cy?: number) => {
      const el = viewport.current;
      if (!el) return;
      const v = viewRef.current;
      const px = cx ?? el.clientWidth / 2;
      const py = cy ?? el.clientHeight / 2;
      const zoom = clampZoom(v.zoom * factor);
      const k = zoom / v.zoom;
      setView({ zoom, x: px - (px - v.x) * k, y: py - (py - v.y) * k });
    },
    [viewport],
  );

  useEffect(fit, [fit]);

  useEffect(() => {
    const el = viewport.current;
    if (!el) return;
    // A native listener: React's wheel handler is passive and could not stop the page from scrolling.
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const r = el.getBoundingClientRect();
      zoomAt(Math.pow(1.0015, -e.deltaY * (e.deltaMode === 1 ? 33 : 1)), e.clientX - r.left, e.clientY - r.top);
    };
    let drag: { id: number; x: number; y: number } | null = null;
    const onDown = (e: PointerEvent) => {
      if (e.button !== 0) return;
      drag = { id: e.pointerId, x: e.clientX, y: e.clientY };
      el.setPointerCapture(e.pointerId);
      el.dataset.dragging = 'true';
    };
    const onMove = (e: PointerEvent) => {
      if (!drag || e.pointerId !== drag.id) return;
      const dx = e.clientX - drag.x;
      const dy = e.clientY - drag.y;
      drag = { ...drag, x: e.clientX, y: e.clientY };
      setView((v) => ({ ...v, x: v.x + dx, y: v.y + dy }));
    };
    const onUp = (e: PointerEvent) => {
      if (drag?.id === e.pointerId) drag = null;
      delete el.dataset.dragging;
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    el.addEventListener('pointerdown', onDown);
    el.addEventListener('pointermove', onMove);
    el.addEventListener('pointerup', onUp);
    el.addEventListener('pointercancel', onUp);
    return () => {
      el.removeEventListener('wheel', onWheel);
      el.removeEventListener('pointerdown', onDown);
      el.removeEventListener('pointermove', onMove);
      el.removeEventListener('pointerup', onUp);
      el.removeEventListener('pointercancel', onUp);
    };
  }, [viewport, zoomAt]);

  return { view, fit, zoomAt };
}
