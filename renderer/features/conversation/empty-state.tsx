import { useStore } from '../../store/index.ts';

export function EmptyState() {
  const provider = useStore((s) => s.providers.find((p) => p.id === s.providerId));
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
      {provider && !provider.hasKey && provider.catalogId !== 'custom' && (
        <p className="muted">{provider.name} needs an API key: open Settings to add one, or pick another provider.</p>
      )}
    </section>
  );
}
