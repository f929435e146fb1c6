// The shell's way into presenter mode, apart from the presenter screen itself so that the screen's
// code (and the views it shows) loads only when presenter mode is entered.
import { useAppStore } from '../../app/store';
import { PRESENTER_BUTTON_ID, enterPresenter } from './presenter-mode';
import { useInterfaceT } from '../../i18n/react';

/** Whether the workshop is shown in presenter mode (the shell swaps its layout for PresenterLayout). */
export function usePresenter(): boolean {
  return useAppStore((s) => s.presenter);
}

export function PresenterButton() {
  const { t } = useInterfaceT();
  return (
    <button
      type="button"
      id={PRESENTER_BUTTON_ID}
      className="btn btn-small"
      title={t('presenter.buttonTitle')}
      onClick={enterPresenter}
    >
      {t('presenter.button')}
    </button>
  );
}
