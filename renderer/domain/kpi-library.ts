// Common KPIs per layer, added to a use case with one click and edited afterwards, in the
// workshop's language (the words are data: assets/method/<language>/kpi-library.json). Units,
// direction, timing and role are the usual choice; baselines, targets and thresholds are the
// client's numbers and start empty. The response actions are a starting point to discuss.
import type { Kpi, KpiLayer } from './model';
import { DEFAULT_STABILIZATION_COUNT, DEFAULT_TOLERANCE_PCT } from './kpi';
import { LANGUAGES, type Language } from './languages';
import { methodContent } from './method-library';

export type KpiTemplate = Pick<
  Kpi,
  'layer' | 'name' | 'unit' | 'direction' | 'timing' | 'role' | 'definition' | 'greenAction' | 'amberAction' | 'redAction'
> & {
  /** Stable key, so tests and later features can name a template. */
  key: string;
  /** Who usually owns it (a role, not a person): shown as a hint in the owner field. */
  ownerHint: string;
};

const HI = 'higher-is-better';
const LO = 'lower-is-better';

/** The shape of each library KPI (the same in every language); its words are data. */
const SHAPES: readonly [key: string, layer: KpiLayer, direction: Kpi['direction'], timing: Kpi['timing'], role: Kpi['role']][] = [
  ['accuracy', 'model-quality', HI, 'lagging', 'target'],
  ['f1', 'model-quality', HI, 'lagging', 'target'],
  ['precision', 'model-quality', HI, 'lagging', 'target'],
  ['recall', 'model-quality', HI, 'lagging', 'target'],
  ['unsupported-answers', 'model-quality', LO, 'leading', 'guardrail'],
  ['low-confidence', 'model-quality', LO, 'leading', 'target'],
  ['fallback-rate', 'operational-performance', LO, 'leading', 'target'],
  ['human-intervention', 'operational-performance', LO, 'leading', 'target'],
  ['latency-p95', 'operational-performance', LO, 'leading', 'guardrail'],
  ['throughput', 'operational-performance', HI, 'leading', 'target'],
  ['availability', 'operational-performance', HI, 'lagging', 'guardrail'],
  ['cycle-time', 'business-impact', LO, 'lagging', 'target'],
  ['error-rate', 'business-impact', LO, 'lagging', 'guardrail'],
  ['cost-per-transaction', 'business-impact', LO, 'lagging', 'target'],
  ['adoption-rate', 'business-impact', HI, 'leading', 'target'],
  ['satisfaction', 'business-impact', HI, 'lagging', 'guardrail'],
  ['revenue', 'business-impact', HI, 'lagging', 'target'],
  ['audit-findings', 'governance-health', LO, 'lagging', 'guardrail'],
  ['incidents', 'governance-health', LO, 'lagging', 'guardrail'],
  ['review-cadence', 'governance-health', HI, 'leading', 'target'],
  ['evaluated-releases', 'governance-health', HI, 'leading', 'target'],
  ['overdue-mitigations', 'governance-health', LO, 'leading', 'target'],
];

/** The library in `language`: each KPI's shape with its words from assets/method/<language>/kpi-library.json. */
export function kpiLibrary(language: Language): readonly KpiTemplate[] {
  const known = built.get(language);
  if (known) return known;
  const words = new Map(methodContent(language).kpiLibrary.kpis.map((k) => [k.key, k]));
  const library = SHAPES.flatMap(([key, layer, direction, timing, role]) => {
    const w = words.get(key);
    // A file that lacks a KPI leaves it out of that language (the unit test refuses such a file).
    if (!w) return [];
    const { name, unit, ownerHint, definition, greenAction, amberAction, redAction } = w;
    return [{ key, layer, direction, timing, role, name, unit, ownerHint, definition, greenAction, amberAction, redAction }];
  });
  built.set(language, library);
  return library;
}
const built = new Map<Language, readonly KpiTemplate[]>();

/** The library's KPI keys, in order: what every language's file must name. */
export const KPI_LIBRARY_KEYS: readonly string[] = SHAPES.map(([key]) => key);

/** The library in English (what workshops got before they had a language). */
export const KPI_LIBRARY: readonly KpiTemplate[] = kpiLibrary('en');

export function libraryTemplate(key: string, language: Language = 'en'): KpiTemplate | undefined {
  return kpiLibrary(language).find((x) => x.key === key);
}

export function libraryFor(layer: KpiLayer, language: Language = 'en'): KpiTemplate[] {
  return kpiLibrary(language).filter((x) => x.layer === layer);
}

/** Who usually owns a KPI of this name, whichever language the library wrote it in (a hint, never stored). */
export function ownerHintFor(name: string, language: Language): string | undefined {
  const key = LANGUAGES.map((l) => kpiLibrary(l).find((t) => t.name === name)?.key).find(Boolean);
  return key ? libraryTemplate(key, language)?.ownerHint : undefined;
}

/** The fields a new KPI gets from a template (everything but ids, use case and timestamps). */
export function kpiFieldsFromTemplate(tpl: KpiTemplate): Omit<Kpi, 'id' | 'workshopId' | 'useCaseId' | 'createdAt' | 'updatedAt'> {
  return {
    layer: tpl.layer,
    name: tpl.name,
    unit: tpl.unit,
    direction: tpl.direction,
    definition: tpl.definition,
    baseline: null,
    target: null,
    greenAt: null,
    redAt: null,
    greenAction: tpl.greenAction,
    amberAction: tpl.amberAction,
    redAction: tpl.redAction,
    timing: tpl.timing,
    role: tpl.role,
    owner: '',
    forecast: null,
    tolerancePct: DEFAULT_TOLERANCE_PCT,
    stabilizationCount: DEFAULT_STABILIZATION_COUNT,
  };
}

/** A blank KPI of a layer, for one the library does not have. */
export function blankKpiFields(layer: KpiLayer, name: string): Omit<Kpi, 'id' | 'workshopId' | 'useCaseId' | 'createdAt' | 'updatedAt'> {
  return {
    ...kpiFieldsFromTemplate({
      key: '',
      layer,
      name,
      unit: '',
      direction: 'higher-is-better',
      timing: 'lagging',
      role: 'target',
      ownerHint: '',
      definition: '',
      greenAction: '',
      amberAction: '',
      redAction: '',
    }),
  };
}
