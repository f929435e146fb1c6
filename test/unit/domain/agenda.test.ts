import { describe, expect, it } from 'vitest';
import type { AgendaItem } from '../../../renderer/domain/model';
import {
  DEFAULT_AGENDA,
  budgetSeconds,
  currentSession,
  elapsedSeconds,
  formatCountdown,
  remainingSeconds,
  roundTimerRemaining,
} from '../../../renderer/domain/agenda';
import { agendaItemSchema } from '../../../renderer/domain/model';
import { agendaTotals, clockReading, dayFit, formatMinutes, sessionMinutes, WORKSHOP_DAY_MINUTES } from '../../../renderer/features/agenda/agenda-summary';

const T0 = Date.parse('2026-12-01T09:00:00.000Z');
const at = (seconds: number) => T0 + seconds * 1000;
const iso = (seconds: number) => new Date(at(seconds)).toISOString();

let seq = 0;
function session(over: Partial<AgendaItem> = {}): AgendaItem {
  seq += 1;
  return {
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    workshopId: '00000000-0000-4000-8000-ffffffffffff',
    createdAt: iso(0),
    updatedAt: iso(0),
    order: seq,
    title: `Session ${seq}`,
    plannedMinutes: 10,
    extraMinutes: 0,
    state: 'pending',
    startedAt: null,
    elapsedSeconds: 0,
    ...over,
  };
}

describe('the standard agenda', () => {
  it('is a valid list of sessions that fits in a workshop day', () => {
    for (const s of DEFAULT_AGENDA) expect(agendaItemSchema.safeParse(session({ title: s.title, plannedMinutes: s.minutes })).success).toBe(true);
    expect(DEFAULT_AGENDA.map((s) => s.title)).toContain('Scoring');
    expect(DEFAULT_AGENDA.reduce((sum, s) => sum + s.minutes, 0)).toBeLessThanOrEqual(WORKSHOP_DAY_MINUTES);
  });
});

describe('elapsed time', () => {
  it('is zero for a session that has not started', () => {
    expect(elapsedSeconds(session(), at(500))).toBe(0);
  });

  it('counts the current run of a running session from its stored start', () => {
    const s = session({ state: 'running', startedAt: iso(0) });
    expect(elapsedSeconds(s, at(0))).toBe(0);
    expect(elapsedSeconds(s, at(90))).toBe(90);
  });

  it('adds the current run to the time of earlier runs, so pauses do not count', () => {
    // Ran 5 minutes, was paused for 20, resumed at 25:00.
    const s = session({ state: 'running', startedAt: iso(25 * 60), elapsedSeconds: 5 * 60 });
    expect(elapsedSeconds(s, at(25 * 60))).toBe(300);
    expect(elapsedSeconds(s, at(27 * 60))).toBe(420);
  });

  it('stands still while paused, whatever the clock says', () => {
    const s = session({ state: 'paused', elapsedSeconds: 125 });
    expect(elapsedSeconds(s, at(0))).toBe(125);
    expect(elapsedSeconds(s, at(99_999))).toBe(125);
  });

  it('ignores a start instant if the session is not running', () => {
    expect(elapsedSeconds(session({ state: 'done', startedAt: iso(0), elapsedSeconds: 30 }), at(600))).toBe(30);
  });

  it('never goes below the stored time when the computer clock is behind the start', () => {
    const s = session({ state: 'running', startedAt: iso(100), elapsedSeconds: 40 });
    expect(elapsedSeconds(s, at(50))).toBe(40);
  });

  it('counts whole seconds only', () => {
    const s = session({ state: 'running', startedAt: iso(0) });
    expect(elapsedSeconds(s, at(0) + 999)).toBe(0);
    expect(elapsedSeconds(s, at(1) + 1)).toBe(1);
  });
});

describe('remaining time', () => {
  it('is the planned time for a session not started', () => {
    expect(remainingSeconds(session({ plannedMinutes: 45 }), at(0))).toBe(45 * 60);
  });

  it('counts down while the session runs', () => {
    const s = session({ plannedMinutes: 10, state: 'running', startedAt: iso(0) });
    expect(remainingSeconds(s, at(61))).toBe(539);
  });

  it('includes the minutes added with +5', () => {
    const s = session({ plannedMinutes: 10, extraMinutes: 5, state: 'paused', elapsedSeconds: 600 });
    expect(budgetSeconds(s)).toBe(900);
    expect(remainingSeconds(s, at(0))).toBe(300);
  });

  it('goes negative on an overrun', () => {
    const s = session({ plannedMinutes: 1, state: 'running', startedAt: iso(0) });
    expect(remainingSeconds(s, at(60))).toBe(0);
    expect(remainingSeconds(s, at(260))).toBe(-200);
  });
});

describe('the current session', () => {
  it('is the running one, even when a paused or pending one comes first', () => {
    const items = [session({ state: 'paused' }), session(), session({ state: 'running', title: 'Scoring' })];
    expect(currentSession(items)?.title).toBe('Scoring');
  });

  it('is the paused one when nothing runs', () => {
    const items = [session({ state: 'done' }), session({ state: 'pending' }), session({ state: 'paused', title: 'Capture' })];
    expect(currentSession(items)?.title).toBe('Capture');
  });

  it('is the first pending one in agenda order, not array order, when nothing runs or is paused', () => {
    const first = session({ order: 1, title: 'Intro', state: 'done' });
    const second = session({ order: 2, title: 'Diagnostic' });
    const third = session({ order: 3, title: 'Capture' });
    expect(currentSession([third, second, first])?.title).toBe('Diagnostic');
  });

  it('is none when every session is done or the agenda is empty', () => {
    expect(currentSession([session({ state: 'done' }), session({ state: 'done' })])).toBeNull();
    expect(currentSession([])).toBeNull();
  });
});

describe('formatCountdown', () => {
  it('shows minutes and two-digit seconds', () => {
    expect(formatCountdown(0)).toBe('0:00');
    expect(formatCountdown(5)).toBe('0:05');
    expect(formatCountdown(65)).toBe('1:05');
    expect(formatCountdown(59 * 60 + 59)).toBe('59:59');
  });

  it('adds hours from one hour on', () => {
    expect(formatCountdown(3600)).toBe('1:00:00');
    expect(formatCountdown(3725)).toBe('1:02:05');
  });

  it('marks an overrun with a minus sign', () => {
    expect(formatCountdown(-90)).toBe('-1:30');
    expect(formatCountdown(-3600)).toBe('-1:00:00');
  });

  it('drops fractions of a second', () => {
    expect(formatCountdown(61.9)).toBe('1:01');
  });
});

describe('the scoring round timer', () => {
  it('is off without a timebox or a start', () => {
    expect(roundTimerRemaining(null, iso(0), at(10))).toBeNull();
    expect(roundTimerRemaining(300, null, at(10))).toBeNull();
  });

  it('counts down from the timebox and goes negative after it', () => {
    expect(roundTimerRemaining(300, iso(0), at(10))).toBe(290);
    expect(roundTimerRemaining(300, iso(0), at(330))).toBe(-30);
  });
});

describe('clock readings on screen (features/agenda/agenda-summary)', () => {
  it('reads "left" while time remains and "over" once it is used up', () => {
    const s = session({ plannedMinutes: 10, state: 'running', startedAt: iso(0) });
    expect(clockReading(s, at(5))).toEqual({ digits: '9:55', over: false, text: '9:55 left' });
    expect(clockReading(s, at(600))).toEqual({ digits: '0:00', over: false, text: '0:00 left' });
    expect(clockReading(s, at(800))).toEqual({ digits: '3:20', over: true, text: '3:20 over' });
  });

  it('counts the extra minutes in the session length', () => {
    expect(sessionMinutes(session({ plannedMinutes: 60, extraMinutes: 10 }))).toBe(70);
  });

  it('totals planned, used and still-to-run time, leaving out finished and overrun sessions', () => {
    const items = [
      session({ plannedMinutes: 15, state: 'done', elapsedSeconds: 16 * 60 }),
      session({ plannedMinutes: 10, extraMinutes: 5, state: 'running', startedAt: iso(0), elapsedSeconds: 60 }),
      session({ plannedMinutes: 30 }),
      session({ plannedMinutes: 5, state: 'paused', elapsedSeconds: 10 * 60 }),
    ];
    const totals = agendaTotals(items, at(120));
    expect(totals.plannedMinutes).toBe(15 + 15 + 30 + 5);
    expect(totals.usedSeconds).toBe(16 * 60 + 180 + 600);
    expect(totals.toRunSeconds).toBe(15 * 60 - 180 + 30 * 60);
    expect(totals.doneCount).toBe(1);
  });

  it('writes durations in hours and minutes', () => {
    expect(formatMinutes(45)).toBe('45 min');
    expect(formatMinutes(120)).toBe('2 h');
    expect(formatMinutes(255)).toBe('4 h 15 min');
    expect(formatMinutes(0)).toBe('0 min');
  });

  it('compares the plan with the workshop day', () => {
    expect(dayFit(255)).toEqual({ over: false, text: '3 h 45 min to spare' });
    expect(dayFit(WORKSHOP_DAY_MINUTES)).toEqual({ over: false, text: 'fills the day exactly' });
    expect(dayFit(525)).toEqual({ over: true, text: '45 min longer than the day' });
  });
});
