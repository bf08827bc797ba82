/**
 * A clip in the composer: probed once when attached (a codec this window cannot decode is said at once), then
 * sampled into frames that the host stores as derived images, each ready to send with its timestamp.
 */
import { fitToBudget, MAX_BUDGET } from '../../shared/media/budget.ts';
import { DEFAULT_FRAME_COUNT, frameTimes } from '../../shared/media/frames.ts';
import type { AttachmentApi } from '../../shared/bridge/attachments.ts';
import { hostMessage } from '../../shared/messages/messages.ts';
import { failureMessage } from '../model/failure.ts';
import type { ClipFrame, ClipState } from '../model/attachments.ts';
import { CodecError, probeClip, sampleFrames } from './frame-sampler.ts';

/** Object URLs of attached clips, by composer id: the <video> that samples them reads from here. */
const urls = new Map<string, string>();

export async function startClip(localId: string, file: File): Promise<ClipState> {
  const url = URL.createObjectURL(file);
  urls.set(localId, url);
  const base: ClipState = {
    duration: 0,
    width: 0,
    height: 0,
    send: 'frames',
    plan: { mode: 'count', count: DEFAULT_FRAME_COUNT },
    range: { start: 0, end: 0 },
    frames: [],
    sampling: null,
    error: null,
  };
  try {
    const info = await probeClip(url, file.name);
    return { ...base, ...info, range: { start: 0, end: info.duration } };
  } catch (e) {
    if (e instanceof CodecError) return { ...base, error: e.summary };
    throw e;
  }
}

export function closeClip(localId: string): void {
  const url = urls.get(localId);
  if (url) URL.revokeObjectURL(url);
  urls.delete(localId);
}

/**
 * Samples per the clip's plan and range. Frames are captured at the largest size any budget can use (never
 * above the clip's own), so changing the budget later needs no re-sampling: the host sizes them per request.
 */
export async function sampleClip(
  localId: string,
  name: string,
  clip: ClipState,
  signal: AbortSignal,
  update: (p: Partial<ClipState>) => void,
  store: Pick<AttachmentApi, 'putAttachment'>,
): Promise<void> {
  const url = urls.get(localId);
  if (!url) return;
  const times = frameTimes(clip.duration, clip.plan, clip.range);
  const size = fitToBudget(clip.width, clip.height, MAX_BUDGET);
  const frames: ClipFrame[] = [];
  update({ sampling: { done: 0, total: times.length }, frames: [], error: null });
  // Uploads run one after another beside the decoding, so the strip fills in as frames arrive.
  let uploads = Promise.resolve();
  try {
    await sampleFrames(url, name, times, size, {
      signal,
      onFrame: (f, i) => {
        uploads = uploads.then(async () => {
          const info = await store.putAttachment({
            name: `${name} frame ${i + 1}.jpg`,
            mime: 'image/jpeg',
            bytes: new Uint8Array(await f.blob.arrayBuffer()),
          });
          frames.push({ time: f.time, id: info.id, previewUrl: URL.createObjectURL(f.blob), width: f.width, height: f.height });
          if (!signal.aborted) update({ frames: [...frames], sampling: { done: frames.length, total: times.length } });
        });
      },
    });
    await uploads;
    update({ sampling: null });
  } catch (e) {
    if (signal.aborted) return;
    update({
      sampling: null,
      error: e instanceof CodecError ? e.summary : hostMessage('clip.sampling-stopped', { reason: failureMessage(e) }),
    });
  }
}
