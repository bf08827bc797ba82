import { useEffect, useState } from 'react';
import type { RequestCode } from '../../../shared/bridge/playground.ts';
import { type CodeLanguage, requestJson, shortenDataUrls, snippetOf } from '../../model/code-snippets.ts';
import { Trans, useTranslation } from '../../i18n/i18n.ts';
import { hostText } from '../../i18n/host-text.ts';
import { failureText } from '../../model/failure.ts';
import { downloadFile } from '../../platform/download.ts';
import { useStoreApi } from '../../store/index.ts';
import { CopyButton } from '../conversation/copy-button.tsx';
import { ModalDialog } from '../dialog/modal-dialog.tsx';

// Names of tools and languages, the same in every language.
const LANGS: [CodeLanguage, string][] = [
  ['curl', 'curl'], // i18n-exempt
  ['python', 'Python'], // i18n-exempt
  ['typescript', 'TypeScript'], // i18n-exempt
];

/** The exact request of one exchange as code: images shortened on screen, whole when copied or saved. */
export function ViewCodeDialog({ id, onClose }: { id: string; onClose: () => void }) {
  const api = useStoreApi();
  const { t } = useTranslation();
  const [code, setCode] = useState<RequestCode | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [lang, setLang] = useState<CodeLanguage>('curl');
  useEffect(() => {
    let live = true;
    api
      .getState()
      .requestCode(id)
      .then((c) => live && setCode(c))
      .catch((e: unknown) => live && setError(hostText(failureText(e))));
    return () => {
      live = false;
    };
  }, [api, id]);
  return (
    <ModalDialog
      label={t('playground.code.title')}
      title={t('playground.code.title')}
      closeLabel={t('playground.code.close')}
      onClose={onClose}
      className="code-view"
    >
      {error && (
        <p className="param-error" role="alert">
          {error}
        </p>
      )}
      {!code && !error && <p className="muted">{t('playground.code.building')}</p>}
      {code && (
        <>
          <div className="code-tabs" role="tablist" aria-label={t('playground.code.language')}>
            {LANGS.map(([k, label]) => (
              <button key={k} type="button" role="tab" aria-selected={lang === k} className="link" onClick={() => setLang(k)}>
                {label}
              </button>
            ))}
          </div>
          <p className="muted">
            <Trans i18nKey="playground.code.keyNote" values={{ env: code.keyEnv }} components={[<code key="env" />]} />
          </p>
          <pre data-testid="code">{shortenDataUrls(snippetOf(lang, code))}</pre>
          <div className="turn-actions">
            <CopyButton label={t('playground.code.copyLabel')} text={() => snippetOf(lang, code)}>
              {t('playground.code.copy')}
            </CopyButton>
            <button
              type="button"
              onClick={() => downloadFile('request.json', 'application/json', new TextEncoder().encode(requestJson(code)))}
            >
              {t('playground.code.save')}
            </button>
          </div>
        </>
      )}
    </ModalDialog>
  );
}
