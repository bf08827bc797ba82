import { useEffect, useState } from 'react';
import type { RequestCode } from '../../../shared/bridge/playground.ts';
import { type CodeLanguage, requestJson, shortenDataUrls, snippetOf } from '../../model/code-snippets.ts';
import { failureMessage } from '../../model/failure.ts';
import { downloadFile } from '../../platform/download.ts';
import { useStoreApi } from '../../store/index.ts';
import { CopyButton } from '../conversation/copy-button.tsx';
import { ModalDialog } from '../dialog/modal-dialog.tsx';

const LANGS: [CodeLanguage, string][] = [
  ['curl', 'curl'],
  ['python', 'Python'],
  ['typescript', 'TypeScript'],
];

/** The exact request of one exchange as code: images shortened on screen, whole when copied or saved. */
export function ViewCodeDialog({ id, onClose }: { id: string; onClose: () => void }) {
  const api = useStoreApi();
  const [code, setCode] = useState<RequestCode | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [lang, setLang] = useState<CodeLanguage>('curl');
  useEffect(() => {
    let live = true;
    api
      .getState()
      .requestCode(id)
      .then((c) => live && setCode(c))
      .catch((e: unknown) => live && setError(failureMessage(e)));
    return () => {
      live = false;
    };
  }, [api, id]);
  return (
    <ModalDialog label="View code" title="View code" closeLabel="Close code" onClose={onClose} className="code-view">
      {error && (
        <p className="param-error" role="alert">
          {error}
        </p>
      )}
      {!code && !error && <p className="muted">Building the request…</p>}
      {code && (
        <>
          <div className="code-tabs" role="tablist" aria-label="Language">
            {LANGS.map(([k, label]) => (
              <button key={k} type="button" role="tab" aria-selected={lang === k} className="link" onClick={() => setLang(k)}>
                {label}
              </button>
            ))}
          </div>
          <p className="muted">
            The key is read from <code>${code.keyEnv}</code>; images are shortened here and complete when copied or saved.
          </p>
          <pre data-testid="code">{shortenDataUrls(snippetOf(lang, code))}</pre>
          <div className="turn-actions">
            <CopyButton label="Copy code" text={() => snippetOf(lang, code)}>
              Copy
            </CopyButton>
            <button
              type="button"
              onClick={() => downloadFile('request.json', 'application/json', new TextEncoder().encode(requestJson(code)))}
            >
              Save request.json
            </button>
          </div>
        </>
      )}
    </ModalDialog>
  );
}
