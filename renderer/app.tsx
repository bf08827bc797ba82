import { useCallback, useEffect, useState } from 'react';
import { useDropzone } from 'react-dropzone';
import { BatchTitle } from './features/batch/batch-title.tsx';
import { BatchView } from './features/batch/batch-view.tsx';
import { ResumeBanner } from './features/batch/resume-banner.tsx';
import { Composer } from './features/composer/composer.tsx';
import { isHelpKey, ShortcutsSheet } from './features/help/shortcuts-sheet.tsx';
import { Conversation } from './features/conversation/conversation.tsx';
import { ParamsPanel } from './features/playground/params-panel.tsx';
import { DesktopActions } from './features/desktop/desktop-actions.tsx';
import { SessionsSidebar } from './features/sessions/sessions-sidebar.tsx';
import { FirstRunGuide } from './features/guide/first-run-guide.tsx';
import { SettingsDialog } from './features/settings/settings-dialog.tsx';
import { SnipLayer } from './features/snip/snip-layer.tsx';
import { TopBar } from './features/toolbar/top-bar.tsx';
import { UsageTally } from './features/usage/usage-tally.tsx';
import { UsageView } from './features/usage/usage-view.tsx';
import { useTranslation } from './i18n/i18n.ts';
import { useStore } from './store/index.ts';
import './app-layout.css';

export function App() {
  const addFiles = useStore((s) => s.addFiles);
  const { t } = useTranslation();
  const [settingsOpen, setSettingsOpen] = useState(false);
  // The sessions drawer, in a narrow window; a wide one always shows the sidebar.
  const [sessionsOpen, setSessionsOpen] = useState(false);
  const [usageOpen, setUsageOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [batchOpen, setBatchOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isHelpKey(e)) return;
      e.preventDefault();
      setHelpOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const closeHelp = useCallback(() => setHelpOpen(false), []);
  const openHelp = useCallback(() => setHelpOpen(true), []);
  const restoreLastSession = useStore((s) => s.restoreLastSession);
  useEffect(() => {
    void restoreLastSession();
  }, [restoreLastSession]);
  const guideOpen = useStore((s) => s.guideOpen);
  const loadGuide = useStore((s) => s.loadGuide);
  useEffect(() => {
    void loadGuide();
  }, [loadGuide]);
  const closeUsage = useCallback(() => setUsageOpen(false), []);
  const closeSessions = useCallback(() => setSessionsOpen(false), []);
  const openSettings = useCallback(() => setSettingsOpen(true), []);
  const openUsage = useCallback(() => setUsageOpen(true), []);
  const onDrop = useCallback((files: File[]) => void addFiles(files), [addFiles]);
  // The whole window is the drop and paste target; clicks and keys are left to the controls inside it.
  const { getRootProps, getInputProps, isDragActive, open } = useDropzone({ onDrop, noClick: true, noKeyboard: true });

  return (
    <div {...getRootProps({ className: 'app app-with-sidebar' })}>
      <input {...getInputProps()} />
      <TopBar
        onOpenSettings={() => setSettingsOpen(true)}
        onOpenHelp={openHelp}
        onOpenBatch={() => setBatchOpen(true)}
        onToggleSessions={() => setSessionsOpen((o) => !o)}
        sessionsOpen={sessionsOpen}
      />
      <ResumeBanner onResume={() => setBatchOpen(true)} />
      <BatchTitle />
      <SessionsSidebar open={sessionsOpen} onClose={closeSessions} />
      <UsageTally onOpenDetails={() => setUsageOpen(true)} />
      <Conversation />
      {/* Its own grid area: above the composer, or a column at the right of a wide window while open (app-layout.css). */}
      <div className="params-dock">
        <ParamsPanel />
      </div>
      <Composer openFileDialog={open} />
      {isDragActive && (
        <div className="drop-overlay" aria-hidden="true">
          <div>{t('app.dropHint')}</div>
        </div>
      )}
      {settingsOpen && <SettingsDialog onClose={() => setSettingsOpen(false)} />}
      {guideOpen && !settingsOpen && <FirstRunGuide onOpenSettings={() => setSettingsOpen(true)} />}
      {usageOpen && <UsageView onClose={closeUsage} />}
      {batchOpen && <BatchView onClose={() => setBatchOpen(false)} />}
      <DesktopActions onOpenSettings={openSettings} onOpenUsage={openUsage} onAttach={open} onOpenShortcuts={openHelp} />
      <SnipLayer />
      {helpOpen && <ShortcutsSheet onClose={closeHelp} />}
    </div>
  );
}
