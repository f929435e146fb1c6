// What the export dialog exports: the pack for the chosen use cases and sections, the portfolio
// CSV (and workbook) and the cadence calendar, built from the same rows the screens read; and file names.
import type { Workshop, WorkshopRows } from '../../domain/model';
import { buildSponsorPack, topRankedIds, type PackSection, type SponsorPack } from '../../domain/sponsor-pack';
import type { PackTranslator } from '../../i18n/pack-catalog';
import { portfolioCsv, type CsvStyle } from '../../domain/portfolio-csv';
import { buildCalendar, gateSessions } from '../../domain/ics';
import { currentStages } from '../../domain/stages';

export type UseCaseChoice = { mode: 'all' } | { mode: 'top'; n: number } | { mode: 'custom'; ids: readonly string[] };

export function chosenIds(workshop: Workshop, rows: WorkshopRows, choice: UseCaseChoice): string[] | null {
  switch (choice.mode) {
    case 'all':
      return null;
    case 'top':
      return topRankedIds(workshop, rows, choice.n);
    case 'custom':
      return [...choice.ids];
  }
}

/** The pack; `words` is the pack catalog of the workshop's language (English when absent). */
export function packFor(workshop: Workshop, rows: WorkshopRows, choice: UseCaseChoice, sections: readonly PackSection[], today: string, locale?: string, words?: PackTranslator): SponsorPack {
  return buildSponsorPack(workshop, rows, { today, useCaseIds: chosenIds(workshop, rows, choice), sections, ...(locale ? { locale } : {}), ...(words ? { words } : {}) });
}

export function csvFor(workshop: Workshop, rows: WorkshopRows, style: CsvStyle = 'comma'): string {
  return portfolioCsv(workshop, rows, style);
}

/**
 * The governance calendar: in the workshop's time zone (the facilitator's machine's, where the
 * workshop runs), from `from` on (today by default in the dialog; past meetings are not
 * re-imported), without the gates of stopped use cases.
 */
export function calendarFor(workshop: Workshop, rows: WorkshopRows, now: Date, opts: { timeZone?: string; from?: string } = {}): string {
  const stages = currentStages(rows.useCases, rows.gateDecisions);
  const items = rows.roadmapItems.filter((i) => i.useCaseId === null || stages.get(i.useCaseId) !== 'stopped');
  const lastDay = Math.max(120, ...items.map((i) => i.endDay));
  return buildCalendar({
    workshop,
    cadence: [...rows.cadence].sort((a, b) => a.order - b.order),
    gates: gateSessions(workshop.roadmapStartDate, items, rows.useCases, lastDay),
    lastDay,
    now,
    ...(opts.timeZone ? { timeZone: opts.timeZone } : {}),
    ...(opts.from ? { from: opts.from } : {}),
  });
}

/** "Claims AI day – sponsor pack.pdf": the workshop's name as typed, minus what file systems refuse. */
export function exportFileName(workshop: Pick<Workshop, 'name'>, what: string, extension: string): string {
  const base = workshop.name
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, ' ')
    .replace(/\s+/g, ' ')
    // No leading dots (a hidden file) and no trailing dots or spaces (Windows drops them).
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 80)
    .trim();
  return `${base || 'Workshop'} – ${what}.${extension}`;
}
