import { boxColour } from '../../../shared/grounding/palette.ts';
import { useStore } from '../../store/index.ts';
import { BoxCanvas } from './box-canvas.tsx';
import type { ShownBox } from './use-grounding.ts';

const pct = (v: number) => `${v * 100}%`;

/**
 * Up to this many boxes on one image are elements (each with its own tag, hover and tooltip); past it they are
 * drawn on one canvas (box-canvas.tsx): thousands of elements take the browser seconds to style and lay out.
 */
export const MAX_BOX_ELEMENTS = 200;

/**
 * The boxes of one image, laid over it in fractions of its size, so they stay on the same pixels at any size the
 * image is shown at, zoomed or not; borders stay the same width on screen.
 */
export function BoxLayer({ boxes }: { boxes: readonly ShownBox[] }) {
  const shown = boxes.filter((b) => !b.hidden);
  return shown.length > MAX_BOX_ELEMENTS ? <BoxCanvas boxes={shown} /> : <BoxElements boxes={shown} />;
}

/** Each box an element placed in CSS percentages of the image. */
function BoxElements({ boxes }: { boxes: readonly ShownBox[] }) {
  const hovered = useStore((s) => s.hoveredBox);
  const setHovered = useStore((s) => s.setHoveredBox);
  return (
    <div className="box-layer">
      {boxes.map((b) => {
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
