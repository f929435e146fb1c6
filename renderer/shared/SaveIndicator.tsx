import { useAppStore } from '../app/store';
import { useInterfaceT } from '../i18n/react';

/** "Saved" is shown only once IndexedDB has committed every write that was started. */
export function SaveIndicator() {
  const status = useAppStore((s) => s.saveStatus);
  const error = useAppStore((s) => s.saveError);
  const { t } = useInterfaceT();
  const text = t(status === 'saving' ? 'save.saving' : status === 'saved' ? 'save.saved' : status === 'error' ? 'save.error' : 'save.idle');
  return (
    <span className={`save-indicator save-${status}`} role="status" aria-live="polite" data-testid="save-status" title={error ?? undefined}>
      <span className="save-dot" aria-hidden="true" />
      {text}
    </span>
  );
}
