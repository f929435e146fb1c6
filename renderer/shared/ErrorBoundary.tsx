import { Component, type ErrorInfo, type ReactNode } from 'react';

type State = { error: Error | null };

/**
 * Last line of defence: a screen that says what went wrong instead of a blank window. Stored
 * data is not touched; reloading usually recovers.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
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
    return (
      <main className="home-main" role="alert">
        <h1 className="page-title">{storage ? 'Liftoff could not open its local database' : 'Something went wrong on this screen'}</h1>
        <p>
          {storage
            ? 'Your workshops are stored in this computer’s browser storage, which refused to open. Close other Liftoff windows, make sure the disk is not full, then reload.'
            : 'Nothing you saved has been lost: every change is stored as you make it. Reload to continue.'}
        </p>
        <pre className="error-details">{`${error.name}: ${error.message}`}</pre>
        <div className="dialog-actions dialog-actions-start">
          <button type="button" className="btn btn-primary" onClick={() => window.location.reload()}>
            Reload
          </button>
          <a className="btn" href="#/" onClick={() => this.setState({ error: null })}>
            Back to workshops
          </a>
        </div>
      </main>
    );
  }
}
