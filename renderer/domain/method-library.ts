// The method's shipped text in every language Liftoff speaks, read from assets/method/<language>/
// and checked by its schema when the app loads (a broken file stops the app at once, before it can
// put half a checklist into a workshop). The rules in agenda.ts, stages.ts, kpi-library.ts,
// controls.ts, governance.ts, readiness.ts and roadmap.ts take their words from here.
import type { Language } from './languages';
import {
  agendaContentSchema,
  controlsContentSchema,
  gateCriteriaContentSchema,
  governanceContentSchema,
  kpiLibraryContentSchema,
  parseMethodFile,
  readinessContentSchema,
  roadmapContentSchema,
  type AgendaContent,
  type ControlsContent,
  type GateCriteriaContent,
  type GovernanceContent,
  type KpiLibraryContent,
  type ReadinessContent,
  type RoadmapContent,
} from './method-content';
import enAgenda from '../../assets/method/en/agenda.json';
import deAgenda from '../../assets/method/de/agenda.json';
import frAgenda from '../../assets/method/fr/agenda.json';
import enGate from '../../assets/method/en/gate-criteria.json';
import deGate from '../../assets/method/de/gate-criteria.json';
import frGate from '../../assets/method/fr/gate-criteria.json';
import enKpis from '../../assets/method/en/kpi-library.json';
import deKpis from '../../assets/method/de/kpi-library.json';
import frKpis from '../../assets/method/fr/kpi-library.json';
import enControls from '../../assets/method/en/controls.json';
import deControls from '../../assets/method/de/controls.json';
import frControls from '../../assets/method/fr/controls.json';
import enGovernance from '../../assets/method/en/governance.json';
import deGovernance from '../../assets/method/de/governance.json';
import frGovernance from '../../assets/method/fr/governance.json';
import enReadiness from '../../assets/method/en/readiness.json';
import deReadiness from '../../assets/method/de/readiness.json';
import frReadiness from '../../assets/method/fr/readiness.json';
import enRoadmap from '../../assets/method/en/roadmap.json';
import deRoadmap from '../../assets/method/de/roadmap.json';
import frRoadmap from '../../assets/method/fr/roadmap.json';

export type MethodContent = {
  agenda: AgendaContent;
  gateCriteria: GateCriteriaContent;
  kpiLibrary: KpiLibraryContent;
  controls: ControlsContent;
  governance: GovernanceContent;
  readiness: ReadinessContent;
  roadmap: RoadmapContent;
};

const RAW: Record<Language, Record<keyof MethodContent, unknown>> = {
  en: { agenda: enAgenda, gateCriteria: enGate, kpiLibrary: enKpis, controls: enControls, governance: enGovernance, readiness: enReadiness, roadmap: enRoadmap },
  de: { agenda: deAgenda, gateCriteria: deGate, kpiLibrary: deKpis, controls: deControls, governance: deGovernance, readiness: deReadiness, roadmap: deRoadmap },
  fr: { agenda: frAgenda, gateCriteria: frGate, kpiLibrary: frKpis, controls: frControls, governance: frGovernance, readiness: frReadiness, roadmap: frRoadmap },
};

function parse(language: Language): MethodContent {
  const raw = RAW[language];
  const at = (file: string) => `assets/method/${language}/${file}`;
  return {
    agenda: parseMethodFile(agendaContentSchema, raw.agenda, at('agenda.json')),
    gateCriteria: parseMethodFile(gateCriteriaContentSchema, raw.gateCriteria, at('gate-criteria.json')),
    kpiLibrary: parseMethodFile(kpiLibraryContentSchema, raw.kpiLibrary, at('kpi-library.json')),
    controls: parseMethodFile(controlsContentSchema, raw.controls, at('controls.json')),
    governance: parseMethodFile(governanceContentSchema, raw.governance, at('governance.json')),
    readiness: parseMethodFile(readinessContentSchema, raw.readiness, at('readiness.json')),
    roadmap: parseMethodFile(roadmapContentSchema, raw.roadmap, at('roadmap.json')),
  };
}

const SHIPPED: Readonly<Record<Language, MethodContent>> = { en: parse('en'), de: parse('de'), fr: parse('fr') };

/** The method's shipped text in one language (read-only: copy before storing). */
export function methodContent(language: Language): MethodContent {
  return SHIPPED[language];
}
