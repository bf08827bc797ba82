import { useStore } from '../../store/index.ts';
import { useTranslation } from '../../i18n/i18n.ts';
import { ModalDialog } from '../dialog/modal-dialog.tsx';
import { BatchControls } from './batch-controls.tsx';
import { useBatchDrop } from './batch-drop.tsx';
import { BatchForm } from './batch-form.tsx';
import { BatchPlanSummary } from './batch-plan-summary.tsx';
import { BatchTable } from './batch-table.tsx';
import './batch.css';

/**
 * The Batch view (issue #13): one prompt over folders or files (typed, dropped or picked), estimated before it
 * starts, followed file by file; a finished file opens in the answer view. Closing it leaves a running batch running (the window title keeps its progress).
 */
export function BatchView({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const error = useStore((s) => s.batchError);
  const drop = useBatchDrop();
  return (
    <ModalDialog
      label={t('batch.title')}
      title={t('batch.title')}
      closeLabel={t('batch.close')}
      onClose={onClose}
      className="batch-view"
      initialFocus="textarea"
    >
      {/* Files and folders dropped anywhere on the view are added to its inputs. */}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: only a drop target; Choose folder / Choose files are the keyboard's way in. */}
      <div className="batch-drop-target" onDragOver={drop.onDragOver} onDragLeave={drop.onDragLeave} onDrop={drop.onDrop}>
        <BatchForm dropOver={drop.over} />
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <BatchPlanSummary />
        <BatchControls />
        <BatchTable onOpened={onClose} />
      </div>
    </ModalDialog>
  );
}
