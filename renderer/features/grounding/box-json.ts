/** A box as JSON for the clipboard: normalised (0..1), the model's own numbers, and pixels of its image. */
import { toPixels } from '../../../shared/grounding/coords.ts';
import type { GroundImage, ShownBox } from './use-grounding.ts';

export function boxJson(b: ShownBox, image: GroundImage | undefined, size: { width: number; height: number } | null) {
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  return {
    n: b.n,
    label: b.label,
    kind: b.kind,
    image: b.image === null ? null : b.image + 1,
    image_name: image?.name ?? null,
    normalized: { x1: round(b.x1), y1: round(b.y1), x2: round(b.x2), y2: round(b.y2) },
    pixels: size ? { ...toPixels(b, size.width, size.height), image_width: size.width, image_height: size.height } : null,
    model: b.raw,
  };
}
