import { useShallow } from 'zustand/react/shallow';
import { useFigures } from '../../i18n/figures.ts';
import { useTranslation } from '../../i18n/i18n.ts';
import { useStore, useStoreApi } from '../../store/index.ts';

/** Start, Stop (let what is in flight finish), Cancel, Retry failed and the exports, with the running totals. */
export function BatchControls() {
  const { t } = useTranslation();
  const f = useFigures();
  const api = useStoreApi();
  const { id, phase, counts, spent, reason, priced } = useStore(
    useShallow((s) => ({
      id: s.batchId,
      phase: s.batchPhase,
      counts: s.batchCounts,
      spent: s.batchSpent,
      reason: s.batchStopReason,
      // A spend of 0 with no file priced is an unknown spend (a model without a price), never "$0".
      priced: s.batchItems.some((i) => i.cost_usd !== null),
    })),
  );
  if (!id || !counts) return null;
  const active = phase === 'running' || phase === 'stopping';
  const left = counts.pending + counts.running;
  return (
    <div className="batch-controls">
      <div className="batch-buttons">
        {!active && left > 0 && (
          <button type="button" className="primary" onClick={() => void api.getState().startBatch()}>
            {t('batch.start')}
          </button>
        )}
        {active && (
          <>
            <button type="button" disabled={phase === 'stopping'} onClick={() => void api.getState().stopBatch(false)}>
              {t('batch.stop')}
            </button>
            <button type="button" onClick={() => void api.getState().stopBatch(true)}>
              {t('batch.cancel')}
            </button>
          </>
        )}
        {!active && counts.failed > 0 && (
          <button type="button" onClick={() => void api.getState().retryFailed()}>
            {t('batch.retryFailed', { count: counts.failed })}
          </button>
        )}
        {!active && counts.done + counts.failed > 0 && (
          <>
            <button type="button" onClick={() => void api.getState().exportBatch('csv')}>
              {t('batch.exportCsv')}
            </button>
            <button type="button" onClick={() => void api.getState().exportBatch('jsonl')}>
              {t('batch.exportJsonl')}
            </button>
            <button type="button" onClick={() => void api.getState().exportBatch('zip')}>
              {t('batch.exportZip')}
            </button>
          </>
        )}
      </div>
      <p className="batch-progress" role="status">
        {t('batch.progress', {
          done: f.tokens(counts.done),
          failed: f.tokens(counts.failed),
          left: f.tokens(left),
          spent: f.usd(spent > 0 || priced ? spent : null),
        })}
        {phase === 'done' && <> · {t('batch.finished')}</>}
        {phase === 'stopping' && <> · {t('batch.stopping')}</>}
        {phase === 'stopped' && <> · {reason ? t('batch.stoppedBecause', { reason }) : t('batch.stopped')}</>}
      </p>
    </div>
  );
}
