// Participant scores from a spreadsheet: one row per use case and participant, with the three
// scores. Rows are checked one by one; good rows come in, bad rows are listed with the reason.
// Names are matched to the workshop's use cases and participants; unknown names are reported
// so the person can create them or skip them, never dropped silently.
import { parseCsv, type SpreadsheetTable } from './csv-import';
import { matchHeaders, SCORE_SHEET_HEADER_SYNONYMS } from './header-matching';
import { msg, type Message } from './message';

type ScoreSheetField = keyof typeof SCORE_SHEET_HEADER_SYNONYMS;
const SCORE_SHEET_LABELS: Record<ScoreSheetField, string> = {
  useCase: 'Use case',
  participant: 'Participant',
  role: 'Role',
  impact: 'Impact',
  feasibility: 'Feasibility',
  readiness: 'Readiness',
};
import { CRITERIA, PARTICIPANT_ROLES, SHORT_TEXT_MAX, type Criterion } from './model';

export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

export const ROLE_LABELS: Record<ParticipantRole, string> = {
  'product-owner': 'Product owner',
  'ai-technical-lead': 'AI technical lead',
  'operations-lead': 'Operations lead',
  'governance-sponsor': 'Governance sponsor',
  'risk-compliance': 'Risk / compliance',
  'end-user': 'End user',
  other: 'Other',
};

const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** A role from free text ("Product owner", "AI tech lead", "Compliance"…); unknown → other. */
export function roleFromText(text: string): ParticipantRole {
  const t = fold(text);
  if (!t) return 'other';
  for (const r of PARTICIPANT_ROLES) if (t === fold(ROLE_LABELS[r]) || t === fold(r)) return r;
  if (/\bproduct\b/.test(t)) return 'product-owner';
  if (/\b(risk|compliance|legal|audit|privacy)\b/.test(t)) return 'risk-compliance';
  if (/\b(sponsor|governance|executive)\b/.test(t)) return 'governance-sponsor';
  if (/\b(end user|user|agent|handler|clerk)\b/.test(t)) return 'end-user';
  if (/\b(operations|operational|ops)\b/.test(t)) return 'operations-lead';
  if (/\b(ai|ml|tech|technical|data|engineer|engineering)\b/.test(t)) return 'ai-technical-lead';
  return 'other';
}

export type ScoreRow = {
  /** Spreadsheet row number (header = 1). */
  row: number;
  useCase: string;
  participant: string;
  role: ParticipantRole;
  scores: Record<Criterion, number>;
};

/** `text` is `message` as an app-catalog message (import.scores.*), for the reader's language. */
export type ScoreRowProblem = { row: number; message: string; text: Message };

export type ParticipantScoresParse =
  | { ok: true; rows: ScoreRow[]; problems: ScoreRowProblem[]; totalRows: number }
  | { ok: false; message: string; text?: Message };

function scoreOf(raw: string): number | string {
  const t = raw.trim();
  if (!t) return 'is blank';
  const n = Number(t.replace(',', '.'));
  if (!Number.isFinite(n)) return `“${t.slice(0, 20)}” is not a number`;
  if (!Number.isInteger(n)) return `${t} is not a whole number`;
  if (n < 1 || n > 5) return `${t} is outside 1–5`;
  return n;
}

/** Why a score cell is refused, as a catalog message (scoreOf's English beside it). */
function scoreProblem(criterion: Criterion, raw: string): Message {
  const t = raw.trim();
  const field = msg(`import.scores.${criterion}`);
  if (!t) return msg('import.scores.blank', { field });
  const n = Number(t.replace(',', '.'));
  if (!Number.isFinite(n)) return msg('import.scores.notNumber', { field, value: t.slice(0, 20) });
  if (!Number.isInteger(n)) return msg('import.scores.notWhole', { field, value: t });
  return msg('import.scores.outside', { field, value: t });
}

/** Parses and checks the file. Returns the good rows and one problem per bad row. */
export function parseParticipantScores(text: string): ParticipantScoresParse {
  const parsed = parseCsv(text);
  if (!parsed.ok) return { ok: false, message: parsed.message, text: parsed.text };
  return participantScoresFromTable(parsed);
}

/** Checks a sheet already read (from a CSV or a workbook): the good rows and one problem per bad row. */
export function participantScoresFromTable(parsed: SpreadsheetTable): ParticipantScoresParse {
  const matches = matchHeaders(parsed.headers, SCORE_SHEET_HEADER_SYNONYMS);
  const columnOf = (field: ScoreSheetField) => matches.findIndex((m) => m?.field === field);
  const col = {
    useCase: columnOf('useCase'),
    participant: columnOf('participant'),
    role: columnOf('role'),
    impact: columnOf('impact'),
    feasibility: columnOf('feasibility'),
    readiness: columnOf('readiness'),
  };
  const missing = (['useCase', 'participant', 'impact', 'feasibility', 'readiness'] as const)
    .filter((field) => col[field] === -1)
    .map((field) => SCORE_SHEET_LABELS[field]);
  if (missing.length) {
    return {
      ok: false,
      message: `The file needs the columns Use case, Participant, Impact, Feasibility and Readiness (Role is optional). Missing: ${missing.join(', ')}. Found: ${parsed.headers.join(', ')}.`,
      text: msg('import.scores.missingColumns', {
        missing: { list: (['useCase', 'participant', 'impact', 'feasibility', 'readiness'] as const).filter((field) => col[field] === -1).map((field) => msg(`import.scores.${field}`)), separator: ', ' },
        found: parsed.headers.join(', '),
      }),
    };
  }
  const rows: ScoreRow[] = [];
  const problems: ScoreRowProblem[] = [];
  const seen = new Map<string, number>();
  parsed.rows.forEach((cells, i) => {
    const row = parsed.rowNumbers[i] ?? i + 2;
    const useCase = (cells[col.useCase] ?? '').trim();
    const participant = (cells[col.participant] ?? '').trim();
    const why: string[] = [];
    const whyText: Message[] = [];
    if (!useCase) {
      why.push('the use case is blank');
      whyText.push(msg('import.scores.useCaseBlank'));
    }
    if (!participant) {
      why.push('the participant is blank');
      whyText.push(msg('import.scores.participantBlank'));
    }
    if (useCase.length > SHORT_TEXT_MAX || participant.length > SHORT_TEXT_MAX) {
      why.push(`a name is longer than ${SHORT_TEXT_MAX} characters`);
      whyText.push(msg('import.scores.nameTooLong', { max: SHORT_TEXT_MAX }));
    }
    const scores = {} as Record<Criterion, number>;
    for (const c of CRITERIA) {
      const v = scoreOf(cells[col[c]] ?? '');
      if (typeof v === 'number') scores[c] = v;
      else {
        why.push(`${c} ${v}`);
        whyText.push(scoreProblem(c, cells[col[c]] ?? ''));
      }
    }
    const key = `${fold(useCase)}\u0000${fold(participant)}`;
    if (why.length === 0 && seen.has(key)) {
      why.push(`${participant} already scored ${useCase} on row ${seen.get(key)}`);
      whyText.push(msg('import.scores.twice', { participant, useCase, row: seen.get(key) ?? 0 }));
    }
    if (why.length) {
      problems.push({ row, message: `${why.join('; ')}. Not imported.`, text: msg('import.scores.notImported', { reasons: { list: whyText, separator: '; ' } }) });
      return;
    }
    seen.set(key, row);
    rows.push({ row, useCase, participant, role: col.role >= 0 ? roleFromText(cells[col.role] ?? '') : 'other', scores });
  });
  return { ok: true, rows, problems, totalRows: parsed.rows.length };
}

export type NameMatch = { known: Map<string, string>; unknown: string[] };

/** Matches names to ids, ignoring case, accents and extra spaces. Unknown names keep their first spelling. */
export function matchNames(names: readonly string[], existing: readonly { id: string; name: string }[]): NameMatch {
  const byFold = new Map(existing.map((e) => [fold(e.name), e.id]));
  const known = new Map<string, string>();
  const unknown: string[] = [];
  const seenUnknown = new Set<string>();
  for (const n of names) {
    const id = byFold.get(fold(n));
    if (id) known.set(n, id);
    else if (!seenUnknown.has(fold(n))) {
      seenUnknown.add(fold(n));
      unknown.push(n);
    }
  }
  return { known, unknown };
}

export function sameName(a: string, b: string): boolean {
  return fold(a) === fold(b);
}
