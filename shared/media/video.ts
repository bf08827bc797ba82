/** What a provider takes as native video (docs/providers.md, Media): Z.AI/BigModel `video_url`. */

/** Z.AI refuses clips over 200 MB; checked before a clip is offered or sent natively. */
export const MAX_NATIVE_VIDEO_BYTES = 200 * 1024 * 1024;

/** Containers Z.AI documents for `video_url` (mp4, mkv, mov); WebM is not among them, so WebM goes as frames. */
export const NATIVE_VIDEO_MIMES: readonly string[] = ['video/mp4', 'video/quicktime', 'video/x-matroska'];

/** Why a clip cannot be sent natively, or null when it can. */
export function nativeVideoRefusal(opts: { modelTakesVideo: boolean; mime: string; size: number }): string | null {
  if (!opts.modelTakesVideo) return 'This provider and model take images only; send sampled frames instead.';
  if (!NATIVE_VIDEO_MIMES.includes(opts.mime)) return 'The provider takes MP4, MOV or MKV clips; send sampled frames instead.';
  if (opts.size > MAX_NATIVE_VIDEO_BYTES) {
    return `The clip is ${(opts.size / 1024 / 1024).toFixed(0)} MB; the provider takes at most 200 MB. Send sampled frames, or trim it.`;
  }
  return null;
}
