import { useAppStore } from '../app/store';
import { Dialog } from './Dialog';
import { useInterfaceT } from '../i18n/react';

/** Why a file could not be opened or saved, in words, with the promise that nothing changed. */
export function FileErrorDialog() {
  const dialog = useAppStore((s) => s.dialog);
  const close = useAppStore((s) => s.closeDialog);
  const { t } = useInterfaceT();
  const err = dialog?.kind === 'file-error' ? dialog : null;
  return (
    <Dialog title={err?.title ?? ''} open={err !== null} onClose={close}>
      <p role="alert" className="error-text" data-testid="import-error">
        {err?.message}
      </p>
      {err?.details && err.details.length > 0 ? (
        <ul className="error-details" data-testid="import-error-details">
          {err.details.map((d, i) => (
            <li key={i}>{d}</li>
          ))}
        </ul>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="btn btn-primary" onClick={close} autoFocus>
          {t('errors.ok')}
        </button>
      </div>
    </Dialog>
  );
}
