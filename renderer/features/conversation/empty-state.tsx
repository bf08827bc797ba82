import { catalogEntry, isLocalOcr } from '../../../shared/providers/catalog.ts';
import { useStore } from '../../store/index.ts';

export function EmptyState() {
  const provider = useStore((s) => s.providers.find((p) => p.id === s.providerId));
  if (provider && isLocalOcr(provider.catalogId)) return <OfflineEmptyState />;
  return (
    <section className="empty-state" aria-label="Getting started">
      <div className="empty-mark" aria-hidden="true">
        ◐
      </div>
      <h1>See what the model sees</h1>
      <p>Drop, paste or attach an image, ask a question, and watch the answer stream in.</p>
      <ul className="hints">
        <li>
          <strong>OCR</strong> — “Extract the text as Markdown.”
        </li>
        <li>
          <strong>Q&amp;A</strong> — “What is unusual about this chart?”
        </li>
        <li>
          <strong>Thinking vs fast</strong> — flip the Thinking switch and ask again.
        </li>
      </ul>
      {provider && !provider.hasKey && !catalogEntry(provider.catalogId).userUrl && (
        <p className="muted">{provider.name} needs an API key: open Settings to add one, or pick another provider.</p>
      )}
    </section>
  );
}

/** With Local OCR picked (no key, or chosen): what works offline now, and how to get answers to questions. */
function OfflineEmptyState() {
  return (
    <section className="empty-state" aria-label="Getting started">
      <div className="empty-mark" aria-hidden="true">
        ◐
      </div>
      <h1>Read the text of any scan, offline</h1>
      <p>
        Drop, paste or attach an image or a PDF and press Send: Local OCR reads its text on this computer, with each line boxed on
        the image. No key, no network, no account.
      </p>
      <ul className="hints">
        <li>
          <strong>Works offline</strong> — photos, screenshots, scans and PDF pages, in English and Simplified Chinese (pick the
          languages in the model menu).
        </li>
        <li>
          <strong>Questions about images</strong> — for Q&amp;A, formulas or receipts to JSON, add an API key in Settings (Z.AI,
          BigModel, OpenRouter, Novita) or run a local model server (Ollama, LM Studio, vLLM).
        </li>
      </ul>
    </section>
  );
}
