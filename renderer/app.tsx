import { useCallback, useState } from 'react';
import { useDropzone } from 'react-dropzone';
import { Composer } from './features/composer/composer.tsx';
import { Conversation } from './features/conversation/conversation.tsx';
import { SettingsDialog } from './features/settings/settings-dialog.tsx';
import { TopBar } from './features/toolbar/top-bar.tsx';
import { useStore } from './store/index.ts';

export function App() {
  const addFiles = useStore((s) => s.addFiles);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const onDrop = useCallback((files: File[]) => void addFiles(files), [addFiles]);
  // The whole window is the drop and paste target; clicks and keys are left to the controls inside it.
  const { getRootProps, getInputProps, isDragActive, open } = useDropzone({ onDrop, noClick: true, noKeyboard: true });


  return (
    <div {...getRootProps({ className: 'app' })}>
      <input {...getInputProps()} />
      <TopBar onOpenSettings={() => setSettingsOpen(true)} />
      <Conversation />
      <Composer openFileDialog={open} />
      {isDragActive && (
        <div className="drop-overlay" aria-hidden="true">
          <div>Drop images to attach</div>
        </div>
      )}
      {settingsOpen && <SettingsDialog onClose={() => setSettingsOpen(false)} />}
    </div>
  );
}
