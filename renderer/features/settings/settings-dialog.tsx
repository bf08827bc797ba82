import { useState } from 'react';
import type { ProviderView } from '../../../shared/bridge/providers.ts';
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
  return (
    <ModalDialog label="Settings" title="Settings" closeLabel="Close settings" onClose={onClose}>
      {editing ? (
        <ProviderForm provider={editing === 'new' ? null : editing} onDone={() => setEditing(null)} onSaved={onClose} />
      ) : (
        <>
          <h3>Providers</h3>
          <ul className="provider-list" aria-label="Providers">
            {providers.map((p) => (
              <li key={p.id}>
                <div>
                  <strong>{p.name}</strong>
                  <span className="muted"> · {p.model}</span>
                  <div className="muted small">{p.baseUrl}</div>
                </div>
                {isLocalOcr(p.catalogId) ? (
                  // Built in: nothing to set up; its languages are picked in the model menu.
                  <span className="key-chip ok">no key needed</span>
                ) : (
                  <>
                    <span className={`key-chip ${p.hasKey ? 'ok' : ''}`}>{p.hasKey ? 'key set' : 'no key'}</span>
                    <button type="button" onClick={() => setEditing(p)} aria-label={`Edit ${p.name}`}>
                      Edit
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
          <button type="button" className="primary" onClick={() => setEditing('new')}>
            Add provider
          </button>
          <h3>Local model servers</h3>
          <LocalServers />
          <KeyStorage />
          <SnipSettings />
        </>
      )}
    </ModalDialog>
  );
}
