// Calendar dates as `YYYY-MM-DD` strings in local time: a workshop date is a day, not an instant.

export function todayIso(now: Date = new Date()): string {
  return toIsoDate(now);
}

export function toIsoDate(d: Date): string {
  const y = d.getFullYear();
  const m = String(d.getMonth() + 1).padStart(2, '0');
  const day = String(d.getDate()).padStart(2, '0');
  return `${y}-${m}-${day}`;
}

export function parseIsoDate(s: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return toIsoDate(d) === s ? d : null;
}

/** The Monday after the workshop: the roadmap's day 1 unless the facilitator says otherwise. */
export function defaultRoadmapStart(workshopDate: string): string {
  const d = parseIsoDate(workshopDate);
  if (!d) return '';
  const daysToMonday = ((8 - d.getDay()) % 7) || 7;
  d.setDate(d.getDate() + daysToMonday);
  return toIsoDate(d);
}
