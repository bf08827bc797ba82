import { boxColour } from '../../../shared/grounding/palette.ts';
import { useStore } from '../../store/index.ts';
import type { ShownBox } from './use-grounding.ts';

const pct = (v: number) => `${v * 100}%`;

/** Boxes drawn on one image at most: past a few hundred they hide the image, and 20,000 take seconds to lay out. */
export const MAX_DRAWN_BOXES = 500;

/**
 * The boxes of one image, laid over it in fractions of its size (CSS percentages), so they stay on the same
 * pixels at any size the image is shown at, zoomed or not; borders stay the same width on screen.
 */
export function BoxLayer({ boxes }: { boxes: readonly ShownBox[] }) {
  const hovered = useStore((s) => s.hoveredBox);
  const setHovered = useStore((s) => s.setHoveredBox);
  return (
    <div className="box-layer">
      {boxes
        .filter((b) => !b.hidden)
        .slice(0, MAX_DRAWN_BOXES)
        .map((b) => {
          const name = `Box ${b.n}${b.label ? `: ${b.label}` : ''}`;
          const style = { ['--box-colour' as string]: boxColour(b.n), left: pct(b.x1), top: pct(b.y1) };
          const common = {
            role: 'img',
            'aria-label': name,
            title: `${name} · [${b.raw.join(', ')}]`,
            'data-active': hovered === b.key || undefined,
            onPointerEnter: () => setHovered(b.key),
            onPointerLeave: () => setHovered(null),
          };
          return b.kind === 'point' ? (
            <div key={b.key} className="box-point" style={style} {...common}>
              <span className="box-tag">{b.label ? `${b.n} ${b.label}` : b.n}</span>
            </div>
          ) : (
            <div
              key={b.key}
              className="box-rect"
              style={{ ...style, width: pct(b.x2 - b.x1), height: pct(b.y2 - b.y1) }}
              {...common}
            >
              <span className="box-tag" data-below={b.y1 < 0.06 || undefined}>
                {b.label ? `${b.n} ${b.label}` : b.n}
              </span>
            </div>
          );
        })}
    </div>
  );
}
