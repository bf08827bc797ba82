/**
 * What the desktop app's menus, tray, shortcut and second launches ask of the window, done with the same actions
 * as the window's own buttons. Renders nothing: the views it opens belong to App.
 */
import { useEffect } from 'react';
import type { DesktopEvent } from '../../../shared/bridge/desktop.ts';
import { hostText } from '../../i18n/host-text.ts';
import { joinNotices } from '../../model/notice.ts';
import { useStoreApi } from '../../store/index.ts';
import { showHostCapture, useSnip } from '../snip/snip-state.ts';
import { setDesktopHandler } from './desktop-events.ts';

interface Props {
  onOpenSettings(): void;
  onOpenUsage(): void;
  onAttach(): void;
  /** The keyboard-shortcut sheet, the same one `?` and the Help button open. */
  onOpenShortcuts(): void;
}

export function DesktopActions({ onOpenSettings, onOpenUsage, onAttach, onOpenShortcuts }: Props) {
  const store = useStoreApi();

  useEffect(() => {
    const handle = (e: DesktopEvent) => {
      switch (e.type) {
        case 'action':
          if (e.action === 'new-session') store.getState().newSession();
          else if (e.action === 'attach') onAttach();
          else if (e.action === 'settings') onOpenSettings();
          else if (e.action === 'usage') onOpenUsage();
          else if (e.action === 'compare') void store.getState().runCompare();
          else if (e.action === 'shortcuts') onOpenShortcuts();
          else if (e.action === 'guide') store.getState().openGuide();
          break;
        case 'open-files': {
          const files = e.files.map((f) => new File([f.bytes as Uint8Array<ArrayBuffer>], f.name, { type: f.mime }));
          void store
            .getState()
            .addFiles(files)
            .then(() => {
              // Files the OS named but Glimpse could not read: said where a refused drop is said.
              if (e.refused.length) {
                const notice = store.getState().notice;
                store.setState({ notice: joinNotices(notice, e.refused) });
              }
            });
          break;
        }
        case 'snip':
          showHostCapture(e.capture);
          break;
        case 'snip-failed':
          useSnip.getState().fail(e.summary ? hostText(e.summary) : e.message);
          break;
      }
    };
    return setDesktopHandler(handle);
  }, [store, onOpenSettings, onOpenUsage, onAttach, onOpenShortcuts]);

  return null;
}
