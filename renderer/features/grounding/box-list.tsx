import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { boxColour } from '../../../shared/grounding/palette.ts';
import { useTranslation } from '../../i18n/i18n.ts';
import { useStore } from '../../store/index.ts';
import { CopyButton } from '../conversation/copy-button.tsx';
import { boxJson } from './box-json.ts';
import { cropBox, cropName, download } from './crop.ts';
import { naturalSize } from './image-size.ts';
import type { GroundImage, ShownBox } from './use-grounding.ts';

const imageTitle = (t: ReturnType<typeof useTranslation>['t'], images: readonly GroundImage[], i: number | null) =>
  i === null ? t('boxes.noImage') : (images[i]?.label ?? t('boxes.image', { n: i + 1 }));

/**
 * A few words before the box in the answer (after any earlier box), for boxes the model gave no label. `index` is
 * the box's place in `boxes`, which are in the answer's order: the box before it is then the nearest earlier one
 * (a scan of all 20,000 per row drawn was a steady cost of every render), unless boxes overlap in the text.
 */
export function boxContext(text: string, b: ShownBox, boxes: readonly ShownBox[], index: number): string {
  const prev = boxes[index - 1];
  const after =
    prev && prev.end <= b.start && (index < 2 || boxes[index - 2]!.end <= prev.end)
      ? prev.end
      : boxes.reduce((at, o) => (o.end <= b.start && o.end > at ? o.end : at), 0);
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

/** A row's height before it is measured (one line of controls); rows that wrap are measured as they are drawn. */
const ROW_ESTIMATE_PX = 30;
/** Rows drawn beyond the visible ones, above and below, so a short scroll shows no gap. */
const OVERSCAN = 8;
/** Rows a Page Up / Page Down moves. */
const PAGE_ROWS = 10;
/** Lists longer than this are windowed; shorter ones are laid out whole, as plain rows. */
export const WINDOW_FROM = 100;

/**
 * One row per box: what it is, which image it is on (movable), and what can be done with it. The list is
 * windowed (TanStack Virtual): only the rows in view exist, so 20,000 boxes cost what 20 do. Every box can be
 * reached by scrolling, or by keyboard: a focused row moves with the arrow keys, Page Up/Down, Home and End, and
 * the focused or hovered row's box is highlighted on the image and in the answer.
 */
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
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const windowed = boxes.length > WINDOW_FROM;
  /** The row that takes Tab focus into the list (roving tabindex), and that the keys move from. */
  const [current, setCurrent] = useState(0);
  /** A row the keys moved to, to be focused once it is drawn. */
  const [focusNext, setFocusNext] = useState<number | null>(null);
  const virtual = useVirtualizer({
    count: boxes.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_ESTIMATE_PX,
    overscan: OVERSCAN,
    getItemKey: (i) => boxes[i]?.key ?? i,
    enabled: windowed,
  });
  const at = Math.min(current, Math.max(0, boxes.length - 1));

  useEffect(() => {
    if (focusNext === null) return;
    const row = scroller.current?.querySelector<HTMLElement>(`li[data-index="${focusNext}"]`);
    if (row) {
      row.focus({ preventScroll: true });
      setFocusNext(null);
    }
  });

  const go = (to: number) => {
    const i = Math.max(0, Math.min(boxes.length - 1, to));
    setCurrent(i);
    setFocusNext(i);
    setHovered(boxes[i]?.key ?? null);
    virtual.scrollToIndex(i, { align: 'auto' });
  };
  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    // Keys typed into a row's controls (the image picker) stay theirs.
    if (!(e.target instanceof HTMLLIElement)) return;
    const moves: Record<string, number> = {
      ArrowDown: at + 1,
      ArrowUp: at - 1,
      PageDown: at + PAGE_ROWS,
      PageUp: at - PAGE_ROWS,
      Home: 0,
      End: boxes.length - 1,
    };
    if (!(e.key in moves)) return;
    e.preventDefault();
    go(moves[e.key] ?? at);
  };

  const crop = async (b: ShownBox, then: (blob: Blob, name: string) => void) => {
    const image = b.image === null ? undefined : images[b.image];
    if (!image) return onCropError(t('boxes.onNoImage', { n: b.n }));
    try {
      then(await cropBox(image.previewUrl, b), cropName(image.name, b));
    } catch (e) {
      onCropError(t('boxes.cropFailed', { n: b.n, message: e instanceof Error ? e.message : String(e) }));
    }
  };

  const items = windowed ? virtual.getVirtualItems() : boxes.map((_, index) => ({ index, start: 0 }));
  return (
    <div className="box-list-scroll" ref={scroller} data-windowed={windowed || undefined}>
      <ul
        className="box-list"
        aria-label={t('boxes.label')}
        data-windowed={windowed || undefined}
        style={windowed ? { height: virtual.getTotalSize() } : undefined}
        onKeyDown={windowed ? onKeyDown : undefined}
      >
        {items.map(({ index, start }) => {
          const b = boxes[index]!;
          return (
            <li
              key={b.key}
              ref={windowed ? virtual.measureElement : undefined}
              data-index={index}
              aria-posinset={windowed ? index + 1 : undefined}
              aria-setsize={windowed ? boxes.length : undefined}
              tabIndex={windowed ? (index === at ? 0 : -1) : undefined}
              style={windowed ? { transform: `translateY(${start}px)` } : undefined}
              onFocus={(e) => {
                if (e.target !== e.currentTarget) return;
                setCurrent(index);
                setHovered(b.key);
              }}
              data-active={hovered === b.key || undefined}
              data-hidden={b.hidden || undefined}
              onPointerEnter={() => setHovered(b.key)}
              onPointerLeave={() => setHovered(null)}
            >
              <span className="box-swatch" style={{ ['--box-colour' as string]: boxColour(b.n) }} aria-hidden="true">
                {b.n}
              </span>
              <span className="box-what" title={`[${b.raw.join(', ')}]`}>
                {b.label ?? (boxContext(text, b, boxes, index) || (b.kind === 'point' ? t('boxes.point') : t('boxes.box')))}
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
          );
        })}
      </ul>
    </div>
  );
}
