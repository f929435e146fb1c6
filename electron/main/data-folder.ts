// Where this run keeps its data (IndexedDB, backups, window state). Electron derives the
// single-instance lock from the same folder, so the choice also decides which other instance a
// launch hands over to. Pure, so the rule is tested; main.ts applies it before anything else.
import path from 'node:path';

export type DataFolderInput = {
  isPackaged: boolean;
  argv: readonly string[];
  /** app.getPath('appData'): the per-user folder every app's data folder sits in. */
  appData: string;
  /** app.getName(): "Liftoff", the installed app's folder name under appData. */
  appName: string;
};

const USER_DATA_DIR_SWITCH = '--user-data-dir=';

/**
 * The folder to set as userData, or null to keep Electron's default (appData/Liftoff).
 *  - `--user-data-dir=<path>` on the command line wins: the smoke tests and the package check
 *    start with a throwaway profile, and Chromium reads the same switch for its own files.
 *  - A development run (`npm start`, not packaged) gets its own folder next to the installed
 *    app's, so trying a branch never upgrades or fills the workshops of an installed Liftoff,
 *    and the two do not hand over to each other through the single-instance lock.
 */
export function userDataFolderFor(input: DataFolderInput): string | null {
  // The last occurrence wins, as in Chromium's own switch parsing.
  const fromSwitch = [...input.argv].reverse().find((arg) => arg.startsWith(USER_DATA_DIR_SWITCH));
  const switchValue = fromSwitch?.slice(USER_DATA_DIR_SWITCH.length) ?? '';
  if (switchValue !== '') return path.resolve(switchValue);
  if (!input.isPackaged) return path.join(input.appData, `${input.appName} (development)`);
  return null;
}
