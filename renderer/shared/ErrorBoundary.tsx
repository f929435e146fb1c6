import { Component, type ErrorInfo, type ReactNode } from 'react';
import { isChunkLoadError } from './lazy-screen';
import { interfaceT } from '../i18n/interface-language';

type State = { error: Error | null };
type Props = {
  children: ReactNode;
  /** Inside the workshop's frame (one section failed): a section of the page, not a page of its own. */
  inline?: boolean;
};

/**
 * Last line of defence: a screen that says what went wrong instead of a blank window. Stored
 * data is not touched; reloading usually recovers.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Liftoff screen error', error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const storage = /IndexedDB|Dexie|database|DatabaseClosed|OpenFailed/i.test(`${error.name} ${error.message}`);
    // A screen's code is fetched when it is first opened (shared/lazy-screen.tsx); if that fails
    // (a file missing or unreadable on disk), trying again may well work, without a reload.
    const chunk = !storage && isChunkLoadError(error);
    const Frame = this.props.inline ? 'section' : 'main';
    // A class component cannot use the hook; the interface language as it is now is enough here.
    const { t } = interfaceT();
    return (
      <Frame className={this.props.inline ? 'panel screen-error' : 'home-main'} role="alert">
        <h1 className="page-title">
          {storage ? t('errors.storageTitle') : chunk ? t('errors.chunkTitle') : t('errors.screenTitle')}
        </h1>
        <p>
          {storage ? t('errors.storageText') : chunk ? t('errors.chunkText') : t('errors.screenText')}
        </p>
        <pre className="error-details">{`${error.name}: ${error.message}`}</pre>
        <div className="dialog-actions dialog-actions-start">
          {chunk ? (
            <button
              type="button"
              className="btn btn-primary"
              // The screen is mounted afresh, and so fetches its code again.
              onClick={() => this.setState({ error: null })}
            >
              {t('errors.tryAgain')}
            </button>
          ) : null}
          <button type="button" className={chunk ? 'btn' : 'btn btn-primary'} onClick={() => window.location.reload()}>
            {t('errors.reload')}
          </button>
          <a className="btn" href="#/" onClick={() => this.setState({ error: null })}>
            {t('errors.backToWorkshops')}
          </a>
        </div>
      </Frame>
    );
  }
}
