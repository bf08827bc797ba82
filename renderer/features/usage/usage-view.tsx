import { useEffect } from 'react';
import { useStore } from '../../store/index.ts';
import { ModalDialog } from '../dialog/modal-dialog.tsx';
import { costOf, int, unknownPhrase } from './format.ts';
import { ModeComparison } from './mode-comparison.tsx';
import { RangePicker } from './range-picker.tsx';
import { spendChart, tokenChart, UsageChart } from './usage-chart.tsx';
import { sortedBySpend, UsageTable } from './usage-table.tsx';
import './usage.css';

/** The usage view: spend and tokens per day, splits by provider, model and mode, thinking vs fast, CSV export. */
export function UsageView({ onClose }: { onClose: () => void }) {
  const report = useStore((s) => s.usageReport);
  const error = useStore((s) => s.usageError);
  const loadUsage = useStore((s) => s.loadUsage);
  const exportCsv = useStore((s) => s.exportLedgerCsv);
  useEffect(() => {
    void loadUsage({});
  }, [loadUsage]);

  const t = report?.totals;
  return (
    <ModalDialog
      label="Usage details"
      title="Usage"
      closeLabel="Close usage details"
      onClose={onClose}
      className="usage-view"
      initialFocus="select"
    >
      <div className="usage-toolbar">
        <RangePicker onChange={(r) => void loadUsage(r)} />
        <button type="button" onClick={() => void exportCsv()}>
          Export CSV
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {t && (
        <p className="usage-summary" aria-label="Range totals">
          <strong>{costOf(t)}</strong> · {int(t.requests)} requests · {int(t.prompt_tokens + t.completion_tokens)} tokens
          {t.unknown_cost_requests > 0 && <span className="muted"> · {unknownPhrase(t.unknown_cost_requests)}</span>}
        </p>
      )}
      {report && (
        <>
          <div className="usage-charts">
            <UsageChart title="Spend per day" days={report.days} {...spendChart} />
            <UsageChart title="Tokens per day" days={report.days} {...tokenChart} />
          </div>
          <ModeComparison modes={report.modes} />
          <div className="usage-tables">
            <UsageTable caption="By day" keyLabel="Day" rows={[...report.days].reverse().map((d) => [d.day, d])} />
            <UsageTable caption="By provider" keyLabel="Provider" rows={sortedBySpend(report.by_provider)} />
            <UsageTable caption="By model" keyLabel="Model" rows={sortedBySpend(report.by_model)} />
            <UsageTable caption="By mode" keyLabel="Mode" rows={sortedBySpend(report.by_mode)} />
          </div>
        </>
      )}
    </ModalDialog>
  );
}
