import { Component, type ErrorInfo, type ReactNode } from 'react';
import { isChunkLoadError } from './lazy-screen';

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
    return (
      <Frame className={this.props.inline ? 'panel screen-error' : 'home-main'} role="alert">
        <h1 className="page-title">
          {storage ? 'Liftoff could not open its local database' : chunk ? 'This screen could not be loaded' : 'Something went wrong on this screen'}
        </h1>
        <p>
          {storage
            ? 'Your workshops are stored in this computer’s browser storage, which refused to open. Close other Liftoff windows, make sure the disk is not full, then reload.'
            : chunk
              ? 'Part of Liftoff could not be read from disk. Nothing you saved has been lost. Try again; if it keeps failing, reload, or reinstall Liftoff.'
              : 'Nothing you saved has been lost: every change is stored as you make it. Reload to continue.'}
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
              Try again
            </button>
          ) : null}
          <button type="button" className={chunk ? 'btn' : 'btn btn-primary'} onClick={() => window.location.reload()}>
            Reload
          </button>
          <a className="btn" href="#/" onClick={() => this.setState({ error: null })}>
            Back to workshops
          </a>
        </div>
      </Frame>
    );
  }
}
