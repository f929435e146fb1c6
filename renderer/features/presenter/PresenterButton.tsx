// The shell's way into presenter mode, apart from the presenter screen itself so that the screen's
// code (and the views it shows) loads only when presenter mode is entered.
import { useAppStore } from '../../app/store';
import { PRESENTER_BUTTON_ID, enterPresenter } from './presenter-mode';

/** Whether the workshop is shown in presenter mode (the shell swaps its layout for PresenterLayout). */
export function usePresenter(): boolean {
  return useAppStore((s) => s.presenter);
}

export function PresenterButton() {
  return (
    <button
      type="button"
      id={PRESENTER_BUTTON_ID}
      className="btn btn-small"
      title="Show this workshop on the projector: large type, editing hidden (F5; Esc leaves)"
      onClick={enterPresenter}
    >
      Presenter
    </button>
  );
}
