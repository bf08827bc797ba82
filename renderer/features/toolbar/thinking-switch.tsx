import { catalogEntry } from '../../../shared/providers/catalog.ts';
import { useStore } from '../../store/index.ts';

/**
 * Decides the mode of the next request: reasoning first (thinking) or a direct answer (fast). Hidden for a
 * provider that has no such switch (Local OCR, servers whose API takes none): it would change nothing.
 */
export function ThinkingSwitch() {
  const thinking = useStore((s) => s.thinking);
  const setThinking = useStore((s) => s.setThinking);
  const dialect = useStore((s) => {
    const p = s.providers.find((x) => x.id === s.providerId);
    return p ? catalogEntry(p.catalogId).thinking : null;
  });
  if (dialect === 'none') return null;
  return (
    <button
      type="button"
      role="switch"
      aria-checked={thinking}
      className={`switch ${thinking ? 'on' : ''}`}
      onClick={() => setThinking(!thinking)}
      title={thinking ? 'Thinking: the model reasons before answering' : 'Fast: the model answers directly'}
    >
      <span className="switch-track" aria-hidden="true">
        <span className="switch-thumb" />
      </span>
      <span>Thinking</span>
    </button>
  );
}
