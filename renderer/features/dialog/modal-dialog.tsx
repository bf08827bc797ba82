import { useEffect, useRef, type ReactNode } from 'react';

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

/** The app's one modal: a backdrop that closes on click, Escape to close, focus moved inside on open. */
export function ModalDialog({
  label,
  title,
  closeLabel,
  onClose,
  className,
  initialFocus = 'button, input, select',
  children,
}: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    ref.current?.querySelector<HTMLElement>(initialFocus)?.focus();
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose, initialFocus]);
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className={className ? `modal ${className}` : 'modal'} role="dialog" aria-modal="true" aria-label={label} ref={ref}>
        <header className="modal-header">
          <h2>{title}</h2>
          <button type="button" className="ghost" onClick={onClose} aria-label={closeLabel}>
            ×
          </button>
        </header>
        {children}
      </div>
    </div>
  );
}
