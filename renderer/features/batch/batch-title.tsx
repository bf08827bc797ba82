import { useEffect } from 'react';
import { useFigures } from '../../i18n/figures.ts';
import { useTranslation } from '../../i18n/i18n.ts';
import { useStore } from '../../store/index.ts';

/** Puts a running batch's progress in the window title ("Glimpse — batch 120/1,000"), and takes it out after. */
export function BatchTitle() {
  const { t } = useTranslation();
  const f = useFigures();
  const running = useStore((s) => s.batchPhase === 'running' || s.batchPhase === 'stopping');
  const counts = useStore((s) => s.batchCounts);
  const app = t('app.name');
  const title =
    running && counts
      ? t('batch.windowTitle', {
          app,
          done: f.tokens(counts.done + counts.failed + counts.skipped),
          total: f.tokens(counts.total),
        })
      : app;
  useEffect(() => {
    document.title = title;
  }, [title]);
  return null;
}
