import { useRoute } from './app/router';
import { useGlobalShortcuts } from './app/shortcuts';
import { HomeScreen } from './features/workshops/HomeScreen';
import { WorkshopShell } from './features/workshops/WorkshopShell';
import { Toasts } from './shared/Toasts';
import { FileErrorDialog } from './shared/FileErrorDialog';

export function App() {
  const route = useRoute();
  useGlobalShortcuts(route.name === 'workshop' ? route.workshopId : null);
  return (
    <>
      {route.name === 'home' ? <HomeScreen /> : <WorkshopShell workshopId={route.workshopId} tab={route.tab} />}
      <FileErrorDialog />
      <Toasts />
    </>
  );
}
