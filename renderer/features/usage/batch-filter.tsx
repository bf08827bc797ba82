import { useEffect } from 'react';
import type { BatchSummary } from '../../../shared/bridge/batch.ts';
import { useFigures } from '../../i18n/figures.ts';
import { useTranslation } from '../../i18n/i18n.ts';
import { useStore } from '../../store/index.ts';

/** How much of a batch's prompt names it in the list: enough to tell two batches of one day apart. */
const PROMPT_CHARS = 40;

const shortPrompt = (p: string) => {
  const line = p.trim().split('\n')[0] ?? '';
  return line.length > PROMPT_CHARS ? `${line.slice(0, PROMPT_CHARS - 1)}…` : line;
};

/** The usage view's batch filter: all requests, or only one batch's (what `glimpse usage --batch ID` shows). */
export function BatchFilter({ value, onChange }: { value: string | null; onChange: (batchId: string | null) => void }) {
  const { t } = useTranslation();
  const f = useFigures();
  const batches = useStore((s) => s.batchList);
  const load = useStore((s) => s.loadBatchList);
  useEffect(() => {
    void load();
  }, [load]);
  if (!batches.length && !value) return null;
  const label = (b: BatchSummary) =>
    t('usage.batchOption', { date: f.date(b.createdAt, 'date-time'), prompt: shortPrompt(b.prompt), count: b.counts.total });
  return (
    <label className="batch-filter">
      <span className="label-text">{t('usage.batch')}</span>
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
        <option value="">{t('usage.allRequests')}</option>
        {batches.map((b) => (
          <option key={b.id} value={b.id}>
            {label(b)}
          </option>
        ))}
      </select>
    </label>
  );
}
