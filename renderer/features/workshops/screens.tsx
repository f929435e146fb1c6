// The one list of a workshop's screens: where each tab sits in the navigation, its label, and the
// code that draws it (fetched when first opened, and ahead of that when the window is idle, in
// this order). A new tab is its id in app/router.ts's WORKSHOP_TABS and one entry here; the
// `satisfies` below makes TypeScript refuse a tab without an entry.
import type { ReactNode } from 'react';
import type { UseCaseSection, WorkshopTab } from '../../app/router';
import type { Workshop } from '../../domain/model';
import { lazyScreen } from '../../shared/lazy-screen';
import type { AppMessageId } from '../../i18n/app-catalog';
import { UseCasesView } from '../use-cases/UseCasesView';
import { DetailsView } from './DetailsView';

export type ScreenContext = { workshop: Workshop; useCaseId?: string | undefined; section?: UseCaseSection | undefined; itemId?: string | undefined };

/** 'room' and 'plan' are the two groups of the tab bar; 'record' sits by the workshop's name. */
export type ScreenGroup = 'room' | 'plan' | 'record';

type Screen = {
  /** The tab's name, as a message id (translated where it is drawn). */
  label: AppMessageId;
  group: ScreenGroup;
  render: (ctx: ScreenContext) => ReactNode;
  /** Fetches the screen's code ahead of time; absent for screens in the first chunk. */
  preload?: () => Promise<void>;
};

const ParticipantsView = lazyScreen(() => import('../participants/ParticipantsView').then((m) => m.ParticipantsView));
const ScoringView = lazyScreen(() => import('../scoring/ScoringView').then((m) => m.ScoringView));
const PortfolioView = lazyScreen(() => import('../portfolio/PortfolioView').then((m) => m.PortfolioView));
const MatrixView = lazyScreen(() => import('../matrix/MatrixView').then((m) => m.MatrixView));
const AgendaView = lazyScreen(() => import('../agenda/AgendaView').then((m) => m.AgendaView));
const PipelineView = lazyScreen(() => import('../pipeline/PipelineView').then((m) => m.PipelineView));
const UseCaseStageView = lazyScreen(() => import('../stage-record/UseCaseStageView').then((m) => m.UseCaseStageView));
const KpisView = lazyScreen(() => import('../kpis/KpisView').then((m) => m.KpisView));
const RisksView = lazyScreen(() => import('../risks/RisksView').then((m) => m.RisksView));
const RoadmapView = lazyScreen(() => import('../roadmap/RoadmapView').then((m) => m.RoadmapView));
const OwnershipView = lazyScreen(() => import('../governance/OwnershipView').then((m) => m.OwnershipView));
const DecisionLogView = lazyScreen(() => import('../pipeline/DecisionLogView').then((m) => m.DecisionLogView));
const HealthView = lazyScreen(() => import('../health/HealthView').then((m) => m.HealthView));
const ActivityView = lazyScreen(() => import('../activity/ActivityView').then((m) => m.ActivityView));
/** Presenter mode's layout: not a tab, but fetched with them. */
export const PresenterLayout = lazyScreen(() => import('../presenter/PresenterLayout').then((m) => m.PresenterLayout));
/** The roadmap loads its timeline (vis-timeline, the largest chunk) on its own; fetched last. */
const roadmapTimeline = () => import('../roadmap/TimelineView').then(() => undefined, () => undefined);

/** In the order the day runs, so the next tab someone opens is likely fetched already. */
export const SCREENS = {
  'use-cases': { label: 'tab.useCases', group: 'room', render: ({ workshop, useCaseId }) => <UseCasesView workshopId={workshop.id} focusId={useCaseId} /> },
  participants: { label: 'tab.participants', group: 'room', render: ({ workshop }) => <ParticipantsView workshopId={workshop.id} />, preload: ParticipantsView.preload },
  scoring: { label: 'tab.scoring', group: 'room', render: ({ workshop }) => <ScoringView workshop={workshop} />, preload: ScoringView.preload },
  portfolio: { label: 'tab.ranking', group: 'room', render: ({ workshop }) => <PortfolioView workshop={workshop} />, preload: PortfolioView.preload },
  matrix: { label: 'tab.matrix', group: 'room', render: ({ workshop }) => <MatrixView workshop={workshop} />, preload: MatrixView.preload },
  agenda: { label: 'tab.agenda', group: 'room', render: ({ workshop }) => <AgendaView workshopId={workshop.id} language={workshop.language} />, preload: AgendaView.preload },
  pipeline: {
    label: 'tab.pipeline',
    group: 'plan',
    render: ({ workshop, useCaseId, section }) =>
      useCaseId ? <UseCaseStageView workshop={workshop} useCaseId={useCaseId} section={section ?? 'readiness'} /> : <PipelineView workshop={workshop} />,
    preload: () => PipelineView.preload().then(UseCaseStageView.preload),
  },
  kpis: {
    label: 'tab.kpis',
    group: 'plan',
    render: ({ workshop, useCaseId, itemId }) => <KpisView workshop={workshop} useCaseId={useCaseId} focusKpiId={itemId} />,
    preload: KpisView.preload,
  },
  risks: { label: 'tab.risks', group: 'plan', render: ({ workshop, useCaseId }) => <RisksView workshop={workshop} useCaseId={useCaseId} />, preload: RisksView.preload },
  roadmap: { label: 'tab.roadmap', group: 'plan', render: ({ workshop }) => <RoadmapView workshop={workshop} />, preload: RoadmapView.preload },
  governance: { label: 'tab.ownership', group: 'plan', render: ({ workshop }) => <OwnershipView workshop={workshop} />, preload: OwnershipView.preload },
  decisions: { label: 'tab.decisions', group: 'plan', render: ({ workshop }) => <DecisionLogView workshop={workshop} />, preload: DecisionLogView.preload },
  health: { label: 'tab.health', group: 'plan', render: ({ workshop }) => <HealthView workshop={workshop} />, preload: HealthView.preload },
  details: { label: 'tab.details', group: 'record', render: ({ workshop }) => <DetailsView workshop={workshop} /> },
  activity: { label: 'tab.activity', group: 'record', render: ({ workshop }) => <ActivityView workshopId={workshop.id} />, preload: ActivityView.preload },
} satisfies Record<WorkshopTab, Screen>;

export const SCREEN_TABS = Object.keys(SCREENS) as WorkshopTab[];

export function screensIn(group: ScreenGroup): { tab: WorkshopTab; label: AppMessageId }[] {
  return SCREEN_TABS.filter((tab) => SCREENS[tab].group === group).map((tab) => ({ tab, label: SCREENS[tab].label }));
}

/** Every screen's code, in the order of the day, then presenter mode and the timeline, for preloading when the window is idle. */
export const PRELOAD_ORDER: { preload: () => Promise<void> }[] = [
  ...SCREEN_TABS.flatMap((tab) => {
    const s: Screen = SCREENS[tab];
    return s.preload ? [{ preload: s.preload }] : [];
  }),
  PresenterLayout,
  { preload: roadmapTimeline },
];
