import { useSyncExternalStore } from 'react';
import { boxColour } from '../../../shared/grounding/palette.ts';
import { t } from '../../i18n/i18n.ts';
import { useStoreApi } from '../../store/index.ts';
import { MAX_CHIPS } from './chip-limit.ts';
import { useGroundingContext } from './grounding-context.ts';

const noSubscription = () => () => {};

/**
 * Where a box was mentioned in the answer: its number in its colour. Hover highlights it on the image. An answer
 * can hold 20,000 chips, so a chip subscribes to nothing but its answer's LiveGrounding (one subscription to the
 * store per answer, not three per chip), and re-renders only when its own box or its highlight changes.
 */
export function BoxChip(props: Record<string, unknown>) {
  const n = Number(props['data-n']);
  // Past the first MAX_CHIPS boxes, the number as text: no hooks, no subscription, no button (see chip-limit.ts).
  return n > MAX_CHIPS ? `[${n}]` : <LiveChip n={n} />;
}

function LiveChip({ n }: { n: number }) {
  const ctx = useGroundingContext();
  const store = useStoreApi();
  const live = ctx?.live;
  // The box itself is the snapshot: its object stays the same until the box changes (see use-grounding.ts).
  const box = useSyncExternalStore(live?.subscribe ?? noSubscription, () =>
    live ? live.box(n) : ctx?.boxes.find((b) => b.n === n),
  );
  const hovered = useSyncExternalStore(live?.subscribe ?? store.subscribe, () =>
    box ? (live ? live.hovered : store.getState().hoveredBox) === box.key : false,
  );
  if (!ctx || !box) return null;
  const images = live ? live.images : ctx.images;
  const where = box.image !== null ? images[box.image]?.name : null;
  const what = box.label ?? (box.kind === 'point' ? t('boxes.point') : t('boxes.box'));
  const setHovered = (key: string | null) => store.getState().setHoveredBox(key);
  return (
    <button
      type="button"
      className="box-chip"
      data-active={hovered || undefined}
      data-hidden={box.hidden || undefined}
      style={{ ['--box-colour' as string]: boxColour(n) }}
      // The global t, not the hook: an answer can hold 20,000 chips, each would subscribe to language changes.
      aria-label={t('boxes.chip', { n })}
      title={`${what} ${n}${where ? t('boxes.on', { where }) : ''} · [${box.raw.join(', ')}]${box.image !== null ? t('boxes.clickZoom') : ''}`}
      onPointerEnter={() => setHovered(box.key)}
      onPointerLeave={() => setHovered(null)}
      onFocus={() => setHovered(box.key)}
      onBlur={() => setHovered(null)}
      onClick={() => box.image !== null && store.getState().openViewer(ctx.turnId, box.image)}
    >
      {n}
    </button>
  );
}
