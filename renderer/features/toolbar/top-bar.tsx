import { ModelPicker } from './model-picker.tsx';
import { ProviderPicker } from './provider-picker.tsx';
import { ThinkingSwitch } from './thinking-switch.tsx';
import { useStore } from '../../store/index.ts';

export function TopBar({
  onOpenSettings,
  onToggleSessions,
  sessionsOpen,
}: {
  onOpenSettings: () => void;
  onToggleSessions?: () => void;
  sessionsOpen?: boolean;
}) {
  const openGuide = useStore((s) => s.openGuide);
  return (
    <header className="top-bar">
      {onToggleSessions && (
        // Shown only in a narrow window (app-layout.css), where the sessions sidebar becomes a drawer.
        <button type="button" className="ghost sessions-toggle" aria-expanded={Boolean(sessionsOpen)} onClick={onToggleSessions}>
          Sessions
        </button>
      )}
      <div className="brand" aria-label="Glimpse">
        <span className="brand-mark" aria-hidden="true">
          ◐
        </span>{' '}
        Glimpse
      </div>
      <div className="top-controls">
        <ProviderPicker onOpenSettings={onOpenSettings} />
        <ModelPicker />
        <ThinkingSwitch />
        <button type="button" className="ghost" onClick={onOpenSettings}>
          Settings
        </button>
        {/* Help: the first-run guide again (sample scan, keys, local servers). */}
        <button
          type="button"
          className="ghost"
          onClick={openGuide}
          title="Getting started: read a sample scan, add a key, local servers"
        >
          Help
        </button>
      </div>
    </header>
  );
}
