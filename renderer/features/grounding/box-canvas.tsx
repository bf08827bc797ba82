/**
 * Many boxes on one image, drawn on a canvas instead of one element each: past a few hundred boxes the elements
 * cost the browser seconds of style and layout (20,000 did), while a canvas draws 20,000 rectangles in a few
 * milliseconds. Two canvases: every box (redrawn when the boxes or the size change) and the highlighted one with
 * the image around it dimmed (redrawn on hover). The pointer finds the box under it (the smallest, so a box
 * inside another can be reached), and the box list reaches every box by keyboard.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { boxColour } from '../../../shared/grounding/palette.ts';
import { t } from '../../i18n/i18n.ts';
import { useStore } from '../../store/index.ts';
import type { ShownBox } from './use-grounding.ts';

/**
 * A canvas side is at most this many pixels: the viewer lays the stage out at up to 32x an image's size, past
 * what a canvas may hold; there the canvas is stretched and its lines are softer.
 */
const MAX_CANVAS_SIDE = 4_096;
/** A point is hit within this many CSS pixels of it. */
const POINT_HIT_PX = 8;

interface Size {
  css: { width: number; height: number };
  /** Canvas pixels per CSS pixel. */
  scale: number;
}

function canvasSize(width: number, height: number): Size {
  const scale = Math.min(
    window.devicePixelRatio || 1,
    MAX_CANVAS_SIDE / Math.max(1, width),
    MAX_CANVAS_SIDE / Math.max(1, height),
  );
  return { css: { width, height }, scale };
}

/** Sizes `canvas` for `size` and returns its context with CSS pixels as units. */
function prepare(canvas: HTMLCanvasElement, size: Size): CanvasRenderingContext2D | null {
  const w = Math.max(1, Math.round(size.css.width * size.scale));
  const h = Math.max(1, Math.round(size.css.height * size.scale));
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  const ctx = canvas.getContext('2d');
  ctx?.setTransform(size.scale, 0, 0, size.scale, 0, 0);
  ctx?.clearRect(0, 0, size.css.width, size.css.height);
  return ctx;
}

const rectOf = (b: ShownBox, { width, height }: Size['css']) =>
  [b.x1 * width, b.y1 * height, (b.x2 - b.x1) * width, (b.y2 - b.y1) * height] as const;

/** Every box, one path per colour (ten stroke calls, not 20,000). */
function drawAll(ctx: CanvasRenderingContext2D, boxes: readonly ShownBox[], css: Size['css']): void {
  const paths = new Map<string, Path2D>();
  for (const b of boxes) {
    const colour = boxColour(b.n);
    let path = paths.get(colour);
    if (!path) paths.set(colour, (path = new Path2D()));
    if (b.kind === 'point') {
      const [x, y] = rectOf(b, css);
      path.moveTo(x + 4, y);
      path.arc(x, y, 4, 0, Math.PI * 2);
    } else path.rect(...rectOf(b, css));
  }
  ctx.lineWidth = 1.5;
  for (const [colour, path] of paths) {
    ctx.strokeStyle = colour;
    ctx.stroke(path);
  }
}

/** The highlighted box: the image around it dimmed, the box drawn thick, its number and label on a tag. */
function drawActive(ctx: CanvasRenderingContext2D, b: ShownBox, css: Size['css']): void {
  const [x, y, w, h] = rectOf(b, css);
  const point = b.kind === 'point';
  ctx.fillStyle = 'rgb(0 0 0 / 0.35)';
  ctx.fillRect(0, 0, css.width, css.height);
  ctx.clearRect(point ? x - 8 : x, point ? y - 8 : y, point ? 16 : w, point ? 16 : h);
  ctx.strokeStyle = boxColour(b.n);
  ctx.lineWidth = 3;
  if (point) {
    ctx.beginPath();
    ctx.arc(x, y, 7, 0, Math.PI * 2);
    ctx.stroke();
  } else ctx.strokeRect(x, y, w, h);
  const tag = b.label ? `${b.n} ${b.label}`.slice(0, 40) : String(b.n);
  ctx.font = '650 11px system-ui, sans-serif';
  const tw = ctx.measureText(tag).width + 8;
  const ty = y >= 16 ? y - 16 : y + (point ? 8 : 0);
  ctx.fillStyle = boxColour(b.n);
  ctx.fillRect(x, ty, tw, 16);
  ctx.fillStyle = '#fff';
  ctx.textBaseline = 'middle';
  ctx.fillText(tag, x + 4, ty + 8);
}

/** The box under (x, y) (CSS pixels in the layer): a point near it, else the smallest box around it. */
export function boxAt(boxes: readonly ShownBox[], x: number, y: number, css: Size['css']): ShownBox | null {
  let best: ShownBox | null = null;
  let bestArea = Number.POSITIVE_INFINITY;
  for (const b of boxes) {
    const [bx, by, bw, bh] = rectOf(b, css);
    if (b.kind === 'point') {
      if (Math.hypot(x - bx, y - by) <= POINT_HIT_PX) return b;
    } else if (x >= bx && x <= bx + bw && y >= by && y <= by + bh && bw * bh < bestArea) {
      best = b;
      bestArea = bw * bh;
    }
  }
  return best;
}

export function BoxCanvas({ boxes }: { boxes: readonly ShownBox[] }) {
  const hoveredKey = useStore((s) => s.hoveredBox);
  const setHovered = useStore((s) => s.setHoveredBox);
  const layer = useRef<HTMLDivElement>(null);
  const base = useRef<HTMLCanvasElement>(null);
  const top = useRef<HTMLCanvasElement>(null);
  const [size, setSize] = useState<Size | null>(null);
  const active = useMemo(() => boxes.find((b) => b.key === hoveredKey) ?? null, [boxes, hoveredKey]);

  useEffect(() => {
    const el = layer.current;
    if (!el) return;
    const measure = () => setSize(canvasSize(el.clientWidth, el.clientHeight));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  // While an answer streams, its boxes grow on every delta: only the new ones are drawn over what is there, at
  // most once a frame. Redrawing all of them each time was the largest script cost of a 20,000-box answer.
  const drawn = useRef<{ boxes: readonly ShownBox[]; size: Size } | null>(null);
  useEffect(() => {
    if (!size) return;
    const id = requestAnimationFrame(() => {
      const canvas = base.current;
      if (!canvas) return;
      const was = drawn.current;
      const grown = was?.size === size && was.boxes.length <= boxes.length && was.boxes.every((b, i) => boxes[i] === b);
      const ctx = grown ? canvas.getContext('2d') : prepare(canvas, size);
      if (!ctx) return;
      drawAll(ctx, grown ? boxes.slice(was.boxes.length) : boxes, size.css);
      drawn.current = { boxes, size };
    });
    return () => cancelAnimationFrame(id);
  }, [boxes, size]);
  useEffect(() => {
    const ctx = size && top.current && prepare(top.current, size);
    if (ctx && size && active) drawActive(ctx, active, size.css);
  }, [active, size]);

  const name = active ? `Box ${active.n}${active.label ? `: ${active.label}` : ''} · [${active.raw.join(', ')}]` : undefined;
  return (
    <div
      ref={layer}
      className="box-layer box-canvas"
      role="img"
      aria-label={t('boxes.drawn', { count: boxes.length })}
      title={name}
      data-boxes={boxes.length}
      onPointerMove={(e) => {
        if (!size) return;
        const r = e.currentTarget.getBoundingClientRect();
        const hit = boxAt(boxes, e.clientX - r.left, e.clientY - r.top, size.css);
        const key = hit?.key ?? null;
        if (key !== hoveredKey) setHovered(key);
      }}
      onPointerLeave={() => setHovered(null)}
    >
      <canvas ref={base} />
      <canvas ref={top} data-testid="box-highlight" data-active={active?.n} />
    </div>
  );
}
