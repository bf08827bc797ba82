/** The composer's Snip button: capture part of the screen and attach it. */
import { useTranslation } from '../../i18n/i18n.ts';
import { startSnip, useSnip } from './snip-state.ts';

export function SnipButton() {
  const busy = useSnip((s) => s.capturing || s.picture !== null);
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="icon-button"
      aria-label={t('snip.button')}
      title={t('snip.buttonTitle')}
      disabled={busy}
      onClick={() => void startSnip()}
    >
      <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
        <path fill="none" stroke="currentColor" strokeWidth="2" d="M4 8V4h4M16 4h4v4M20 16v4h-4M8 20H4v-4" />
      </svg>
    </button>
  );
}
