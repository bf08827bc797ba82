import { useState } from 'react';
import { useTranslation } from '../../i18n/i18n.ts';
import { useStore } from '../../store/index.ts';

/** Asks for a protected PDF's password; the PDF stays attached, and nothing is sent, until it opens. */
export function PdfPassword({ localId, name, wrong }: { localId: string; name: string; wrong: boolean }) {
  const unlock = useStore((s) => s.unlockPdf);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const { t } = useTranslation();
  return (
    <div className="pdf-password" role="group" aria-label={t('pdf.passwordFor', { name })}>
      <p className={wrong ? 'error-text' : 'muted'}>{wrong ? t('pdf.wrongPassword') : t('pdf.protected')}</p>
      <div className="row">
        <input
          type="password"
          aria-label={t('pdf.passwordFor', { name })}
          value={password}
          autoComplete="off"
          onChange={(e) => setPassword(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              (e.currentTarget.nextElementSibling as HTMLButtonElement | null)?.click();
            }
          }}
        />
        <button
          type="button"
          disabled={!password || busy}
          onClick={async () => {
            setBusy(true);
            const ok = await unlock(localId, password);
            setBusy(false);
            if (!ok) setPassword('');
          }}
        >
          {t('pdf.unlock')}
        </button>
      </div>
    </div>
  );
}
