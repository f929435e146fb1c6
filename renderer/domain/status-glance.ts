// "Status at a glance": one line per use case of the sponsor pack, for a sponsor who reads one
// table: where it stands, how its KPIs read, its worst open risk and when the next gate is decided.
// Pure: the pack model calls it with the workshop's rows; the PDF only draws the result.
import type { CadenceEvent, Kpi, Measurement, Risk, RoadmapItem, Stage } from './model';
import { kpiStatus } from './kpi';
import { isActiveRisk, riskBand, riskScore, sortRisks } from './risks';
import { dayToIso, gateSessionDate } from './roadmap-calendar';
import { englishPack } from '../i18n/pack-catalog';
import type { PackSay } from './recommendations';

export type GlanceRow = {
  useCaseId: string;
  rank: number | null;
  title: string;
  stage: Stage;
  stageLabel: string;
  /** "1 red, 2 green", "2 KPIs, no measurements yet", "No KPIs yet"; "Stopped" when stopped. */
  kpiStatus: string;
  /** The band of the worst measured KPI, for colour ('' when none is measured). */
  worstBand: 'red' | 'amber' | 'green' | '';
  /** "Title (12, high)", "None open"; "Stopped" when stopped. */
  topRisk: string;
  topRiskBand: string;
  /** "Gate decision", "Stopped" or "Not planned". */
  nextGate: string;
  /** `YYYY-MM-DD` of the session that decides it ('' when none). */
  nextGateDate: string;
};

export type GlanceInput = {
  useCases: readonly { useCaseId: string; rank: number | null; title: string; stage: Stage; stageLabel: string }[];
  kpis: readonly Kpi[];
  measurements: readonly Measurement[];
  risks: readonly Risk[];
  roadmapItems: readonly RoadmapItem[];
  cadence: readonly CadenceEvent[];
  startDate: string;
  today: string;
};

const BAND_ORDER = ['red', 'amber', 'green'] as const;

/** The KPIs of one use case in words, worst band first: "1 red, 2 green, 1 not measured". */
export function kpiStatusWords(kpis: readonly Kpi[], measurements: readonly Measurement[], t: PackSay = englishPack.t): { text: string; worst: GlanceRow['worstBand'] } {
  if (kpis.length === 0) return { text: t('pack.glance.noKpis'), worst: '' };
  const counts = { red: 0, amber: 0, green: 0, unrated: 0, 'no-data': 0, breached: 0 };
  for (const k of kpis) {
    const s = kpiStatus(k, measurements);
    if (s.band === 'no-thresholds') counts.unrated += 1;
    else counts[s.band] += 1;
    if (s.guardrailBreached) counts.breached += 1;
  }
  const measured = kpis.length - counts['no-data'];
  if (measured === 0) return { text: t('pack.glance.notMeasured', { count: kpis.length }), worst: '' };
  const parts = BAND_ORDER.filter((b) => counts[b] > 0).map((b) => t(`pack.glance.${b}`, { count: counts[b] }));
  if (counts.unrated) parts.push(t('pack.glance.unrated', { count: counts.unrated }));
  if (counts['no-data']) parts.push(t('pack.glance.noData', { count: counts['no-data'] }));
  if (counts.breached) parts.push(t('pack.glance.breached', { count: counts.breached }));
  return { text: parts.join(', '), worst: BAND_ORDER.find((b) => counts[b] > 0) ?? '' };
}

/**
 * The next gate of a use case on the plan: the first gate whose session (by the cadence rule, when
 * there is a stage-gate cadence) is today or later. Null when none is planned.
 */
export function nextGate(items: readonly RoadmapItem[], cadence: readonly CadenceEvent[], startDate: string, today: string): { label: string; date: string } | null {
  if (!startDate) return null;
  const session = cadence.find((c) => c.frequency === 'at-gates');
  const gates = items
    .filter((i) => i.kind === 'gate')
    .map((i) => {
      const day = dayToIso(startDate, i.startDay);
      return { label: i.label, date: session ? gateSessionDate(day, session.weekday) || day : day };
    })
    .filter((g) => g.date >= today)
    .sort((a, b) => a.date.localeCompare(b.date));
  return gates[0] ?? null;
}

export function statusAtGlance(input: GlanceInput, t: PackSay = englishPack.t): GlanceRow[] {
  return input.useCases.map((u): GlanceRow => {
    if (u.stage === 'stopped') {
      return { ...u, kpiStatus: t('pack.glance.stopped'), worstBand: '', topRisk: t('pack.glance.stopped'), topRiskBand: '', nextGate: t('pack.glance.stopped'), nextGateDate: '' };
    }
    const kpi = kpiStatusWords(
      input.kpis.filter((k) => k.useCaseId === u.useCaseId),
      input.measurements,
      t,
    );
    const open = sortRisks(input.risks.filter((r) => r.useCaseId === u.useCaseId && isActiveRisk(r)));
    const top = open[0];
    const band = top ? riskBand(riskScore(top)) : null;
    const gate = nextGate(
      input.roadmapItems.filter((i) => i.useCaseId === u.useCaseId),
      input.cadence,
      input.startDate,
      input.today,
    );
    return {
      ...u,
      kpiStatus: kpi.text,
      worstBand: kpi.worst,
      topRisk: top && band ? t('pack.glance.topRisk', { title: top.title, score: riskScore(top), band: t(`pack.riskBand.${band}`).toLowerCase() }) : t('pack.glance.noneOpen'),
      topRiskBand: band ?? '',
      nextGate: gate ? gate.label : t('pack.glance.notPlanned'),
      nextGateDate: gate?.date ?? '',
    };
  });
}
