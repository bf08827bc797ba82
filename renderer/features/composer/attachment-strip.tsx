import { fitToBudget } from '../../../shared/media/budget.ts';
import { useStore } from '../../store/index.ts';

/** Thumbnails of what will be sent, each with the resolution and visual tokens it will cost. */
export function AttachmentStrip() {
  const attachments = useStore((s) => s.attachments);
  const budget = useStore((s) => s.budget);
  const remove = useStore((s) => s.removeAttachment);
  if (attachments.length === 0) return null;
  return (
    <ul className="attachment-strip" aria-label="Attachments">
      {attachments.map((a) => {
        const fit = a.info?.width && a.info.height ? fitToBudget(a.info.width, a.info.height, budget) : null;
        return (
          <li key={a.localId} className="thumb">
            <img src={a.previewUrl} alt={a.name} />
            <div className="thumb-meta">
              {a.status === 'uploading' ? 'Reading…' : fit ? `${fit.width}×${fit.height} · ${fit.tokens.toLocaleString()} tok` : a.info?.kind}
            </div>
            <button type="button" className="thumb-remove" aria-label={`Remove ${a.name}`} onClick={() => remove(a.localId)}>
              ×
            </button>
          </li>
        );
      })}
    </ul>
  );
}
