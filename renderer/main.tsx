import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { requestPersistentStorage, startBackups } from './app/backups';
import { repos } from './app/repos';
import { startOpeningSystemFiles } from './features/files/file-flows';
import { installDropGuard } from './shared/drop-guard';
import { ErrorBoundary } from './shared/ErrorBoundary';
import { interfaceLocale, startInterfaceLanguage, subscribeToInterfaceLanguage } from './i18n/interface-language';
import { followInterfaceLanguageInMenu } from './lib/desktop';
import './shared/styles.css';

// Dropped files must not navigate the window away from the app (shared/drop-guard.ts).
installDropGuard();

const root = document.getElementById('root');
if (!root) throw new Error('Liftoff: #root is missing from index.html');
// The interface language's catalog is here before the first render (English is in the bundle;
// German or French is one chunk, fetched here), so no screen shows English first. A promise, not a
// top-level await: with one, the bundler splits the first screen into many more chunks.
void startInterfaceLanguage().then(() => {
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary>
        <App />
      </ErrorBoundary>
    </StrictMode>,
  );
  // The desktop's native menu speaks the interface language too, and follows its changes.
  followInterfaceLanguageInMenu(interfaceLocale, subscribeToInterfaceLanguage);
});

// Ask the browser not to evict our data under storage pressure (granted silently in Electron and
// for installed apps; a plain browser may decline: the backups screen says which).
void requestPersistentStorage();
// Rotating backups of every workshop after activity (app/backups.ts).
startBackups(repos, __APP_VERSION__);
// Workshop files double-clicked in the system (desktop app only), imported like File → Open.
startOpeningSystemFiles();
