import { useStore } from '../../store/index.ts';

export function ProviderPicker({ onOpenSettings }: { onOpenSettings: () => void }) {
  const providers = useStore((s) => s.providers);
  const providerId = useStore((s) => s.providerId);
  const select = useStore((s) => s.selectProvider);
  const current = providers.find((p) => p.id === providerId);
  return (
    <div className="provider-picker">
      <label>
        <span className="label-text">Provider</span>
        <select aria-label="Provider" value={providerId ?? ''} onChange={(e) => select(e.target.value)}>
          {providers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} · {p.model}
              {p.hasKey || p.catalogId === 'custom' ? '' : ' (no key)'}
            </option>
          ))}
        </select>
      </label>
      {current && !current.hasKey && current.catalogId !== 'custom' && (
        <button type="button" className="link" onClick={onOpenSettings}>
          Add a key
        </button>
      )}
    </div>
  );
}
