import { fitToBudget } from '../../../shared/media/budget.ts';
import { formatTimestamp, frameLabel, MAX_FRAME_COUNT } from '../../../shared/media/frames.ts';
import { nativeVideoRefusal } from '../../../shared/media/video.ts';
import { useFigures } from '../../i18n/figures.ts';
import { hostText } from '../../i18n/host-text.ts';
import { useTranslation } from '../../i18n/i18n.ts';
import { useStore } from '../../store/index.ts';
import type { PendingAttachment } from '../../model/attachments.ts';
import { providerTakesVideo } from '../../model/provider-media.ts';

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
  const { t } = useTranslation();
  const f = useFigures();
  const clip = a.clip;
  const info = a.info;
  if (!clip || !info) {
    return (
      <li className="media-card" aria-label={a.name}>
        <div className="media-card-head">
          <span className="media-kind">{t('clip.video')}</span>
          <span className="media-name">{a.name}</span>
        </div>
        <p className="muted">{t('attachments.reading')}</p>
      </li>
    );
  }
  const refusal = nativeVideoRefusal({ name: a.name, modelTakesVideo: takesVideo, mime: info.mime, size: info.size });
  const native = clip.send === 'native' && !refusal;
  const frameTokens = clip.frames.reduce((n, fr) => n + fitToBudget(fr.width, fr.height, budget).tokens, 0);
  const plan = clip.plan;
  return (
    <li className="media-card clip-card" aria-label={a.name}>
      <div className="media-card-head">
        <span className="media-kind">{t('clip.video')}</span>
        <span className="media-name" title={a.name}>
          {a.name}
        </span>
        <span className="muted small">
          {clip.duration ? `${formatTimestamp(clip.duration)} · ${clip.width}×${clip.height} · ` : ''}
          {f.bytes(info.size)}
        </span>
        <button
          type="button"
          className="thumb-remove inline"
          aria-label={t('attachments.remove', { name: a.name })}
          onClick={() => remove(a.localId)}
        >
          ×
        </button>
      </div>
      <fieldset className="clip-send">
        <legend className="sr-only">{t('clip.howSend', { name: a.name })}</legend>
        <label className="check">
          <input
            type="radio"
            name={`send-${a.localId}`}
            checked={!native}
            onChange={() => setClip(a.localId, { send: 'frames' })}
          />
          {t('clip.frames')}
        </label>
        <label className="check" title={refusal ? hostText(refusal) : t('clip.providerSamples')}>
          <input
            type="radio"
            name={`send-${a.localId}`}
            checked={native}
            disabled={Boolean(refusal)}
            onChange={() => setClip(a.localId, { send: 'native' })}
          />
          {t('clip.itself')}
        </label>
      </fieldset>
      {native ? (
        <p className="muted small">{t('clip.whole', { size: f.bytes(info.size) })}</p>
      ) : clip.error ? (
        <p className="error-text" role="alert">
          {hostText(clip.error)}
        </p>
      ) : (
        <>
          <div className="clip-options">
            <select
              aria-label={t('clip.sampling')}
              value={plan.mode}
              onChange={(e) =>
                setClip(a.localId, { plan: e.target.value === 'fps' ? { mode: 'fps', fps: 1 } : { mode: 'count', count: 16 } })
              }
            >
              <option value="count">{t('clip.evenly')}</option>
              <option value="fps">{t('clip.fps')}</option>
            </select>
            {plan.mode === 'count' ? (
              <input
                type="number"
                aria-label={t('clip.count')}
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
                aria-label={t('clip.fps')}
                min={0.1}
                max={10}
                step={0.1}
                value={plan.fps}
                onChange={(e) => setClip(a.localId, { plan: { mode: 'fps', fps: Math.max(0.1, Number(e.target.value) || 1) } })}
              />
            )}
            <label className="time-field">
              <span className="label-text">{t('clip.from')}</span>
              <input
                type="number"
                aria-label={t('clip.start')}
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
              <span className="label-text">{t('clip.to')}</span>
              <input
                type="number"
                aria-label={t('clip.end')}
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
              {t('clip.sample')}
            </button>
          </div>
          <p className="muted small" aria-live="polite">
            {clip.sampling
              ? t('clip.progress', { n: Math.min(clip.sampling.done + 1, clip.sampling.total), total: clip.sampling.total })
              : t('clip.summary', { count: clip.frames.length, tokens: f.tokens(frameTokens) })}
          </p>
          <ul className="frame-strip" aria-label={t('clip.framesOf', { name: a.name })}>
            {clip.frames.map((fr, i) => (
              <li key={fr.id + i}>
                <img src={fr.previewUrl} alt={frameLabel(i, fr.time)} title={frameLabel(i, fr.time)} />
                <span>{formatTimestamp(fr.time)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </li>
  );
}
