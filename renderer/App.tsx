import { useEffect } from 'react';
import { useRoute } from './app/router';
import { useAppStore } from './app/store';
import { useGlobalShortcuts } from './app/shortcuts';
import { BackupsScreen } from './features/backups/BackupsScreen';
import { HomeScreen } from './features/workshops/HomeScreen';
import { WorkshopShell } from './features/workshops/WorkshopShell';
import { Toasts } from './shared/Toasts';
import { FileErrorDialog } from './shared/FileErrorDialog';

export function App() {
  const route = useRoute();
  const scope = route.name === 'workshop' ? route.workshopId : null;
  useGlobalShortcuts(scope);
  // An "Undo" button belongs to the screen it was offered on.
  useEffect(() => {
    useAppStore.setState((s) => ({ toasts: s.toasts.filter((t) => !t.action) }));
  }, [scope]);
  return (
    <>
      {route.name === 'home' ? (
        <HomeScreen />
      ) : route.name === 'backups' ? (
        <BackupsScreen />
      ) : (
        <WorkshopShell workshopId={route.workshopId} tab={route.tab} useCaseId={route.useCaseId} section={route.section} />
      )}
      <FileErrorDialog />
      <Toasts />
    </>
  );
}
