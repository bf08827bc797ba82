import { useId, useState } from 'react';
import type { SplitTotals } from '../../../shared/bridge/usage.ts';
import { useTranslation } from '../../i18n/i18n.ts';
import { totalTokens, useUsageFormat } from './format.ts';
import { TotalsBreakdown } from './totals-breakdown.tsx';

function Split({ title, parts, keyText }: { title: string; parts: SplitTotals['by_mode']; keyText: (k: string) => string }) {
  const entries = Object.entries(parts);
  const { t } = useTranslation();
  const { tokens, costOf } = useUsageFormat();
  if (entries.length === 0) return null;
  return (
    <div className="tally-split">
      <h4>{title}</h4>
      <table>
        <tbody>
          {entries.map(([k, x]) => (
            <tr key={k}>
              <th scope="row">{keyText(k)}</th>
              <td>{t('usage.tok', { tokens: tokens(totalTokens(x)) })}</td>
              <td>{costOf(x)}</td>
              <td className="muted">{t('usage.req', { n: x.requests })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * One scope of the tally ("Today": 12.3k tok · $0.0123). Hovering or focusing it shows the breakdown by token
 * kind, and the split by mode and by provider, in a tooltip the scope is described by.
 */
export function TallyScope({ label, totals, note }: { label: string; totals: SplitTotals | null; note?: string | null }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const { t: tr } = useTranslation();
  const { tokens, costOf, unknownPhrase, mode, provider } = useUsageFormat();
  const t = totals;
  const empty = !t || t.requests === 0;
  const partlyUnknown = t && t.unknown_cost_requests > 0 && t.unknown_cost_requests < t.requests;
  return (
    <div className="tally-scope" onMouseEnter={() => setOpen(true)} onMouseLeave={() => setOpen(false)}>
      <button
        type="button"
        className="tally-button"
        aria-describedby={open && t ? id : undefined}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
      >
        <span className="tally-label">{label}</span>
        {/* Tokens and cost each kept whole: a narrow window wraps between them, not inside "· $0.01". */}
        <span className="tally-value">
          {empty ? (
            '–'
          ) : (
            <>
              <span className="tally-part">{tr('usage.tok', { tokens: tokens(totalTokens(t)) })}</span>{' '}
              <span className="tally-part">· {costOf(t)}</span>
            </>
          )}
        </span>
        {partlyUnknown && (
          <span className="tally-unknown" title={unknownPhrase(t.unknown_cost_requests)}>
            {' '}
            {tr('usage.plusUnknown', { n: t.unknown_cost_requests })}
          </span>
        )}
      </button>
      {open && t && (
        <div role="tooltip" id={id} className="tally-tooltip">
          <strong>{label}</strong>
          <TotalsBreakdown t={t} />
          <Split title={tr('usage.byMode')} parts={t.by_mode} keyText={mode} />
          <Split title={tr('usage.byProvider')} parts={t.by_provider} keyText={provider} />
          {note && <p className="tally-note">{note}</p>}
        </div>
      )}
    </div>
  );
}
