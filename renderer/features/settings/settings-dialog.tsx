import { useEffect, useState } from 'react';
import type { ProviderView } from '../../../shared/bridge/providers.ts';
import { bridge } from '../../bridge/bridge.ts';
import { useStore } from '../../store/index.ts';
import { ModalDialog } from '../dialog/modal-dialog.tsx';
import { ProviderForm } from './provider-form.tsx';

/** Providers: the built-in ones need only a key; custom servers need a URL and a model too. */
export function SettingsDialog({ onClose }: { onClose: () => void }) {
  const providers = useStore((s) => s.providers);
  const [editing, setEditing] = useState<ProviderView | 'new' | null>(null);
  return (
    <ModalDialog label="Settings" title="Settings" closeLabel="Close settings" onClose={onClose}>
        {editing ? (
          <ProviderForm
            provider={editing === 'new' ? null : editing}
            onDone={() => setEditing(null)}
            onSaved={onClose}
          />
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
                  <span className={`key-chip ${p.hasKey ? 'ok' : ''}`}>{p.hasKey ? 'key set' : 'no key'}</span>
                  <button type="button" onClick={() => setEditing(p)} aria-label={`Edit ${p.name}`}>
                    Edit
                  </button>
                </li>
              ))}
            </ul>
            <button type="button" className="primary" onClick={() => setEditing('new')}>
              Add provider
            </button>
            <p className="muted small">
              Keys are kept by the host (encrypted by the OS keychain in the desktop app, in a 0600 file for the browser
              shell) and never shown again. Data folder: <DataDir />
            </p>
          </>
        )}
    </ModalDialog>
  );
}

function DataDir() {
  const [dir, setDir] = useState('');
  useEffect(() => {
    void bridge.getInfo().then((i) => setDir(i.dataDir));
  }, []);
  return <code>{dir}</code>;
}
