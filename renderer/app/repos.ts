// The composition root's one database connection and its repositories.
import { createRepos } from '../db';

/** Tests can point the app at a fresh database with `?db=<name>` (never used by people). */
function dbName(): string | undefined {
  const fromUrl = new URLSearchParams(window.location.search).get('db');
  return fromUrl && /^[\w-]{1,64}$/.test(fromUrl) ? `liftoff-${fromUrl}` : undefined;
}

export const repos = createRepos(dbName());
