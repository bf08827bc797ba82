import { boxColour } from '../../../shared/grounding/palette.ts';
import { useStore } from '../../store/index.ts';
import { useGroundingContext } from './grounding-context.ts';

/** Where a box was mentioned in the answer: its number in its colour. Hover highlights it on the image. */
export function BoxChip(props: Record<string, unknown>) {
  const ctx = useGroundingContext();
  const n = Number(props['data-n']);
  const box = ctx?.boxes.find((b) => b.n === n);
  const hovered = useStore((s) => (box ? s.hoveredBox === box.key : false));
  const setHovered = useStore((s) => s.setHoveredBox);
  const openViewer = useStore((s) => s.openViewer);
  if (!ctx || !box) return null;
  const where = box.image !== null ? ctx.images[box.image]?.name : null;
  const what = box.label ?? (box.kind === 'point' ? 'point' : 'box');
  return (
    <button
      type="button"
      className="box-chip"
      data-active={hovered || undefined}
      data-hidden={box.hidden || undefined}
      style={{ ['--box-colour' as string]: boxColour(n) }}
      aria-label={`Box ${n}`}
      title={`${what} ${n}${where ? ` on ${where}` : ''} · [${box.raw.join(', ')}]${box.image !== null ? ' · click to zoom' : ''}`}
      onPointerEnter={() => setHovered(box.key)}
      onPointerLeave={() => setHovered(null)}
      onFocus={() => setHovered(box.key)}
      onBlur={() => setHovered(null)}
      onClick={() => box.image !== null && openViewer(ctx.turnId, box.image)}
    >
      {n}
    </button>
  );
}
