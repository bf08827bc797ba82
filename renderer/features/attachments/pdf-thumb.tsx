import { useEffect, useRef, useState } from 'react';
import { drawThumbnail } from '../../platform/pdf-engine.ts';

/**
 * One page's thumbnail, drawn only once it scrolls into view (IntersectionObserver), so a 500-page PDF opens
 * without drawing 500 pages. Scrolled away before it finished, the drawing is cancelled.
 */
export function PdfThumb({ docKey, page, width, aspect }: { docKey: string; page: number; width: number; aspect: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [state, setState] = useState<'idle' | 'drawn' | 'failed'>('idle');
  useEffect(() => {
    const el = canvas.current;
    if (!el || state !== 'idle') return;
    let ctrl: AbortController | null = null;
    const io = new IntersectionObserver(
      (entries) => {
        const visible = entries.some((e) => e.isIntersecting);
        if (visible && !ctrl) {
          ctrl = new AbortController();
          const mine = ctrl;
          drawThumbnail(docKey, page, el, width, mine.signal).then(
            () => !mine.signal.aborted && setState('drawn'),
            () => {
              if (!mine.signal.aborted) setState('failed');
            },
          );
        } else if (!visible && ctrl) {
          ctrl.abort();
          ctrl = null;
        }
      },
      { rootMargin: '200px' },
    );
    io.observe(el);
    return () => {
      io.disconnect();
      ctrl?.abort();
    };
  }, [docKey, page, width, state]);
  return (
    <canvas
      ref={canvas}
      className={`pdf-thumb ${state}`}
      data-drawn={state === 'drawn' ? 'true' : undefined}
      style={{ width, height: Math.round(width * aspect) }}
      aria-hidden="true"
    />
  );
}
