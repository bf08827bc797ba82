import type { ConnectionReport } from '../../../shared/bridge/providers.ts';

const KEY_TEXT: Record<ConnectionReport['keyStatus'], string> = {
  valid: 'Key accepted.',
  invalid: 'Key refused: paste a new one.',
  missing: 'No key set.',
  unchecked: 'Key not checked.',
  'not-needed': 'No key needed.',
};

/** What "Test connection" learned: reachability, the key, and whether the chosen model is served. */
export function ConnectionResult({ report, model }: { report: ConnectionReport; model: string }) {
  const modelText =
    report.modelAvailable === null
      ? report.checkedBy === 'probe'
        ? ''
        : 'The server lists no models.'
      : report.modelAvailable
        ? `${model} is available.`
        : report.models.length
          ? `${model} is not among the ${report.models.length} models the server lists.`
          : `${model} is not served here.`;
  return (
    <div className={`connection-report ${report.ok ? 'ok' : 'bad'}`} role="status">
      <strong>{report.ok ? 'Connected.' : `Connection failed (${report.error?.kind ?? 'error'}).`}</strong>{' '}
      {KEY_TEXT[report.keyStatus]} {modelText}
      {report.error && !report.ok && <div className="small">{report.error.message}</div>}
      {report.checkedBy === 'probe' && (
        <div className="muted small">The server lists no models, so a one-token request was sent to check.</div>
      )}
      {report.modelAvailable === false && report.models.length > 0 && (
        <div className="muted small">
          Served: {report.models.slice(0, 8).join(', ')}
          {report.models.length > 8 ? ', …' : ''}
        </div>
      )}
    </div>
  );
}
