/** Help › Keyboard shortcuts: what the keys do, with the snip shortcut as set in Settings. */
import { ModalDialog } from '../dialog/modal-dialog.tsx';

const mod = /Mac|iPhone|iPad/.test(navigator.platform) ? 'Cmd' : 'Ctrl';

export function ShortcutsDialog({ snipShortcut, onClose }: { snipShortcut: string; onClose: () => void }) {
  const rows: [string, string][] = [
    [`${mod}+Enter`, 'Send the prompt'],
    [`${mod}+N`, 'New session'],
    [`${mod}+O`, 'Attach files'],
    [`${mod}+,`, 'Settings'],
    [`${mod}+Shift+U`, 'Usage'],
    [`${mod}+Shift+Enter`, 'Compare'],
    [snipShortcut || '(none; set one in Settings)', 'Snip and ask, from any application'],
    ['Arrows / Shift+arrows', 'While snipping: move the selection by 1 / 10 pixels'],
    ['Alt+arrows', 'While snipping: resize the selection'],
    ['Enter / Esc', 'While snipping: attach / cancel'],
  ];
  return (
    <ModalDialog label="Keyboard shortcuts" title="Keyboard shortcuts" closeLabel="Close keyboard shortcuts" onClose={onClose}>
      <table className="shortcut-table">
        <tbody>
          {rows.map(([keys, what]) => (
            <tr key={what}>
              <td>
                <kbd>{keys}</kbd>
              </td>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ModalDialog>
  );
}
