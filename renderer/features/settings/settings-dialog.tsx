import { useState } from 'react';
import type { ProviderView } from '../../../shared/bridge/providers.ts';
import { useTranslation } from '../../i18n/i18n.ts';
import { useNames } from '../../i18n/names.ts';
import { AppearanceSettings } from '../appearance/appearance-settings.tsx';
import { useStore } from '../../store/index.ts';
import { ModalDialog } from '../dialog/modal-dialog.tsx';
import { SnipSettings } from '../snip/snip-settings.tsx';
import { KeyStorage } from './key-storage.tsx';
import { ProviderForm } from './provider-form.tsx';
import { isLocalOcr } from '../../../shared/providers/catalog.ts';
import { LocalServers } from '../guide/local-servers.tsx';

/** Providers: the built-in ones need only a key; custom servers need a URL and a model too. */
export function SettingsDialog({ onClose }: { onClose: () => void }) {
  const providers = useStore((s) => s.providers);
  const [editing, setEditing] = useState<ProviderView | 'new' | null>(null);
  const { t } = useTranslation();
  const names = useNames();
  return (
    <ModalDialog label={t('settings.title')} title={t('settings.title')} closeLabel={t('settings.close')} onClose={onClose}>
      {editing ? (
        <ProviderForm provider={editing === 'new' ? null : editing} onDone={() => setEditing(null)} onSaved={onClose} />
      ) : (
        <>
          <h3>{t('settings.providers')}</h3>
          <ul className="provider-list" aria-label={t('settings.providers')}>
            {providers.map((p) => (
              <li key={p.id}>
                <div>
                  <strong>{names.provider(p.name)}</strong>
                  <span className="muted"> · {names.model(p.catalogId, p.model)}</span>
                  <div className="muted small">{p.baseUrl}</div>
                </div>
                {isLocalOcr(p.catalogId) ? (
                  // Built in: nothing to set up; its languages are picked in the model menu.
                  <span className="key-chip ok">{t('settings.noKeyNeeded')}</span>
                ) : (
                  <>
                    <span className={`key-chip ${p.hasKey ? 'ok' : ''}`}>
                      {p.hasKey ? t('settings.keySet') : t('settings.noKey')}
                    </span>
                    <button type="button" onClick={() => setEditing(p)} aria-label={t('settings.editNamed', { name: p.name })}>
                      {t('settings.edit')}
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
          <button type="button" className="primary" onClick={() => setEditing('new')}>
            {t('settings.addProvider')}
          </button>
          <h3>{t('settings.localServers')}</h3>
          <LocalServers />
          <AppearanceSettings />
          <KeyStorage />
          <SnipSettings />
        </>
      )}
    </ModalDialog>
  );
}
