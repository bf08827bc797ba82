import type { TurnError } from '../../model/turn.ts';

const TITLES: Record<string, string> = {
  auth: 'API key refused',
  'rate-limit': 'Rate limited',
  quota: 'Out of balance or quota',
  'context-length': 'Too long for the model',
  'content-filter': 'Blocked by the content filter',
  'bad-request': 'Request rejected',
  server: 'Provider error',
  network: 'Cannot reach the provider',
  timeout: 'The provider went quiet',
  protocol: 'Unreadable response',
  'bad-input': 'Cannot use this input',
  'too-long': 'Answer too long',
  internal: 'Glimpse failed',
};

export function ErrorBanner({ error, kept }: { error: TurnError; kept: boolean }) {
  return (
    <div className="error-banner" role="alert" data-kind={error.kind}>
      <strong>{TITLES[error.kind] ?? 'Error'}</strong>
      <span className="error-kind">
        {error.kind}
        {error.status ? ` · HTTP ${error.status}` : ''}
        {error.code ? ` · ${error.code}` : ''}
      </span>
      <p>{error.message}</p>
      {error.retry_after_s !== null && (
        <p className="muted">The provider asks to wait {error.retry_after_s} s before trying again.</p>
      )}
      {kept && <p className="muted">The part of the answer that arrived is kept above.</p>}
    </div>
  );
}
