import { type ReactNode, useLayoutEffect, useRef } from 'react';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

interface Props {
  /** The dialog's accessible name. */
  label: string;
  /** The visible heading. */
  title: ReactNode;
  /** Accessible name of the × button. */
  closeLabel: string;
  onClose: () => void;
  /** Extra class on the dialog box (its width and layout). */
  className?: string;
  /** Selector of the control focused on open. */
  initialFocus?: string;
  children: ReactNode;
}

/**
 * The app's one modal, a native <dialog> opened with showModal(): the browser makes the page behind it inert (no
 * focus, no clicks, hidden from screen readers) and keeps Tab inside; Escape closes it; a click on the backdrop
 * closes it; on close, focus returns to whatever opened it.
 */
export function ModalDialog({
  label,
  title,
  closeLabel,
  onClose,
  className,
  initialFocus = 'button, input, select',
  children,
}: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const close = useRef(onClose);
  close.current = onClose;
  // Before the first paint: a <dialog> not yet shown as modal would flash in the page's flow.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    // The first control of the body, not the × in the header, unless the body has none.
    const body = [...dialog.querySelectorAll<HTMLElement>(initialFocus)].find((el) => !el.closest('.modal-header'));
    (body ?? dialog.querySelector<HTMLElement>(initialFocus))?.focus();
    return () => {
      if (dialog.open) dialog.close();
      // Back to the control that opened the dialog, if it is still there (it may have been a menu that closed).
      if (opener?.isConnected) opener.focus();
    };
  }, [initialFocus]);
  return (
    <dialog
      ref={ref}
      className={className ? `modal ${className}` : 'modal'}
      aria-label={label}
      onCancel={(e) => {
        // Escape: React unmounts the dialog through onClose, so the browser must not close it first.
        e.preventDefault();
        close.current();
      }}
      onKeyDown={(e) => {
        // A modal dialog lets Tab leave for the browser's own controls; here it wraps, so focus stays inside.
        if (e.key !== 'Tab') return;
        const items = [...e.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null);
        const first = items[0];
        const last = items.at(-1);
        if (!first || !last) return;
        if (e.shiftKey && document.activeElement === first) {
          e.preventDefault();
          last.focus();
        } else if (!e.shiftKey && document.activeElement === last) {
          e.preventDefault();
          first.focus();
        }
      }}
      onMouseDown={(e) => {
        // The backdrop belongs to the <dialog> element: a press outside its box is a press on the backdrop.
        const r = e.currentTarget.getBoundingClientRect();
        const outside = e.clientX < r.left || e.clientX > r.right || e.clientY < r.top || e.clientY > r.bottom;
        if (e.target === e.currentTarget && outside) close.current();
      }}
    >
      <header className="modal-header">
        <h2>{title}</h2>
        <button type="button" className="ghost" onClick={onClose} aria-label={closeLabel}>
          ×
        </button>
      </header>
      {children}
    </dialog>
  );
}
