// A workshop for the room and the projector: 12 participants named in many scripts and five use
// cases with long German compound titles, built from the version-2 sample file.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const NAMES = readFileSync(fileURLToPath(new URL('../../fixtures/csv/names-many-scripts.txt', import.meta.url)), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'))
  .slice(0, 12);

export const TITLES = [
  'Retourenbegründung klassifizieren',
  'Sendungsverfolgungsbenachrichtigungsassistent',
  'Zollanmeldungsplausibilitätsprüfung',
  'Frachtbriefdatenextraktion',
  'Lagerplatzoptimierungsvorhersage',
];

/** The sample workshop with 12 participants in many scripts and five long German use cases. */
export function roomWorkshopFile(): string {
  const sample = JSON.parse(readFileSync(fileURLToPath(new URL('../../fixtures/workshop-files/v2-sample.liftoff.json', import.meta.url)), 'utf8'));
  const T = '2026-11-30T09:00:00.000Z';
  const wsId: string = sample.workshop.id;
  const tables = sample.tables;
  tables.participants = NAMES.map((name, i) => ({ id: `p-${i + 1}`, workshopId: wsId, createdAt: `2026-11-30T09:00:${String(i).padStart(2, '0')}.000Z`, updatedAt: T, name, role: 'other' }));
  const [first, second] = tables.useCases;
  first.title = TITLES[0];
  first.problem = 'Jede dritte Retoure hat keinen verwertbaren Grund; die Qualitätssicherung sortiert von Hand.';
  second.title = TITLES[1];
  for (let i = 2; i < TITLES.length; i += 1) {
    tables.useCases.push({ ...first, id: `uc-${i}`, order: 10 + i, title: TITLES[i], problem: '', stage: 'readiness' });
  }
  tables.scoringRounds = [];
  tables.scores = [];
  const dir = mkdtempSync(join(tmpdir(), 'liftoff-room-'));
  const path = join(dir, 'room.liftoff.json');
  writeFileSync(path, JSON.stringify(sample));
  return path;
}

