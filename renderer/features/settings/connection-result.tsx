import type { ChatError } from '../../../shared/engine/types.ts';
import { detailOf, hostText } from '../../i18n/host-text.ts';
import { useTranslation } from '../../i18n/i18n.ts';
import type { ConnectionReport } from '../../../shared/bridge/providers.ts';

const KEY_TEXT: Record<ConnectionReport['keyStatus'], string> = {
  valid: 'settings.conn.valid',
  invalid: 'settings.conn.invalid',
  missing: 'settings.conn.missing',
  unchecked: 'settings.conn.unchecked',
  'not-needed': 'settings.conn.notNeeded',
};

/** Our own words (a code) in the window's language; a provider's own words verbatim. */
function errorLine(error: ChatError): string {
  return error.summary && detailOf(error) === null ? hostText(error.summary) : error.message;
}

/** What "Test connection" learned: reachability, the key, and whether the chosen model is served. */
export function ConnectionResult({ report, model }: { report: ConnectionReport; model: string }) {
  const { t } = useTranslation();
  const modelText =
    report.modelAvailable === null
      ? report.checkedBy === 'probe'
        ? ''
        : t('settings.conn.noModels')
      : report.modelAvailable
        ? t('settings.conn.available', { model })
        : report.models.length
          ? t('settings.conn.notAmong', { model, count: report.models.length })
          : t('settings.conn.notServed', { model });
  return (
    <div className={`connection-report ${report.ok ? 'ok' : 'bad'}`} role="status">
      <strong>
        {report.ok ? t('settings.conn.connected') : t('settings.conn.failed', { kind: report.error?.kind ?? 'error' })}
      </strong>{' '}
      {t(KEY_TEXT[report.keyStatus])} {modelText}
      {report.error && !report.ok && <div className="small">{errorLine(report.error)}</div>}
      {report.checkedBy === 'probe' && <div className="muted small">{t('settings.conn.probe')}</div>}
      {report.modelAvailable === false && report.models.length > 0 && (
        <div className="muted small">
          {t('settings.conn.served')} {report.models.slice(0, 8).join(', ')}
          {report.models.length > 8 ? ', …' : ''}
        </div>
      )}
    </div>
  );
}
