// Which column of the client's spreadsheet holds which field, from the headers they typed, in
// English, German, French, Spanish, Italian or Dutch. Case, accents, punctuation, spacing and
// a bracketed note ("Impact (1–5)") do not matter; a typo ("Machbarkiet") or a suffix
// ("Impact 1-5") still matches through a close-match fallback. The person confirms or changes
// every guess in the mapping step; nothing here is final.

/** "Cas d’usage" → "casdusage", "Verantwortlich (Fachbereich)" → "verantwortlich", "Straße" → "strasse". */
export function normalizeHeader(text: string): string {
  return text
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .toLowerCase()
    // Letters that Unicode does not decompose into a base letter and a mark.
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/œ/g, 'oe')
    .replace(/ø/g, 'o')
    .replace(/ł/g, 'l')
    .replace(/đ/g, 'd')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * Spellings per field, already normalized, the most telling first: the rank decides when two
 * columns could fill one field ("Use case" beats "Name" for the title).
 */
export type SynonymTable<F extends string> = Record<F, readonly string[]>;

export type HeaderMatch<F extends string> = {
  field: F;
  /** 'exact': a known spelling; 'close': a typo or a suffix away from one. */
  how: 'exact' | 'close';
};

/**
 * Column index → field (or null), each field used once. Known spellings first (best rank, then
 * leftmost column); the columns left over then get a close match to a field still free.
 */
export function matchHeaders<F extends string>(headers: readonly string[], synonyms: SynonymTable<F>): (HeaderMatch<F> | null)[] {
  const fields = Object.keys(synonyms) as F[];
  const labels = headers.map(normalizeHeader);
  const result: (HeaderMatch<F> | null)[] = headers.map(() => null);
  const used = new Set<F>();

  const exact: { column: number; field: F; rank: number }[] = [];
  labels.forEach((label, column) => {
    if (!label) return;
    for (const field of fields) {
      const rank = synonyms[field].indexOf(label);
      if (rank >= 0) exact.push({ column, field, rank });
    }
  });
  exact.sort((a, b) => a.rank - b.rank || a.column - b.column);
  for (const candidate of exact) {
    if (used.has(candidate.field) || result[candidate.column]) continue;
    result[candidate.column] = { field: candidate.field, how: 'exact' };
    used.add(candidate.field);
  }

  const close: { column: number; field: F; cost: number }[] = [];
  labels.forEach((label, column) => {
    if (result[column] || label.length < 4) return;
    for (const field of fields) {
      if (used.has(field)) continue;
      const cost = closeness(label, synonyms[field]);
      if (cost !== null) close.push({ column, field, cost });
    }
  });
  close.sort((a, b) => a.cost - b.cost || a.column - b.column);
  for (const candidate of close) {
    if (used.has(candidate.field) || result[candidate.column]) continue;
    result[candidate.column] = { field: candidate.field, how: 'close' };
    used.add(candidate.field);
  }
  return result;
}

/**
 * How close a header is to a field's spellings, lower is closer, or null when not close: a typo
 * (one edit for words of 5–8 letters, two from 9) or a known spelling of 5+ letters followed by
 * a suffix ("impact15", "machbarkeitskala"). A prefix match costs more than any typo.
 */
function closeness(label: string, spellings: readonly string[]): number | null {
  let best: number | null = null;
  for (const spelling of spellings) {
    const allowed = spelling.length >= 9 ? 2 : spelling.length >= 5 ? 1 : 0;
    if (allowed > 0 && Math.abs(spelling.length - label.length) <= allowed) {
      const distance = editDistance(label, spelling, allowed);
      if (distance <= allowed && (best === null || distance < best)) best = distance;
    }
    if (spelling.length >= 5 && label.startsWith(spelling) && label.length > spelling.length) {
      const cost = 3 + (label.length - spelling.length) / 100;
      if (best === null || cost < best) best = cost;
    }
  }
  return best;
}

/** Optimal string alignment distance (edits, with swaps of neighbours), cut off above `max`. */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    let rowMin = Number.POSITIVE_INFINITY;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((d[i - 1]?.[j] ?? 0) + 1, (d[i]?.[j - 1] ?? 0) + 1, (d[i - 1]?.[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (d[i - 2]?.[j - 2] ?? 0) + 1);
      (d[i] as number[])[j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return rowMin;
  }
  return d[rows - 1]?.[cols - 1] ?? 0;
}

// ---------------------------------------------------------------------------------------------
// The spellings, per language: EN, DE, FR, ES, IT, NL (normalized: lower case, no accents,
// no spaces; "ä" is "a", "ß" is "ss").

const TITLE_WORDS = [
  // The most telling first: a column called "Use case" is the title even next to one called "Name".
  'usecase', 'usecasename', 'usecasetitle', 'anwendungsfall', 'anwendungsfalle', 'anwendungsfallname', 'casdusage', 'casdutilisation',
  'casodeuso', 'casodiuso', 'toepassing', 'toepassingsgeval', 'usecases', 'title', 'titel', 'titre', 'titulo', 'titolo',
  'bezeichnung', 'intitule', 'vorhaben', 'initiative', 'idee', 'idea',
];
const GENERIC_NAME_WORDS = ['name', 'nom', 'nombre', 'nome', 'naam'];

const IMPACT_WORDS = [
  'impact', 'businessimpact', 'impactscore', 'businessimpactscore', 'wirkung', 'auswirkung', 'geschaftsauswirkung', 'geschaftlicheauswirkung',
  'impactmetier', 'impactbusiness', 'impacto', 'impactodenegocio', 'impatto', 'impattodibusiness', 'bedrijfsimpact',
];
const FEASIBILITY_WORDS = [
  'feasibility', 'feasibilityscore', 'technicalfeasibility', 'machbarkeit', 'technischemachbarkeit', 'umsetzbarkeit', 'realisierbarkeit',
  'faisabilite', 'faisabilitetechnique', 'viabilidad', 'factibilidad', 'viabilidadtecnica', 'fattibilita', 'fattibilitatecnica',
  'haalbaarheid', 'technischehaalbaarheid',
];
const READINESS_WORDS = [
  'readiness', 'organizationalreadiness', 'organisationalreadiness', 'orgreadiness', 'readinessscore', 'organizationalreadinessscore',
  'reife', 'reifegrad', 'organisatorischereife', 'bereitschaft', 'organisatorischebereitschaft', 'maturite', 'maturiteorganisationnelle',
  'preparation', 'preparationorganisationnelle', 'madurez', 'preparacion', 'preparacionorganizativa', 'maturita', 'prontezza',
  'prontezzaorganizzativa', 'preparazione', 'gereedheid', 'organisatorischegereedheid', 'volwassenheid', 'paraatheid', 'maturity',
];

export const USE_CASE_HEADER_SYNONYMS = {
  title: [...TITLE_WORDS, ...GENERIC_NAME_WORDS],
  problem: [
    'problem', 'decisionpoint', 'problemdecisionpoint', 'problemstatement', 'description', 'challenge', 'painpoint',
    'problembeschreibung', 'beschreibung', 'entscheidungspunkt', 'herausforderung', 'ausgangslage', 'probleme', 'problematique',
    'pointdedecision', 'problema', 'descripcion', 'puntodedecision', 'descrizione', 'puntodidecisione', 'probleem', 'beschrijving',
    'omschrijving', 'beslispunt',
  ],
  businessOwner: [
    'businessowner', 'owner', 'processowner', 'bizowner', 'responsible', 'accountable', 'verantwortlich', 'verantwortlicher',
    'verantwortliche', 'fachverantwortlich', 'fachverantwortlicher', 'prozessverantwortlicher', 'verantwortung', 'ansprechpartner',
    'ansprechperson', 'responsable', 'responsablemetier', 'proprietaire', 'porteur', 'pilote', 'propietario', 'dueno', 'responsabile',
    'referente', 'proprietario', 'eigenaar', 'verantwoordelijke', 'proceseigenaar',
  ],
  department: [
    'department', 'departmentprocess', 'process', 'team', 'dept', 'businessunit', 'division', 'unit', 'area', 'function', 'bereich',
    'abteilung', 'fachbereich', 'prozess', 'geschaftsbereich', 'organisationseinheit', 'ressort', 'departement', 'service', 'direction',
    'processus', 'equipe', 'entite', 'departamento', 'proceso', 'equipo', 'unidad', 'dipartimento', 'reparto', 'processo', 'funzione',
    'ufficio', 'afdeling', 'proces', 'bedrijfsonderdeel',
  ],
  dataSources: [
    'datasources', 'datasource', 'datenquellen', 'datenquelle', 'sourcesdedonnees', 'sourcededonnees', 'fuentesdedatos', 'fuentededatos',
    'fontidati', 'fontideidati', 'fontedati', 'databronnen', 'gegevensbronnen', 'databron', 'data', 'daten', 'datenbasis', 'donnees',
    'datos', 'dati', 'gegevens', 'systems', 'systeme',
  ],
  expectedValue: [
    'expectedvalue', 'expectedbenefit', 'expectedbenefits', 'businessvalue', 'value', 'benefit', 'benefits', 'savings', 'erwarteternutzen',
    'nutzen', 'mehrwert', 'erwartetermehrwert', 'wert', 'einsparung', 'einsparungen', 'potenzial', 'potential', 'valeurattendue',
    'valeur', 'benefice', 'benefices', 'gain', 'gains', 'gainsattendus', 'valoresperado', 'valor', 'beneficio', 'beneficios',
    'valoreatteso', 'valore', 'benefici', 'verwachtewaarde', 'waarde', 'baten', 'opbrengst', 'voordeel',
  ],
  kind: [
    'kind', 'usecasekind', 'usecasetype', 'type', 'category', 'aitype', 'art', 'typ', 'kategorie', 'anwendungsart', 'kiart', 'categorie',
    'nature', 'tipo', 'categoria', 'tipologia', 'soort',
  ],
  notes: [
    'notes', 'note', 'comments', 'comment', 'remarks', 'notizen', 'notiz', 'bemerkungen', 'bemerkung', 'kommentar', 'kommentare',
    'anmerkungen', 'anmerkung', 'hinweise', 'remarques', 'remarque', 'commentaires', 'commentaire', 'notas', 'nota', 'comentarios',
    'observaciones', 'commenti', 'osservazioni', 'opmerkingen', 'opmerking', 'notities', 'notitie', 'toelichting',
  ],
  impact: IMPACT_WORDS,
  feasibility: FEASIBILITY_WORDS,
  readiness: READINESS_WORDS,
} as const satisfies SynonymTable<string>;

export const SCORE_SHEET_HEADER_SYNONYMS = {
  useCase: TITLE_WORDS,
  participant: [
    'participant', 'person', 'scorer', 'who', 'teilnehmer', 'teilnehmerin', 'teilnehmende', 'bewerter', 'bewerterin', 'participante',
    'partecipante', 'deelnemer', ...GENERIC_NAME_WORDS,
  ],
  role: ['role', 'function', 'job', 'rolle', 'funktion', 'fonction', 'rol', 'funcion', 'ruolo', 'funzione', 'functie'],
  impact: IMPACT_WORDS,
  feasibility: FEASIBILITY_WORDS,
  readiness: READINESS_WORDS,
} as const satisfies SynonymTable<string>;
