import { useEffect, useRef, type ReactNode } from 'react';
import { useCommonT } from '../i18n/common.ts';
import { Button } from './controls.tsx';
import { Icon } from './icons.tsx';

/** A modal dialog on the native <dialog> element: focus is trapped, Escape closes it. */
export function Dialog({ open, title, onClose, children }: { open: boolean; title: string; onClose(): void; children: ReactNode }) {
  const { t } = useCommonT();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} className="dialog" aria-label={title} onClose={onClose} onCancel={onClose}>
      {open && (
        <>
          <div className="dialog-head">
            <h2>{title}</h2>
            <Button variant="ghost" size="sm" onClick={onClose} aria-label={t('actions.close')}>
              <Icon name="x" size={16} />
            </Button>
          </div>
          <div className="dialog-body">{children}</div>
        </>
      )}
    </dialog>
  );
}

/** Asks before a destructive action; the confirm button shows progress and the error stays in the dialog. */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  busy,
  onConfirm,
  onClose,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busy?: boolean;
  onConfirm(): void;
  onClose(): void;
}) {
  const { t } = useCommonT();
  return (
    <Dialog open={open} title={title} onClose={onClose}>
      <div className="stack">
        {children}
        <div className="form-actions">
          <Button variant="danger" busy={busy} onClick={onConfirm} autoFocus>
            {confirmLabel}
          </Button>
          <Button variant="ghost" onClick={onClose}>
            {t('actions.cancel')}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
