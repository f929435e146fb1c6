// The one main → renderer event of the backups, zod-free so the sandboxed preload can import it.
/** Main sends this before a window closes; the renderer backs up what changed and invokes 'backup:flushed'. */
export const BACKUP_FLUSH_REQUEST_CHANNEL = 'backup:flush-request';

// Ids and file names become path segments in main, so only these shapes are ever accepted. The
// same patterns live in renderer/domain/backup-policy.ts (neither side may import the other); a
// unit test keeps the two equal.
/** A workshop id usable as a folder name: what newId() makes (UUIDs) and nothing that could be a path. */
export const BACKUP_WORKSHOP_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
/** `2026-11-23T21-04-45-123Z.liftoff.json`: an instant in UTC, colons replaced (Windows forbids them). */
export const BACKUP_FILE_NAME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z\.liftoff\.json$/;
