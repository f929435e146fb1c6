// Versions and paths for the About box and bug reports. Read-only, nothing the renderer sends.
import { app } from 'electron';
import type { AppInfo } from '../../shared/ipc-contract';

export function appInfo(): AppInfo {
  return {
    name: app.getName(),
    version: app.getVersion(),
    platform: process.platform,
    electron: process.versions.electron,
    chrome: process.versions.chrome,
    node: process.versions.node,
    userDataPath: app.getPath('userData'),
  };
}
