import type { UsageTotals } from '../../../shared/bridge/usage.ts';
import { useTranslation } from '../../i18n/i18n.ts';
import { useUsageFormat } from './format.ts';

/** Totals per key (provider, model, mode, or day), biggest spend first. */
export function UsageTable({
  caption,
  keyLabel,
  rows,
  keyText = (k) => k,
}: {
  caption: string;
  keyLabel: string;
  rows: [string, UsageTotals][];
  /** How a key reads (a mode or Local OCR's name in the UI's language); as stored by default. */
  keyText?: (key: string) => string;
}) {
  const { t: tr } = useTranslation();
  const { costOf, int } = useUsageFormat();
  return (
    <table className="usage-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{keyLabel}</th>
          <th scope="col">{tr('usage.requests')}</th>
          <th scope="col">{tr('usage.prompt')}</th>
          <th scope="col">{tr('usage.cached')}</th>
          <th scope="col">{tr('usage.reasoning')}</th>
          <th scope="col">{tr('usage.answer')}</th>
          <th scope="col">{tr('usage.cost')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && (
          <tr>
            <td colSpan={7} className="muted">
              {tr('usage.noRequests')}
            </td>
          </tr>
        )}
        {rows.map(([k, t]) => (
          <tr key={k}>
            <th scope="row">{keyText(k)}</th>
            <td>{int(t.requests)}</td>
            <td>{int(t.prompt_tokens)}</td>
            <td>{int(t.cached_tokens)}</td>
            <td>{int(t.reasoning_tokens)}</td>
            <td>{int(t.completion_tokens - t.reasoning_tokens)}</td>
            <td>
              {costOf(t)}
              {t.unknown_cost_requests > 0 && t.unknown_cost_requests < t.requests && (
                <span className="muted"> {tr('usage.plusUnknown', { n: t.unknown_cost_requests })}</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export const sortedBySpend = (r: Record<string, UsageTotals>): [string, UsageTotals][] =>
  Object.entries(r).sort((a, b) => b[1].cost_usd - a[1].cost_usd || b[1].requests - a[1].requests);
