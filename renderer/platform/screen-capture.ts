/**
 * The browser shell's snip: one frame of what the person shares through getDisplayMedia (a screen, a window or a
 * tab, chosen in the browser's own picker), as a PNG. The stream is stopped as soon as the frame is read, so the
 * browser's "sharing" indicator disappears at once.
 */
import type { SnipRect } from '../model/snip-rect.ts';

export interface CapturedPicture {
  blob: Blob;
  width: number;
  height: number;
}

/** A refusal or failure, with what to do about it. */
export class CaptureError extends Error {}

function refusal(e: unknown): CaptureError {
  const name = e instanceof DOMException ? e.name : '';
  if (name === 'NotAllowedError') {
    return new CaptureError(
      'Screen capture was refused. Snip again and choose a screen, window or tab to share; if the browser does not ask, allow screen sharing for this page in its site settings (on macOS the browser also needs Screen Recording in System Settings › Privacy & Security).',
    );
  }
  if (name === 'NotFoundError' || name === 'NotReadableError') {
    return new CaptureError(`Nothing could be captured (${name}): the screen may be locked or in use by another program.`);
  }
  if (!navigator.mediaDevices?.getDisplayMedia) {
    return new CaptureError('This browser cannot capture the screen here (it needs a secure page: http://127.0.0.1 or https).');
  }
  return new CaptureError(`The screen could not be captured: ${e instanceof Error ? e.message : String(e)}`);
}

async function toPng(source: CanvasImageSource, width: number, height: number): Promise<Blob> {
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new CaptureError('The picture could not be drawn (no 2D canvas).');
  ctx.drawImage(source, 0, 0, width, height);
  return canvas.convertToBlob({ type: 'image/png' });
}

export async function captureDisplayFrame(): Promise<CapturedPicture> {
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
  } catch (e) {
    throw refusal(e);
  }
  const video = document.createElement('video');
  try {
    video.muted = true;
    video.srcObject = stream;
    // The first decoded frame, not the moment the stream opened (which has no picture yet).
    const ready = new Promise<void>((resolve, reject) => {
      video.addEventListener('loadeddata', () => resolve(), { once: true });
      video.addEventListener('error', () => reject(new CaptureError('The shared screen sent no picture.')), { once: true });
    });
    await video.play();
    await ready;
    const { videoWidth: width, videoHeight: height } = video;
    if (!width || !height) throw new CaptureError('The shared screen sent an empty picture.');
    return { blob: await toPng(video, width, height), width, height };
  } finally {
    for (const t of stream.getTracks()) t.stop();
    video.srcObject = null;
  }
}

/** The part `r` (in the picture's own pixels) of a PNG, as a PNG. */
export async function cropPicture(picture: Blob, r: SnipRect): Promise<Blob> {
  const bitmap = await createImageBitmap(picture, r.x, r.y, r.width, r.height);
  try {
    return await toPng(bitmap, r.width, r.height);
  } finally {
    bitmap.close();
  }
}
