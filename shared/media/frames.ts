/**
 * Which moments of a clip to sample when a provider cannot take the video itself, and how each frame is named
 * in the request ("frame 3 at 00:12.4"), so the model and the grounding overlay know when each image was taken.
 */
import type { AttachmentRef } from '../bridge/chat.ts';

/** Frames sampled when nobody says otherwise: enough to follow a short clip, cheap at the default budget. */
export const DEFAULT_FRAME_COUNT = 16;
/** Z.AI samples about 2 frames/s over at most 300 s; more than this many images is refused by providers. */
export const MAX_FRAME_COUNT = 50;

/** How frames are spread: a fixed count evenly over the range, or one every 1/fps seconds. */
export type FramePlan = { mode: 'count'; count: number } | { mode: 'fps'; fps: number };

/** A trimmed part of a clip, in seconds; `end` at most the duration. */
export interface TimeRange {
  start: number;
  end: number;
}

/**
 * The timestamps (seconds) to sample. Count mode puts each frame in the middle of its equal slice of the range,
 * so a 16-frame plan of a 16 s clip lands on 0.5, 1.5, ... 15.5 and never on the last, often black, frame.
 * Fps mode starts half an interval in for the same reason. Capped at {@link MAX_FRAME_COUNT}.
 */
export function frameTimes(duration: number, plan: FramePlan, range?: TimeRange): number[] {
  if (!Number.isFinite(duration) || duration <= 0) return [];
  const start = Math.max(0, Math.min(range?.start ?? 0, duration));
  const end = Math.max(start, Math.min(range?.end ?? duration, duration));
  const span = end - start;
  if (span <= 0) return [start];
  let count: number;
  if (plan.mode === 'count') count = Math.round(plan.count);
  else count = Math.floor(span * Math.max(0, plan.fps));
  count = Math.max(1, Math.min(MAX_FRAME_COUNT, count));
  const step = span / count;
  return Array.from({ length: count }, (_, i) => round3(start + step * (i + 0.5)));
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;

/** `mm:ss.t` (or `h:mm:ss.t` past an hour), tenths of a second: "00:12.4". */
export function formatTimestamp(seconds: number): string {
  const tenths = Math.round(Math.max(0, seconds) * 10);
  const h = Math.floor(tenths / 36_000);
  const m = Math.floor((tenths % 36_000) / 600);
  const s = Math.floor((tenths % 600) / 10);
  const t = tenths % 10;
  const mmss = `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.${t}`;
  return h > 0 ? `${h}:${mmss}` : mmss;
}

/** The label sent beside a sampled frame: "frame 3 at 00:12.4" (1-based frame number). */
export const frameLabel = (index: number, seconds: number): string => `frame ${index + 1} at ${formatTimestamp(seconds)}`;

/** The reference sent for one sampled frame of a stored clip: labelled with its number and moment, pointing back at its clip. */
export function frameRef(index: number, seconds: number, imageId: string, clipId: string): AttachmentRef {
  return { id: imageId, label: frameLabel(index, seconds), source: { attachmentId: clipId, timeMs: Math.round(seconds * 1000) } };
}
