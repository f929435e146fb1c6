// The browser's backup store: its own small IndexedDB database (not the workshops' one, so one
// damaged database cannot take its backups with it). Used where there is no desktop data folder.
import { Dexie, type Table } from 'dexie';
import type { BackupRecord, BackupStore } from '../domain/backup-policy';

type MetaRow = BackupRecord & { key: string };
type FileRow = { key: string; data: string };
type BackupDb = Dexie & { meta: Table<MetaRow, string>; files: Table<FileRow, string> };

export const BROWSER_BACKUP_DB = 'liftoff-backups';

const keyOf = (workshopId: string, fileName: string) => `${workshopId}/${fileName}`;
export const newestFirst = (a: BackupRecord, b: BackupRecord) => (a.fileName < b.fileName ? 1 : a.fileName > b.fileName ? -1 : a.workshopId < b.workshopId ? -1 : 1);

/** The browser's backup store: its own database, so a damaged main database leaves it alone. */
export function browserBackupStore(name: string = BROWSER_BACKUP_DB): BackupStore & { close: () => void; delete: () => Promise<void> } {
  const db = new Dexie(name, { chromeTransactionDurability: 'strict' }) as BackupDb;
  // Listing reads only the small meta rows; a file's text is read when it is restored or saved.
  db.version(1).stores({ meta: '&key, workshopId', files: '&key' });
  return {
    kind: 'browser',
    async write(record, text) {
      const key = keyOf(record.workshopId, record.fileName);
      await db.transaction('rw', db.meta, db.files, async () => {
        await db.files.put({ key, data: text });
        await db.meta.put({ ...record, key });
      });
    },
    async list() {
      const rows = await db.meta.toArray();
      return rows.map(({ key: _key, ...record }) => record).sort(newestFirst);
    },
    async read(workshopId, fileName) {
      return (await db.files.get(keyOf(workshopId, fileName)))?.data;
    },
    async remove(workshopId, fileNames) {
      const keys = fileNames.map((f) => keyOf(workshopId, f));
      await db.transaction('rw', db.meta, db.files, async () => {
        await db.meta.bulkDelete(keys);
        await db.files.bulkDelete(keys);
      });
    },
    close: () => db.close(),
    delete: () => db.delete(),
  };
}

