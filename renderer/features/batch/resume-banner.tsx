import { useEffect } from 'react';
import { useFigures } from '../../i18n/figures.ts';
import { useTranslation } from '../../i18n/i18n.ts';
import { useStore, useStoreApi } from '../../store/index.ts';

/** At start: a batch a quit left unfinished, offered for resuming (it opens the Batch view on it). */
export function ResumeBanner({ onResume }: { onResume: () => void }) {
  const { t } = useTranslation();
  const f = useFigures();
  const api = useStoreApi();
  const first = useStore((s) => s.batchInterrupted[0]);
  useEffect(() => {
    void api.getState().loadInterruptedBatches();
  }, [api]);
  if (!first) return null;
  const { counts } = first;
  return (
    <div className="batch-resume" role="region" aria-label={t('batch.interruptedLabel')}>
      <span>
        {t('batch.interrupted', {
          done: f.tokens(counts.done + counts.failed + counts.skipped),
          total: f.tokens(counts.total),
          out: first.outDir,
        })}
      </span>
      <button
        type="button"
        className="primary"
        onClick={() => {
          onResume();
          void api.getState().resumeBatch(first.id);
        }}
      >
        {t('batch.resume')}
      </button>
      <button type="button" className="ghost" onClick={() => api.getState().dismissInterrupted()}>
        {t('batch.notNow')}
      </button>
    </div>
  );
}
