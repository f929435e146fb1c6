// Saving a workshop to a `*.liftoff.json` file and opening one. The format and its validation
// are pure (domain/workshop-file.ts); this file moves bytes between them and the repositories.
import { repos } from '../../app/repos';
import { save } from '../../app/persist';
import { DEFAULT_MAX_WORKSHOP_FILE_BYTES, buildWorkshopFile, parseWorkshopFile, serializeWorkshopFile } from '../../domain/workshop-file';
import type { Workshop } from '../../domain/model';
import { interfaceT } from '../../i18n/interface-language';
import { messageText } from '../../shared/message-text';
import { formatBytes } from '../../domain/locale-format';
import { openFile, saveFile, type OpenedFile, type OpenResult } from '../../lib/desktop';

export const WORKSHOP_FILE_MAX_BYTES = DEFAULT_MAX_WORKSHOP_FILE_BYTES;
// The file dialogs' type name, in the interface language.
const filters = () => [{ name: interfaceT().t('files.filter'), extensions: ['json'] }];

export function fileNameFor(ws: Workshop): string {
  const slug = ws.name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\w]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .toLowerCase();
  return `${slug || 'workshop'}.liftoff.json`;
}

export async function exportWorkshop(workshopId: string): Promise<{ ok: true; path: string } | { ok: false; message: string } | null> {
  const ws = await repos.workshops.get(workshopId);
  if (!ws) return { ok: false, message: interfaceT().t('files.workshopGone') };
  const rows = await repos.workshops.readRows(workshopId);
  const text = serializeWorkshopFile(buildWorkshopFile(ws, rows, __APP_VERSION__, new Date().toISOString()));
  try {
    const result = await saveFile(fileNameFor(ws), text, filters());
    return result.status === 'saved' ? { ok: true, path: result.path } : null;
  } catch (err) {
    return { ok: false, message: interfaceT().t('files.writeFailed', { reason: err instanceof Error ? err.message : String(err) }) };
  }
}

export type ImportOutcome =
  | { ok: true; workshop: Workshop; asCopy: boolean }
  | { ok: false; title: string; message: string; details?: string[] }
  | null;

/** Asks for a file, validates it completely, and only then stores it (one transaction). */
export async function importWorkshopFile(): Promise<ImportOutcome> {
  return importOpenedFile(await openFile(filters(), WORKSHOP_FILE_MAX_BYTES));
}

/**
 * The rest of an import once a file has been read: by the Open dialog (File → Open), or by the
 * desktop app because the person double-clicked the file in the system. Both take this one path,
 * so the limits, the checks, the wording of errors and "imported as a copy" are the same.
 */
export async function importOpenedFile(opened: OpenResult | OpenedFile): Promise<ImportOutcome> {
  const { t, lang } = interfaceT();
  switch (opened.status) {
    case 'canceled':
      return null;
    case 'too-large':
      return {
        ok: false,
        title: t('files.tooLargeTitle', { name: opened.name }),
        message: t('files.tooLarge', { size: formatBytes(lang, opened.size), limit: formatBytes(lang, opened.limit) }),
      };
    case 'unreadable':
      return { ok: false, title: t('files.cannotOpenTitle', { name: opened.name }), message: t('files.nothingImported', { problem: opened.reason }) };
    case 'opened':
      return importWorkshopText(opened.name, opened.data);
  }
}

export async function importWorkshopText(name: string, text: string): Promise<ImportOutcome> {
  const parsed = parseWorkshopFile(text, { maxBytes: WORKSHOP_FILE_MAX_BYTES });
  const { t, lang } = interfaceT();
  if (!parsed.ok) {
    return {
      ok: false,
      title: t('files.cannotOpenTitle', { name }),
      message: t('files.nothingImported', { problem: messageText(t, lang, parsed.error.text) }),
      details: parsed.error.detailMessages.map((d) => messageText(t, lang, d)),
    };
  }
  const before = new Set((await repos.workshops.list()).map((w) => w.id));
  const stored = await save(() => repos.workshops.importRows(parsed.file.workshop, parsed.file.tables));
  if (!stored) {
    // The import is one transaction, so a failure stores nothing; but should part of it have been
    // stored regardless (a transaction the browser committed early), the message says so rather
    // than "Nothing was imported" over a workshop that is in the list.
    const appeared = (await repos.workshops.list().catch(() => [])).filter((w) => !before.has(w.id));
    const message = appeared.length > 0 ? t('files.cannotStorePartly', { stored: appeared.map((w) => w.name).join(', ') }) : t('files.cannotStore');
    return { ok: false, title: t('files.cannotStoreTitle', { name }), message };
  }
  return { ok: true, ...stored };
}
