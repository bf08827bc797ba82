import { fitToBudget } from '../../../shared/media/budget.ts';
import { formatTimestamp, frameLabel, MAX_FRAME_COUNT } from '../../../shared/media/frames.ts';
import { nativeVideoRefusal } from '../../../shared/media/video.ts';
import { useStore } from '../../store/index.ts';
import type { PendingAttachment } from '../../model/attachments.ts';
import { providerTakesVideo } from '../../model/provider-media.ts';

const mb = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/**
 * A clip in the composer: sent as sampled frames (N evenly, or at a chosen rate, over the whole clip or a
 * trimmed part), shown as a strip before sending, or as the clip itself where the provider takes video.
 */
export function ClipCard({ attachment: a }: { attachment: PendingAttachment }) {
  const budget = useStore((s) => s.budget);
  const remove = useStore((s) => s.removeAttachment);
  const setClip = useStore((s) => s.setClip);
  const sample = useStore((s) => s.sampleClip);
  const takesVideo = useStore(providerTakesVideo);
  const clip = a.clip;
  const info = a.info;
  if (!clip || !info) {
    return (
      <li className="media-card" aria-label={a.name}>
        <div className="media-card-head">
          <span className="media-kind">Video</span>
          <span className="media-name">{a.name}</span>
        </div>
        <p className="muted">Reading…</p>
      </li>
    );
  }
  const refusal = nativeVideoRefusal({ modelTakesVideo: takesVideo, mime: info.mime, size: info.size });
  const native = clip.send === 'native' && !refusal;
  const frameTokens = clip.frames.reduce((n, f) => n + fitToBudget(f.width, f.height, budget).tokens, 0);
  const plan = clip.plan;
  return (
    <li className="media-card clip-card" aria-label={a.name}>
      <div className="media-card-head">
        <span className="media-kind">Video</span>
        <span className="media-name" title={a.name}>
          {a.name}
        </span>
        <span className="muted small">
          {clip.duration ? `${formatTimestamp(clip.duration)} · ${clip.width}×${clip.height} · ` : ''}
          {mb(info.size)}
        </span>
        <button type="button" className="thumb-remove inline" aria-label={`Remove ${a.name}`} onClick={() => remove(a.localId)}>
          ×
        </button>
      </div>
      <fieldset className="clip-send">
        <legend className="sr-only">How to send {a.name}</legend>
        <label className="check">
          <input
            type="radio"
            name={`send-${a.localId}`}
            checked={!native}
            onChange={() => setClip(a.localId, { send: 'frames' })}
          />
          Sampled frames
        </label>
        <label className="check" title={refusal ?? 'The provider samples the clip itself (about 2 frames a second).'}>
          <input
            type="radio"
            name={`send-${a.localId}`}
            checked={native}
            disabled={Boolean(refusal)}
            onChange={() => setClip(a.localId, { send: 'native' })}
          />
          The clip itself
        </label>
      </fieldset>
      {native ? (
        <p className="muted small">
          The whole clip ({mb(info.size)}) goes to the provider, which samples it about twice a second.
        </p>
      ) : clip.error ? (
        <p className="error-text" role="alert">
          {clip.error}
        </p>
      ) : (
        <>
          <div className="clip-options">
            <select
              aria-label="Sampling"
              value={plan.mode}
              onChange={(e) =>
                setClip(a.localId, { plan: e.target.value === 'fps' ? { mode: 'fps', fps: 1 } : { mode: 'count', count: 16 } })
              }
            >
              <option value="count">Frames, evenly</option>
              <option value="fps">Frames per second</option>
            </select>
            {plan.mode === 'count' ? (
              <input
                type="number"
                aria-label="Number of frames"
                min={1}
                max={MAX_FRAME_COUNT}
                value={plan.count}
                onChange={(e) =>
                  setClip(a.localId, {
                    plan: { mode: 'count', count: Math.max(1, Math.min(MAX_FRAME_COUNT, Number(e.target.value) || 1)) },
                  })
                }
              />
            ) : (
              <input
                type="number"
                aria-label="Frames per second"
                min={0.1}
                max={10}
                step={0.1}
                value={plan.fps}
                onChange={(e) => setClip(a.localId, { plan: { mode: 'fps', fps: Math.max(0.1, Number(e.target.value) || 1) } })}
              />
            )}
            <label className="time-field">
              <span className="label-text">from</span>
              <input
                type="number"
                aria-label="Start (seconds)"
                min={0}
                max={clip.duration}
                step={0.1}
                value={clip.range.start}
                onChange={(e) =>
                  setClip(a.localId, {
                    range: { ...clip.range, start: Math.max(0, Math.min(Number(e.target.value) || 0, clip.range.end)) },
                  })
                }
              />
            </label>
            <label className="time-field">
              <span className="label-text">to</span>
              <input
                type="number"
                aria-label="End (seconds)"
                min={0}
                max={clip.duration}
                step={0.1}
                value={clip.range.end}
                onChange={(e) =>
                  setClip(a.localId, {
                    range: {
                      ...clip.range,
                      end: Math.min(clip.duration, Math.max(Number(e.target.value) || 0, clip.range.start)),
                    },
                  })
                }
              />
            </label>
            <button type="button" onClick={() => void sample(a.localId)} disabled={Boolean(clip.sampling)}>
              Sample frames
            </button>
          </div>
          <p className="muted small" aria-live="polite">
            {clip.sampling
              ? `Sampling frame ${Math.min(clip.sampling.done + 1, clip.sampling.total)} of ${clip.sampling.total}…`
              : `${clip.frames.length} frame${clip.frames.length === 1 ? '' : 's'} · ${frameTokens.toLocaleString()} tok`}
          </p>
          <ul className="frame-strip" aria-label={`Frames of ${a.name}`}>
            {clip.frames.map((f, i) => (
              <li key={f.id + i}>
                <img src={f.previewUrl} alt={frameLabel(i, f.time)} title={frameLabel(i, f.time)} />
                <span>{formatTimestamp(f.time)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </li>
  );
}
