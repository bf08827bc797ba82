import { useTranslation } from '../../i18n/i18n.ts';
import { ModalDialog } from '../dialog/modal-dialog.tsx';
import './help.css';

/** Every keyboard shortcut of the window, by where it works. Keys are written as on the keyboard, never translated. */
const SHORTCUTS: { group: string; rows: { keys: string[][]; what: string }[] }[] = [
  {
    group: 'help.group.everywhere',
    rows: [
      { keys: [['?']], what: 'help.keys.sheet' },
      { keys: [['Tab'], ['Shift', 'Tab']], what: 'help.keys.tab' },
      { keys: [['Esc']], what: 'help.keys.escape' },
    ],
  },
  {
    group: 'help.group.composer',
    rows: [
      {
        keys: [
          ['Ctrl', 'Enter'],
          ['⌘', 'Enter'],
        ],
        what: 'help.keys.send',
      },
      { keys: [['Ctrl', 'V']], what: 'help.keys.paste' },
      { keys: [['↑'], ['↓']], what: 'help.keys.menu' },
    ],
  },
  {
    group: 'help.group.viewer',
    rows: [
      { keys: [['+'], ['−']], what: 'help.keys.zoom' },
      { keys: [['0']], what: 'help.keys.fit' },
    ],
  },
];

export function ShortcutsSheet({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <ModalDialog label={t('help.title')} title={t('help.title')} closeLabel={t('help.close')} onClose={onClose}>
      {SHORTCUTS.map((g) => (
        <section key={g.group} className="shortcut-group">
          <h3>{t(g.group)}</h3>
          <dl className="shortcut-list">
            {g.rows.map((r) => (
              <div key={r.what}>
                <dt>
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
