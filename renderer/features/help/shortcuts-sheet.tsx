import { useEffect, useState } from 'react';
import { bridge } from '../../bridge/bridge.ts';
import { useTranslation } from '../../i18n/i18n.ts';
import { type ShortcutShell, shortcutGroups } from '../../model/shortcuts.ts';
import { ModalDialog } from '../dialog/modal-dialog.tsx';
import './help.css';

/** The desktop menu's modifier, as Electron's CmdOrCtrl resolves it. */
const mod = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';

/**
 * Every keyboard shortcut, by where it works: opened by `?`, the Help button and the desktop menu. In the desktop
 * app it adds the menu's keys and the global snip shortcut as set in Settings.
 */
export function ShortcutsSheet({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [shell, setShell] = useState<ShortcutShell | null>(null);
  useEffect(() => {
    let live = true;
    // Without the settings the sheet still lists the window's keys; only the desktop group waits on them.
    bridge.getDesktopSettings().then(
      (s) => live && setShell(s),
      () => {},
    );
    return () => {
      live = false;
    };
  }, []);
  return (
    <ModalDialog label={t('help.title')} title={t('help.title')} closeLabel={t('help.close')} onClose={onClose}>
      {shortcutGroups(shell, mod).map((g) => (
        <section key={g.group} className="shortcut-group">
          <h3>{t(g.group)}</h3>
          <dl className="shortcut-list">
            {g.rows.map((r) => (
              <div key={r.what}>
                <dt>
                  {r.keys.length === 0 && <span className="muted">{t('help.keys.snipNone')}</span>}
                  {r.keys.map((combo, i) => (
                    <span key={combo.join('+')}>
                      {i > 0 && <span className="muted"> / </span>}
                      {combo.map((k, j) => (
                        <span key={k}>
                          {j > 0 && '+'}
                          <kbd>{k}</kbd>
                        </span>
                      ))}
                    </span>
                  ))}
                </dt>
                <dd>{t(r.what)}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </ModalDialog>
  );
}

/** `?` opens the sheet, unless the person is typing (a `?` in a prompt is a question mark). */
export function isHelpKey(e: KeyboardEvent): boolean {
  if (e.key !== '?' || e.ctrlKey || e.metaKey || e.altKey) return false;
  const el = e.target as HTMLElement | null;
  return !el?.closest('input, textarea, select, [contenteditable="true"], dialog');
}
