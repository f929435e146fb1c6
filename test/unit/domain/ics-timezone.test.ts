// The calendar read by a real iCalendar parser (ical.js): meetings carry the workshop's time zone
// (TZID and a VTIMEZONE whose offset changes match the zone's), only future events are written by
// default, and every meeting and gate keeps its UID when the plan is re-planned, so a re-import
// replaces events instead of duplicating them.
import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { calendarFor } from '../../../renderer/features/export/export-data';
import { insurerWorkshop } from '../pdf/insurer-fixture';

const NOW = new Date('2026-12-10T09:00:00Z');

function parse(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return cal;
}

describe('the governance calendar in a real parser', () => {
  const { workshop, rows } = insurerWorkshop();

  it('gives every timed event the workshop’s time zone, with the zone’s summer time', () => {
    const cal = parse(calendarFor(workshop, rows, NOW, { timeZone: 'Europe/Berlin' }));
    const tz = cal.getFirstSubcomponent('vtimezone');
    expect(tz?.getFirstPropertyValue('tzid')).toBe('Europe/Berlin');
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.length).toBeGreaterThan(3);
    for (const e of events.filter((x) => !x.startDate.isDate)) {
      expect(e.component.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/Berlin');
      expect(e.startDate.zone?.tzid).toBe('Europe/Berlin');
    }
    // The weekly review at 09:30 Berlin time is 08:30 UTC in winter and 07:30 UTC in summer (after 28 March 2027).
    const weekly = events.find((e) => e.summary === 'Weekly execution review');
    expect(weekly?.startDate.toJSDate().toISOString()).toBe('2026-11-30T08:30:00.000Z');
    const it = weekly?.iterator();
    let summer: Date | null = null;
    for (let next = it?.next(); next; next = it?.next()) {
      if (next.toString() >= '2027-04-01') {
        summer = next.toJSDate();
        break;
      }
    }
    expect(summer?.toISOString()).toMatch(/T07:30:00\.000Z$/);
  });

  it('holds only future events when asked from today', () => {
    const cal = parse(calendarFor(workshop, rows, NOW, { timeZone: 'Europe/Berlin', from: '2026-12-10' }));
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    for (const e of events) expect(e.startDate.toString() >= '2026-12-10').toBe(true);
  });

  it('keeps each meeting’s and each gate session’s UID when the plan is re-planned', () => {
    const before = parse(calendarFor(workshop, rows, NOW, { timeZone: 'Europe/Berlin' }));
    const moved = structuredClone(rows);
    for (const i of moved.roadmapItems) {
      i.startDay += 7;
      i.endDay += 7;
    }
    const after = parse(calendarFor(workshop, moved, NOW, { timeZone: 'Europe/Berlin' }));
    const uids = (c: ICAL.Component) => c.getAllSubcomponents('vevent').map((v) => String(v.getFirstPropertyValue('uid'))).sort();
    expect(uids(after)).toEqual(uids(before));
    const starts = (c: ICAL.Component) => c.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)).filter((e) => e.summary.startsWith('Stage-gate')).map((e) => e.startDate.toString());
    expect(starts(after)).not.toEqual(starts(before));
  });
});
