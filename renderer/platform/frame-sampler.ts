/**
 * Frames from a clip with the browser's own decoder: a hidden <video> that really seeks to each timestamp
 * and a canvas that copies the picture out. 'seeked' alone is not enough: it can be handled before the
 * decoded frame reaches the element (on a busy machine the copy then shows the previous moment), so each
 * copy also waits for the frame to be presented (requestVideoFrameCallback).
 * No React here, so the benchmark can drive the very same code in a bare page.
 */
import { englishText, type HostMessage, hostMessage } from '../../shared/messages/messages.ts';

export interface ClipInfo {
  duration: number;
  width: number;
  height: number;
}

/** The runtime cannot decode this clip (its codec or container), with a message that says what to do. */
export class CodecError extends Error {
  /** The same as a message code, for the window to say in its language. */
  readonly summary: HostMessage;
  constructor(summary: HostMessage) {
    super(summary.message);
    this.summary = summary;
  }
}

function loadVideo(url: string): HTMLVideoElement {
  const v = document.createElement('video');
  v.muted = true;
  v.preload = 'auto';
  v.playsInline = true;
  v.src = url;
  return v;
}

function codecMessage(v: HTMLVideoElement, name: string): HostMessage {
  return v.error?.code === MediaError.MEDIA_ERR_DECODE
    ? hostMessage('clip.cannot-decode', { name })
    : hostMessage('clip.unsupported', { name });
}

/** Resolves when the first frame is decodable, or rejects with a {@link CodecError}. */
function ready(v: HTMLVideoElement, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => {
      v.removeEventListener('loadeddata', onData);
      v.removeEventListener('error', onError);
    };
    const onData = () => {
      done();
      // Audio-only files "load" too: a clip needs a picture.
      if (!v.videoWidth || !v.videoHeight) reject(new CodecError(hostMessage('clip.no-picture', { name })));
      else resolve();
    };
    const onError = () => {
      done();
      reject(new CodecError(codecMessage(v, name)));
    };
    v.addEventListener('loadeddata', onData);
    v.addEventListener('error', onError);
  });
}

function seek(v: HTMLVideoElement, t: number, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onSeeked = () => {
      v.removeEventListener('error', onError);
      resolve();
    };
    const onError = () => {
      v.removeEventListener('seeked', onSeeked);
      reject(new CodecError(codecMessage(v, name)));
    };
    v.addEventListener('seeked', onSeeked, { once: true });
    v.addEventListener('error', onError, { once: true });
    v.currentTime = t;
  });
}

/**
 * Resolves when the element presents its next frame; armed before a seek so that frame cannot be missed.
 * Every seek presents a freshly decoded frame, even one landing on the frame already shown. Where the
 * runtime lacks the callback, 'seeked' is all there is to wait for.
 */
function nextPresentedFrame(v: HTMLVideoElement): Promise<void> {
  if (typeof v.requestVideoFrameCallback !== 'function') return Promise.resolve();
  return new Promise((resolve) => v.requestVideoFrameCallback(() => resolve()));
}

/** Duration and picture size, once the first frame decodes. */
export async function probeClip(url: string, name: string): Promise<ClipInfo> {
  const v = loadVideo(url);
  try {
    await ready(v, name);
    return { duration: v.duration, width: v.videoWidth, height: v.videoHeight };
  } finally {
    v.removeAttribute('src');
    v.load();
  }
}

export interface SampledFrame {
  time: number;
  blob: Blob;
  width: number;
  height: number;
}

/**
 * Seeks to each time in turn and encodes the picture as JPEG at `size` (the caller keeps it within what any
 * budget can use). Frames are handed out as they come, so a strip can fill in while the rest decode.
 */
export async function sampleFrames(
  url: string,
  name: string,
  times: readonly number[],
  size: { width: number; height: number },
  opts: { signal?: AbortSignal; onFrame?: (f: SampledFrame, index: number) => void; quality?: number } = {},
): Promise<SampledFrame[]> {
  const v = loadVideo(url);
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const ctx = canvas.getContext('2d')!;
  const out: SampledFrame[] = [];
  try {
    await ready(v, name);
    for (let i = 0; i < times.length; i++) {
      if (opts.signal?.aborted) throw new DOMException('Sampling was stopped.', 'AbortError');
      // Never seek exactly to the end: there is no frame there and some decoders show black.
      const presented = nextPresentedFrame(v);
      await seek(v, Math.min(times[i], Math.max(0, v.duration - 0.001)), name);
      await presented;
      ctx.drawImage(v, 0, 0, size.width, size.height);
      const blob = await new Promise<Blob>((resolve, reject) =>
        canvas.toBlob(
          (b) => (b ? resolve(b) : reject(new Error(englishText('clip.frame-not-encoded')))),
          'image/jpeg',
          opts.quality ?? 0.9,
        ),
      );
      const frame = { time: times[i], blob, width: size.width, height: size.height };
      out.push(frame);
      opts.onFrame?.(frame, i);
    }
    return out;
  } finally {
    v.removeAttribute('src');
    v.load();
  }
}
