import { useEffect, useState } from 'react';
import type { HostInfo } from '../../../shared/bridge/contract.ts';
import { bridge } from '../../bridge/bridge.ts';
import { useTranslation } from '../../i18n/i18n.ts';
import { hostText } from '../../i18n/host-text.ts';
import { failureText } from '../../model/failure.ts';

const HOW: Record<HostInfo['keyStorage']['backend'], string> = {
  keychain: 'settings.keys.keychain',
  'basic-text': 'settings.keys.basicText',
  file: 'settings.keys.file',
};

/** Says how keys are kept, warns when that is weak, and offers to keep them for this session only. */
export function KeyStorage() {
  const [info, setInfo] = useState<HostInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { t } = useTranslation();
  useEffect(() => {
    void bridge.getInfo().then(setInfo, (e: unknown) => setError(hostText(failureText(e))));
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
      setError(hostText(failureText(e)));
    }
  };
  return (
    <section className={`key-storage${weak ? ' weak' : ''}`} aria-label={t('settings.keys.label')}>
      <p className="small" role={weak ? 'note' : undefined}>
        {weak && <strong>{t('settings.keys.notProtected')}</strong>}
        {t(HOW[info.keyStorage.backend])}
      </p>
      <label className="small">
        <input type="checkbox" checked={info.keyStorage.sessionOnly} onChange={(e) => void toggle(e.target.checked)} />
        {t('settings.keys.sessionOnly')}
      </label>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <p className="muted small">
        {t('settings.keys.dataFolder')} <code>{info.dataDir}</code>
      </p>
    </section>
  );
}
