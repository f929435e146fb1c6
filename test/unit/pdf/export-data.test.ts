// What the export dialog hands to the PDF worker and the save dialog.
import { describe, expect, it } from 'vitest';
import { calendarFor, chosenIds, exportFileName, packFor } from '../../../renderer/features/export/export-data';
import { insurerWorkshop } from './insurer-fixture';

const { workshop, rows } = insurerWorkshop();

describe('export data', () => {
  it('turns the use-case choice into the ids detailed in the pack', () => {
    expect(chosenIds(workshop, rows, { mode: 'all' })).toBeNull();
    expect(chosenIds(workshop, rows, { mode: 'top', n: 2 })).toEqual(['uc-1', 'uc-4']);
    expect(chosenIds(workshop, rows, { mode: 'custom', ids: ['uc-7'] })).toEqual(['uc-7']);
    const pack = packFor(workshop, rows, { mode: 'top', n: 3 }, ['summary', 'use-cases'], '2026-12-10');
    expect(pack.useCases.length + pack.appendix.length).toBe(3);
    expect(pack.sections).toEqual(['summary', 'use-cases']);
  });

  it('names files after the workshop, without what file systems refuse', () => {
    expect(exportFileName({ name: 'Claims AI day' }, 'sponsor pack', 'pdf')).toBe('Claims AI day – sponsor pack.pdf');
    expect(exportFileName({ name: 'Q1: Łódź/東京 <draft>?' }, 'ranked portfolio', 'csv')).toBe('Q1 Łódź 東京 draft – ranked portfolio.csv');
    expect(exportFileName({ name: '..\\..' }, 'governance calendar', 'ics')).toBe('Workshop – governance calendar.ics');
    expect(exportFileName({ name: 'x'.repeat(300) }, 'sponsor pack', 'pdf').length).toBeLessThan(120);
  });

  it('puts stage-gate sessions on the Thursday after the roadmap gate days in the calendar', () => {
    const ics = calendarFor(workshop, rows, new Date('2026-12-10T09:00:00Z')).replace(/\r\n /g, '');
    // Day 20 of the plan (Saturday 19 Dec 2026): the pilot start checks of the two first use
    // cases, decided at the Thursday session on 24 December.
    expect(ics).not.toContain('DTSTART:20261219T150000');
    expect(ics).toContain('DTSTART:20261224T150000');
    expect(ics).toContain('SUMMARY:Stage-gate session: 2 gates');
    expect(ics).toContain('Claims triage: Pilot start check');
  });
});
