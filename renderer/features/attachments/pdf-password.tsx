import { useState } from 'react';
import { useStore } from '../../store/index.ts';

/** Asks for a protected PDF's password; the PDF stays attached, and nothing is sent, until it opens. */
export function PdfPassword({ localId, name, wrong }: { localId: string; name: string; wrong: boolean }) {
  const unlock = useStore((s) => s.unlockPdf);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <div className="pdf-password" role="group" aria-label={`Password for ${name}`}>
      <p className={wrong ? 'error-text' : 'muted'}>
        {wrong ? 'That password is wrong; try again.' : 'This PDF is protected by a password.'}
      </p>
      <div className="row">
        <input
          type="password"
          aria-label={`Password for ${name}`}
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
          Unlock
        </button>
      </div>
    </div>
  );
}
