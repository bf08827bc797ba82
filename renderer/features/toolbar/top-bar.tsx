import { ProviderPicker } from './provider-picker.tsx';
import { ThinkingSwitch } from './thinking-switch.tsx';

export function TopBar({ onOpenSettings }: { onOpenSettings: () => void }) {
  return (
    <header className="top-bar">
      <div className="brand" aria-label="Glimpse">
        <span className="brand-mark" aria-hidden="true">◐</span> Glimpse
      </div>
      <div className="top-controls">
        <ProviderPicker onOpenSettings={onOpenSettings} />
        <ThinkingSwitch />
        <button type="button" className="ghost" onClick={onOpenSettings}>
          Settings
        </button>
      </div>
    </header>
  );
}
