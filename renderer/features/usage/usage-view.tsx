import { useEffect } from 'react';
import { useStore, useStoreApi } from '../../store/index.ts';
import { ModalDialog } from '../dialog/modal-dialog.tsx';
import { useTranslation } from '../../i18n/i18n.ts';
import { BatchFilter } from './batch-filter.tsx';
import { useUsageFormat } from './format.ts';
import { ModeComparison } from './mode-comparison.tsx';
import { RangePicker } from './range-picker.tsx';
import { spendValue, tokenValue, UsageChart } from './usage-chart.tsx';
import { sortedBySpend, UsageTable } from './usage-table.tsx';
import './usage.css';

/** The usage view: spend and tokens per day, splits by provider, model and mode, thinking vs fast, CSV export. */
export function UsageView({ onClose }: { onClose: () => void }) {
  const report = useStore((s) => s.usageReport);
  const error = useStore((s) => s.usageError);
  const loadUsage = useStore((s) => s.loadUsage);
  const exportCsv = useStore((s) => s.exportLedgerCsv);
  const batchId = useStore((s) => s.usageRange.batchId ?? null);
  const api = useStoreApi();
  const { t: tr } = useTranslation();
  const fmt = useUsageFormat();
  const { costOf, int, unknownPhrase, usd, tokens } = fmt;
  useEffect(() => {
    void loadUsage({});
  }, [loadUsage]);

  const t = report?.totals;
  return (
    <ModalDialog
      label={tr('usage.details')}
      title={tr('usage.label')}
      closeLabel={tr('usage.closeDetails')}
      onClose={onClose}
      className="usage-view"
      initialFocus="select"
    >
      <div className="usage-toolbar">
        <RangePicker onChange={(r) => void loadUsage({ ...r, batchId })} />
        <BatchFilter value={batchId} onChange={(id) => void loadUsage({ ...api.getState().usageRange, batchId: id })} />
        <button type="button" onClick={() => void exportCsv()}>
          {tr('usage.exportCsv')}
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {t && (
        <p className="usage-summary" aria-label={tr('usage.rangeTotals')}>
          <strong>{costOf(t)}</strong> ·{' '}
          {tr('usage.summary', {
            count: t.requests,
            requests: int(t.requests),
            tokens: int(t.prompt_tokens + t.completion_tokens),
          })}
          {t.unknown_cost_requests > 0 && <span className="muted"> · {unknownPhrase(t.unknown_cost_requests)}</span>}
        </p>
      )}
      {report && (
        <>
          <div className="usage-charts">
            <UsageChart title={tr('usage.spendPerDay')} days={report.days} value={spendValue} format={(v) => usd(v)} />
            <UsageChart
              title={tr('usage.tokensPerDay')}
              days={report.days}
              value={tokenValue}
              format={(v) => tr('usage.tok', { tokens: tokens(v) })}
            />
          </div>
          <ModeComparison modes={report.modes} />
          <div className="usage-tables">
            <UsageTable
              caption={tr('usage.byDay')}
              keyLabel={tr('usage.day')}
              rows={[...report.days].reverse().map((d) => [d.day, d])}
            />
            <UsageTable
              caption={tr('usage.byProvider')}
              keyLabel={tr('usage.provider')}
              rows={sortedBySpend(report.by_provider)}
              keyText={fmt.provider}
            />
            <UsageTable caption={tr('usage.byModel')} keyLabel={tr('usage.model')} rows={sortedBySpend(report.by_model)} />
            <UsageTable
              caption={tr('usage.byMode')}
              keyLabel={tr('usage.mode')}
              rows={sortedBySpend(report.by_mode)}
              keyText={fmt.mode}
            />
          </div>
        </>
      )}
    </ModalDialog>
  );
}
