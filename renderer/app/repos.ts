// The composition root's one database connection and its repositories.
import { createRepos, DB_NAME } from '../db';

/** Tests can point the app at a fresh database with `?db=<name>` (never used by people). */
function dbName(): string | undefined {
  const fromUrl = new URLSearchParams(window.location.search).get('db');
  return fromUrl && /^[\w-]{1,64}$/.test(fromUrl) ? `liftoff-${fromUrl}` : undefined;
}

/** The database this page uses: a worker that writes to it opens the same one. */
export const dbNameInUse = dbName() ?? DB_NAME;

export const repos = createRepos(dbNameInUse);
