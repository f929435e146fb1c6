import { useEffect } from 'react';
import { useRoute } from './app/router';
import { useAppStore } from './app/store';
import { useGlobalShortcuts } from './shortcuts';
import { HomeScreen } from './features/workshops/HomeScreen';
import { lazyScreen, preloadWhenIdle } from './shared/lazy-screen';
import { Toasts } from './shared/Toasts';
import { FileErrorDialog } from './shared/FileErrorDialog';

// The home screen is the first screen: it is in the main bundle. A workshop (its frame and the
// use-case list it opens on) and the backups screen are fetched when opened, and the workshop's
// code ahead of that once home is idle, so opening a workshop does not wait either.
const WorkshopShell = lazyScreen(() => import('./features/workshops/WorkshopShell').then((m) => m.WorkshopShell));
const BackupsScreen = lazyScreen(() => import('./features/backups/BackupsScreen').then((m) => m.BackupsScreen));

export function App() {
  const route = useRoute();
  const scope = route.name === 'workshop' ? route.workshopId : null;
  useGlobalShortcuts(scope);
  // An "Undo" button belongs to the screen it was offered on.
  useEffect(() => {
    useAppStore.setState((s) => ({ toasts: s.toasts.filter((t) => !t.action) }));
  }, [scope]);
  useEffect(() => preloadWhenIdle([WorkshopShell]), []);
  return (
    <>
      {route.name === 'home' ? (
        <HomeScreen />
      ) : route.name === 'backups' ? (
        <BackupsScreen />
      ) : (
        <WorkshopShell workshopId={route.workshopId} tab={route.tab} useCaseId={route.useCaseId} section={route.section} itemId={route.itemId} />
      )}
      <FileErrorDialog />
      <Toasts />
    </>
  );
}
