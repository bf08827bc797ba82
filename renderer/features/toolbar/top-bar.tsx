import { useTranslation } from '../../i18n/i18n.ts';
import { ModelPicker } from './model-picker.tsx';
import { ProviderPicker } from './provider-picker.tsx';
import { ThinkingSwitch } from './thinking-switch.tsx';
import { useStore } from '../../store/index.ts';
import { useMediaQuery } from '../../platform/use-media-query.ts';

/** Where the bar takes two rows (styles.css): Guide and Help then sit on the brand's row. */
const PHONE_WIDTH_QUERY = '(max-width: 640px)';

export function TopBar({
  onOpenSettings,
  onOpenHelp,
  onOpenBatch,
  onToggleSessions,
  sessionsOpen,
}: {
  onOpenSettings: () => void;
  onOpenBatch?: () => void;
  onOpenHelp?: () => void;
  onToggleSessions?: () => void;
  sessionsOpen?: boolean;
}) {
  const openGuide = useStore((s) => s.openGuide);
  const { t } = useTranslation();
  // In a phone-sized window Guide and Help are drawn on the first row, beside the brand, so they come right after
  // it in the DOM too: Tab then reaches them in the order they are seen (CSS order moved them on screen only).
  const phone = useMediaQuery(PHONE_WIDTH_QUERY);
  const help = (
    <>
      {/* The first-run guide again (sample scan, keys, local servers). */}
      <button type="button" className="ghost top-help" onClick={openGuide} title={t('toolbar.guideTitle')}>
        {t('toolbar.guide')}
      </button>
      {onOpenHelp && (
        <button type="button" className="ghost top-help" onClick={onOpenHelp} aria-keyshortcuts="?">
          {t('toolbar.help')}
        </button>
      )}
    </>
  );
  return (
    <header className="top-bar">
      {onToggleSessions && (
        // Shown only in a narrow window (app-layout.css), where the sessions sidebar becomes a drawer.
        <button type="button" className="ghost sessions-toggle" aria-expanded={Boolean(sessionsOpen)} onClick={onToggleSessions}>
          {t('toolbar.sessions')}
        </button>
      )}
      <div className="brand" aria-label={t('app.name')}>
        <span className="brand-mark" aria-hidden="true">
          ◐
        </span>{' '}
        {t('app.name')}
      </div>
      {phone && (
        <>
          {help}
          <span className="top-break" aria-hidden="true" />
        </>
      )}
      <div className="top-controls">
        <ProviderPicker onOpenSettings={onOpenSettings} />
        <ModelPicker />
        <ThinkingSwitch />
        {onOpenBatch && (
          <button type="button" className="ghost" onClick={onOpenBatch} title={t('batch.openTitle')}>
            {t('batch.open')}
          </button>
        )}
        <button type="button" className="ghost" onClick={onOpenSettings}>
          {t('toolbar.settings')}
        </button>
        {!phone && help}
      </div>
    </header>
  );
}
