import { detailOf, hostText } from '../../i18n/host-text.ts';
import { useTranslation } from '../../i18n/i18n.ts';
import type { TurnError } from '../../model/turn.ts';

const TITLES: Record<string, string> = {
  auth: 'errors.auth',
  'rate-limit': 'errors.rateLimit',
  quota: 'errors.quota',
  'context-length': 'errors.contextLength',
  'content-filter': 'errors.contentFilter',
  'bad-request': 'errors.badRequest',
  server: 'errors.server',
  network: 'errors.network',
  timeout: 'errors.timeout',
  protocol: 'errors.protocol',
  'bad-input': 'errors.badInput',
  'too-long': 'errors.tooLong',
  internal: 'errors.internal',
};

export function ErrorBanner({ error, kept }: { error: TurnError; kept: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="error-banner" role="alert" data-kind={error.kind}>
      <strong>{t(TITLES[error.kind] ?? 'errors.generic')}</strong>
      <span className="error-kind">
        {error.kind}
        {/* i18n-exempt: a protocol name and a status code */}
        {error.status ? ` · HTTP ${error.status}` : ''}
        {error.code ? ` · ${error.code}` : ''}
      </span>
      {/* Glimpse's own sentence in the window's language; the provider's words, verbatim, beneath it. */}
      <p className="error-summary">{error.summary ? hostText(error.summary) : error.message}</p>
      {detailOf(error) && <p className="error-detail muted">{detailOf(error)}</p>}
      {error.retry_after_s !== null && <p className="muted">{t('errors.wait', { seconds: error.retry_after_s })}</p>}
      {kept && <p className="muted">{t('errors.kept')}</p>}
    </div>
  );
}
