// Writes that never leave a half-written file behind: write a temporary sibling, then rename it
// over the target. rename() within one folder is atomic, so a crash or a full disk leaves either
// the old file or the new one, never a truncated workshop.
import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

function temporarySibling(filePath: string): string {
  // Same folder (rename across volumes is not atomic), hidden, and unique per write so two
  // concurrent saves cannot interleave their bytes.
  const suffix = `${process.pid}-${randomBytes(6).toString('hex')}.tmp`;
  return path.join(path.dirname(filePath), `.${path.basename(filePath)}.${suffix}`);
}

export async function writeFileAtomic(filePath: string, data: string | Uint8Array): Promise<void> {
  const temporary = temporarySibling(filePath);
  try {
    await writeFile(temporary, data, { flush: true });
    await renameWithRetry(temporary, filePath);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** For the few places that run while the app is closing and cannot wait for a promise. */
export function writeFileAtomicSync(filePath: string, data: string | Uint8Array): void {
  const temporary = temporarySibling(filePath);
  try {
    writeFileSync(temporary, data, { flush: true });
    renameSync(temporary, filePath);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

async function renameWithRetry(from: string, to: string): Promise<void> {
  // On Windows an antivirus or indexer briefly holding the target makes rename fail with
  // EPERM/EBUSY; a few short retries are what the usual atomic-write libraries do too.
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (attempt >= 4 || (code !== 'EPERM' && code !== 'EBUSY' && code !== 'EACCES')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * (attempt + 1)));
    }
  }
}
