import { catalogEntry } from '../../../shared/providers/catalog.ts';
import { useTranslation } from '../../i18n/i18n.ts';
import { useStore } from '../../store/index.ts';

/**
 * Decides the mode of the next request: reasoning first (thinking) or a direct answer (fast). Hidden for a
 * provider that has no such switch (Local OCR, servers whose API takes none): it would change nothing.
 */
export function ThinkingSwitch() {
  const thinking = useStore((s) => s.thinking);
  const setThinking = useStore((s) => s.setThinking);
  const { t } = useTranslation();
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
      title={thinking ? t('toolbar.thinkingOn') : t('toolbar.thinkingOff')}
    >
      <span className="switch-track" aria-hidden="true">
        <span className="switch-thumb" />
      </span>
      <span>{t('toolbar.thinking')}</span>
    </button>
  );
}
