import { fitToBudget } from '../../../shared/media/budget.ts';
import { useStore } from '../../store/index.ts';
import '../attachments/attachments.css';
import { ClipCard } from '../attachments/clip-card.tsx';
import { PdfCard } from '../attachments/pdf-card.tsx';

/** What will be sent: images with the resolution and tokens they will cost, PDFs with their pages, clips with their frames. */
export function AttachmentStrip() {
  const attachments = useStore((s) => s.attachments);
  const budget = useStore((s) => s.budget);
  const remove = useStore((s) => s.removeAttachment);
  if (attachments.length === 0) return null;
  return (
    <ul className="attachment-strip" aria-label="Attachments">
      {attachments.map((a) => {
        if (a.info?.kind === 'pdf') return <PdfCard key={a.localId} attachment={a} />;
        if (a.info?.kind === 'video') return <ClipCard key={a.localId} attachment={a} />;
        const fit = a.info?.width && a.info.height ? fitToBudget(a.info.width, a.info.height, budget) : null;
        return (
          <li key={a.localId} className="thumb">
            {a.previewUrl ? <img src={a.previewUrl} alt={a.name} /> : <div className="thumb-placeholder">{a.name}</div>}
            <div
              className="thumb-meta"
              title={
                fit && a.info
                  ? `${a.name}: ${a.info.width}×${a.info.height} on disk, sent as ${fit.width}×${fit.height}${a.info.notice ? `. ${a.info.notice}` : ''}`
                  : a.name
              }
            >
              {a.status === 'uploading'
                ? 'Reading…'
                : fit
                  ? `${a.info?.notice ? 'damaged · ' : ''}${fit.width}×${fit.height} · ${fit.tokens.toLocaleString()} tok`
                  : a.info?.kind}
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
