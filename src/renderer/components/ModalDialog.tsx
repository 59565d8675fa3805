/**
 * The app's modal <dialog>: opened with showModal() when it mounts (the rest
 * of the page inert behind a dimmed backdrop) and closed when it unmounts.
 * Escape does not close it by itself: it calls `onClose`, and the owner
 * unmounts it. Framed by the `modal-dialog` class (styles.css); `className`
 * adds the dialog's own (its width, its parts). When it closes, the focus goes
 * back to what had it before it opened (the button that opened it), so a
 * keyboard user carries on from there instead of from the top of the page.
 */
import { useEffect, useRef, type DialogHTMLAttributes, type ReactNode } from 'react';

export interface ModalDialogProps extends Omit<DialogHTMLAttributes<HTMLDialogElement>, 'className' | 'onCancel' | 'open' | 'children'> {
  className: string;
  onClose: () => void;
  children: ReactNode;
}

export function ModalDialog({ className, onClose, children, ...rest }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    const active = document.activeElement;
    const opener = active instanceof HTMLElement && active !== document.body && !dialog?.contains(active) ? active : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      // Unmounted, the dialog took the focus with it: give it back unless something else took it since.
      const now = document.activeElement;
      if (opener?.isConnected && (now === null || now === document.body || dialog?.contains(now))) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`modal-dialog ${className}`}
      {...rest}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      {children}
    </dialog>
  );
}
