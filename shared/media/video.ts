/** What a provider takes as native video (docs/providers.md, Media): Z.AI/BigModel `video_url`. */
import { type HostMessage, hostMessage } from '../messages/messages.ts';

/** Z.AI refuses clips over 200 MB; checked before a clip is offered or sent natively. */
export const MAX_NATIVE_VIDEO_BYTES = 200 * 1024 * 1024;

/** Containers Z.AI documents for `video_url` (mp4, mkv, mov); WebM is not among them, so WebM goes as frames. */
export const NATIVE_VIDEO_MIMES: readonly string[] = ['video/mp4', 'video/quicktime', 'video/x-matroska'];

/** Why a clip cannot be sent natively (a message naming the clip), or null when it can. */
export function nativeVideoRefusal(opts: {
  name: string;
  modelTakesVideo: boolean;
  mime: string;
  size: number;
}): HostMessage | null {
  const { name } = opts;
  if (!opts.modelTakesVideo) return hostMessage('video.images-only', { name });
  if (!NATIVE_VIDEO_MIMES.includes(opts.mime)) return hostMessage('video.container', { name });
  if (opts.size > MAX_NATIVE_VIDEO_BYTES) return hostMessage('video.too-big', { name, mb: (opts.size / 1024 / 1024).toFixed(0) });
  return null;
}
