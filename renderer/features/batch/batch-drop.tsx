import { type DragEvent, useRef, useState } from 'react';
import { pickedFolder } from '../../model/batch-drop.ts';
import { useTranslation } from '../../i18n/i18n.ts';
import { useStore, useStoreApi } from '../../store/index.ts';
import { pickedFiles, readDrop } from './drop-reader.ts';

/**
 * Drop handlers for the whole Batch view. The desktop app adds the dropped folders and files by their paths (the
 * host walks the folders); the browser shell, which has no paths, walks the drop itself and uploads the files to a
 * staged folder on the host. `over` is true while something is dragged over the view.
 */
export function useBatchDrop() {
  const api = useStoreApi();
  const [over, setOver] = useState(false);
  const hasFiles = (e: DragEvent) => [...e.dataTransfer.types].includes('Files');
  return {
    over,
    onDragOver(e: DragEvent) {
      if (!hasFiles(e)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
      setOver(true);
    },
    onDragLeave(e: DragEvent) {
      if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
    },
    onDrop(e: DragEvent) {
      if (!hasFiles(e)) return;
      e.preventDefault();
      // The composer under the dialog must not attach these too.
      e.stopPropagation();
      setOver(false);
      const s = api.getState();
      const paths = s.localPathsOf([...e.dataTransfer.files]);
      if (paths) return s.addBatchInputs(paths);
      // Read now: the browser empties the drop once this handler returns.
      void readDrop(e.nativeEvent).then((files) => api.getState().uploadBatchFiles(files));
    },
  };
}

/** The drop zone's words and the pickers: a folder (webkitdirectory) or several files, in both shells. */
export function BatchDrop({ over }: { over: boolean }) {
  const { t } = useTranslation();
  const api = useStoreApi();
  const upload = useStore((s) => s.batchUpload);
  const problems = useStore((s) => s.batchDropProblems);
  const folderInput = useRef<HTMLInputElement>(null);
  const filesInput = useRef<HTMLInputElement>(null);

  const onPicked = (e: React.ChangeEvent<HTMLInputElement>, folder: boolean) => {
    const input = e.currentTarget;
    const list = [...(input.files ?? [])];
    const s = api.getState();
    const paths = s.localPathsOf(list);
    if (paths && list[0]) {
      // A picked folder is added as the folder (the host walks it again at each resume), not as its files.
      const root = folder ? pickedFolder(paths[0] ?? '', list[0].webkitRelativePath) : null;
      s.addBatchInputs(root ? [root] : paths);
      input.value = '';
      return;
    }
    void pickedFiles(e.nativeEvent).then((files) => {
      input.value = '';
      return api.getState().uploadBatchFiles(files);
    });
  };

  return (
    <div className={`batch-drop${over ? ' is-over' : ''}`}>
      <span className="muted">{t('batch.dropHint')}</span>
      <button
        type="button"
        disabled={upload !== null}
        onClick={() =>
          void api
            .getState()
            .chooseBatchFolder(t('batch.chooseFolderTitle'))
            .then((shown) => shown || folderInput.current?.click())
        }
      >
        {t('batch.chooseFolder')}
      </button>
      <button type="button" disabled={upload !== null} onClick={() => filesInput.current?.click()}>
        {t('batch.chooseFiles')}
      </button>
      <input
        ref={folderInput}
        type="file"
        hidden
        // @ts-expect-error webkitdirectory is not in React's types; every engine Glimpse runs in has it.
        webkitdirectory=""
        aria-label={t('batch.chooseFolder')}
        onChange={(e) => onPicked(e, true)}
      />
      <input
        ref={filesInput}
        type="file"
        hidden
        multiple
        accept="image/*,application/pdf"
        aria-label={t('batch.chooseFiles')}
        onChange={(e) => onPicked(e, false)}
      />
      {upload && (
        <p role="status" className="muted">
          {t('batch.uploading', { done: upload.done, total: upload.total })}
        </p>
      )}
      {problems.length > 0 && (
        <details className="batch-drop-problems">
          <summary>{t('batch.notUploaded', { count: problems.length })}</summary>
          <ul>
            {problems.map((p) => (
              <li key={p.path}>
                <code>{p.path}</code>: {p.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
