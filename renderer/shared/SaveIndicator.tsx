import { useAppStore } from '../app/store';

/** "Saved" is shown only once IndexedDB has committed every write that was started. */
export function SaveIndicator() {
  const status = useAppStore((s) => s.saveStatus);
  const error = useAppStore((s) => s.saveError);
  const text =
    status === 'saving' ? 'Saving…' : status === 'saved' ? 'Saved' : status === 'error' ? 'Not saved' : 'All changes are stored on this computer';
  return (
    <span className={`save-indicator save-${status}`} role="status" aria-live="polite" data-testid="save-status" title={error ?? undefined}>
      <span className="save-dot" aria-hidden="true" />
      {text}
    </span>
  );
}
