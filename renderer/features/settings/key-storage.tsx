import { useEffect, useState } from 'react';
import type { HostInfo } from '../../../shared/bridge/contract.ts';
import { bridge } from '../../bridge/bridge.ts';
import { failureMessage } from '../../model/failure.ts';

const HOW: Record<HostInfo['keyStorage']['backend'], string> = {
  keychain: 'Keys are encrypted with a key your system’s keychain holds, and never shown again.',
  'basic-text':
    'No secret store (such as GNOME Keyring or KWallet) was found, so keys are encrypted with a fixed key built into the app: anyone who can read your files can read them.',
  file: 'Keys are kept in a file only your user account can read, and never shown again.',
};

/** Says how keys are kept, warns when that is weak, and offers to keep them for this session only. */
export function KeyStorage() {
  const [info, setInfo] = useState<HostInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void bridge.getInfo().then(setInfo, (e: unknown) => setError(failureMessage(e)));
  }, []);
  if (!info)
    return error ? (
      <p className="form-error" role="alert">
        {error}
      </p>
    ) : null;
  const weak = info.keyStorage.backend === 'basic-text';
  const toggle = async (on: boolean) => {
    setError(null);
    try {
      setInfo(await bridge.setSessionOnlyKeys(on));
    } catch (e) {
      setError(failureMessage(e));
    }
  };
  return (
    <section className={`key-storage${weak ? ' weak' : ''}`} aria-label="Key storage">
      <p className="small" role={weak ? 'note' : undefined}>
        {weak && <strong>Keys are not protected. </strong>}
        {HOW[info.keyStorage.backend]}
      </p>
      <label className="small">
        <input type="checkbox" checked={info.keyStorage.sessionOnly} onChange={(e) => void toggle(e.target.checked)} />
        Keep keys for this session only (held in memory, never written; enter them again after a restart)
      </label>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <p className="muted small">
        Data folder: <code>{info.dataDir}</code>
      </p>
    </section>
  );
}
