import { describe, expect, it } from 'vitest';
import { guessMapping, kindFromText, type UseCaseCsvField } from '../../../renderer/domain/csv-import';
import { editDistance, matchHeaders, normalizeHeader, SCORE_SHEET_HEADER_SYNONYMS } from '../../../renderer/domain/header-matching';
import { participantScoresFromTable } from '../../../renderer/domain/participant-csv';

/** The field each header is guessed to hold, header by header. */
function guessed(headers: string[]): Record<string, UseCaseCsvField | null> {
  const mapping = guessMapping(headers);
  return Object.fromEntries(headers.map((h, i) => [h, mapping[i] ?? null]));
}

describe('matching the client’s headers to use-case fields', () => {
  it('maps the German logistics list without a click', () => {
    expect(guessed(['Anwendungsfall', 'Problem', 'Verantwortlich', 'Bereich', 'Art', 'Datenquellen', 'Impact', 'Machbarkeit', 'Reife', 'Notizen'])).toEqual({
      Anwendungsfall: 'title',
      Problem: 'problem',
      Verantwortlich: 'businessOwner',
      Bereich: 'department',
      Art: 'kind',
      Datenquellen: 'dataSources',
      Impact: 'impact',
      Machbarkeit: 'feasibility',
      Reife: 'readiness',
      Notizen: 'notes',
    });
  });

  it('maps the German retailer’s headers: Titel, Beschreibung, Abteilung, Erwarteter Nutzen, Wirkung', () => {
    expect(guessed(['Titel', 'Beschreibung', 'Verantwortlicher', 'Abteilung', 'Erwarteter Nutzen', 'Wirkung', 'Machbarkeit', 'Reifegrad'])).toEqual({
      Titel: 'title',
      Beschreibung: 'problem',
      Verantwortlicher: 'businessOwner',
      Abteilung: 'department',
      'Erwarteter Nutzen': 'expectedValue',
      Wirkung: 'impact',
      Machbarkeit: 'feasibility',
      Reifegrad: 'readiness',
    });
  });

  it('maps French headers whatever their accents and apostrophes', () => {
    expect(guessed(['Cas d’usage', 'Description', 'Responsable', 'Département', 'Type', 'Sources de données', 'Valeur attendue', 'Impact', 'Faisabilité', 'Maturité', 'Remarques'])).toEqual({
      'Cas d’usage': 'title',
      Description: 'problem',
      Responsable: 'businessOwner',
      Département: 'department',
      Type: 'kind',
      'Sources de données': 'dataSources',
      'Valeur attendue': 'expectedValue',
      Impact: 'impact',
      Faisabilité: 'feasibility',
      Maturité: 'readiness',
      Remarques: 'notes',
    });
  });

  it('maps Spanish, Italian and Dutch headers', () => {
    expect(Object.values(guessed(['Caso de uso', 'Descripción', 'Responsable', 'Departamento', 'Impacto', 'Viabilidad', 'Madurez']))).toEqual([
      'title', 'problem', 'businessOwner', 'department', 'impact', 'feasibility', 'readiness',
    ]);
    expect(Object.values(guessed(['Caso di uso', 'Descrizione', 'Responsabile', 'Reparto', 'Impatto', 'Fattibilità', 'Maturità', 'Note']))).toEqual([
      'title', 'problem', 'businessOwner', 'department', 'impact', 'feasibility', 'readiness', 'notes',
    ]);
    expect(Object.values(guessed(['Toepassing', 'Omschrijving', 'Eigenaar', 'Afdeling', 'Impact', 'Haalbaarheid', 'Gereedheid', 'Opmerkingen']))).toEqual([
      'title', 'problem', 'businessOwner', 'department', 'impact', 'feasibility', 'readiness', 'notes',
    ]);
  });

  it('ignores case, accents, spacing and a bracketed scale', () => {
    expect(Object.values(guessed(['  ANWENDUNGSFALL ', 'verantwortlich', 'MACHBARKEIT (1–5)', 'Faisabilite', 'Reife [1-5]']))).toEqual([
      'title', 'businessOwner', 'feasibility', null, 'readiness',
    ]);
  });

  it('takes a typo or a suffix as a close match, but only for a field still free', () => {
    expect(guessed(['Anwendungsfal', 'Machbarkiet', 'Impact 1-5', 'Verantwortlich'])).toEqual({
      Anwendungsfal: 'title',
      Machbarkiet: 'feasibility',
      'Impact 1-5': 'impact',
      Verantwortlich: 'businessOwner',
    });
    // "Feasability" is the common misspelling; an exact "Feasibility" elsewhere wins the field.
    expect(guessed(['Feasability', 'Feasibility'])).toEqual({ Feasability: null, Feasibility: 'feasibility' });
  });

  it('leaves unrelated headers unmapped instead of forcing a guess', () => {
    expect(guessed(['ID', 'Lfd. Nr.', 'Erstellt am', 'Priorität', 'Status'])).toEqual({
      ID: null,
      'Lfd. Nr.': null,
      'Erstellt am': null,
      Priorität: null,
      Status: null,
    });
  });

  it('prefers the telling header for the title: "Use case" over "Name"', () => {
    expect(guessed(['Name', 'Use case'])).toEqual({ Name: null, 'Use case': 'title' });
  });
});

describe('normalizing headers', () => {
  it('folds case, accents, ß, œ, ł and drops punctuation and bracketed notes', () => {
    expect(normalizeHeader('Größe (in €)')).toBe('grosse');
    expect(normalizeHeader('Cas d’usage')).toBe('casdusage');
    expect(normalizeHeader('Œuvre')).toBe('oeuvre');
    expect(normalizeHeader('Właściciel')).toBe('wlasciciel');
  });

  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('machbarkiet', 'machbarkeit')).toBe(1);
    expect(editDistance('reife', 'reife')).toBe(0);
    expect(editDistance('abc', 'xyz')).toBe(3);
  });
});

describe('kinds typed in the client’s language', () => {
  it('recognises German, French, Spanish, Italian and Dutch kinds', () => {
    expect(kindFromText('Prognosemodell').kind).toBe('predictive-model');
    expect(kindFromText('Generativer Assistent').kind).toBe('generative-assistant');
    expect(kindFromText('Automatisierte Entscheidung').kind).toBe('automated-decision');
    expect(kindFromText('Dokumentenverarbeitung').kind).toBe('document-processing');
    expect(kindFromText('Modèle prédictif').kind).toBe('predictive-model');
    expect(kindFromText('Asistente generativo').kind).toBe('generative-assistant');
    expect(kindFromText('Decisione automatizzata').kind).toBe('automated-decision');
    expect(kindFromText('Documentverwerking').kind).toBe('document-processing');
    expect(kindFromText('Sonstiges')).toEqual({ kind: 'other', recognized: true });
    expect(kindFromText('Robotik')).toEqual({ kind: 'other', recognized: false });
  });
});

describe('matching a score sheet’s headers', () => {
  it('reads a German score sheet: Anwendungsfall, Teilnehmer, Rolle, Wirkung, Machbarkeit, Reife', () => {
    const parsed = participantScoresFromTable({
      headers: ['Anwendungsfall', 'Teilnehmer', 'Rolle', 'Wirkung', 'Machbarkeit', 'Reife'],
      rows: [['Frischwarenprognose', 'Jürgen Weiß', 'Product Owner', '5', '4', '3']],
      rowNumbers: [2],
      notice: null,
      noticeText: null,
    });
    expect(parsed).toMatchObject({ ok: true, rows: [{ useCase: 'Frischwarenprognose', participant: 'Jürgen Weiß', role: 'product-owner', scores: { impact: 5, feasibility: 4, readiness: 3 } }] });
  });

  it('takes "Name" as the participant on a score sheet, not as the use case', () => {
    const matches = matchHeaders(['Cas d’usage', 'Nom', 'Impact', 'Faisabilité', 'Maturité'], SCORE_SHEET_HEADER_SYNONYMS);
    expect(matches.map((m) => m?.field ?? null)).toEqual(['useCase', 'participant', 'impact', 'feasibility', 'readiness']);
  });
});
