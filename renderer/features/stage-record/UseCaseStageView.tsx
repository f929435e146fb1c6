// One use case's stage record: its readiness diagnostic (stage 0), pilot design (stage 1, locked
// once the pilot runs), controls checklists and gate decisions, under the pipeline tab.
import type { ReactNode } from 'react';
import type { Workshop } from '../../domain/model';
import { routeHref, USE_CASE_SECTIONS, type UseCaseSection } from '../../app/router';
import { readinessVerdict } from '../../domain/readiness';
import { useT } from '../../i18n/react';
import type { AppMessageId } from '../../i18n/app-catalog';
import { stageLabel, verdictLabel } from '../../shared/stage-words';
import { checklistProgress } from '../../domain/controls';
import { useStageRecord } from './use-stage-record';
import { ReadinessSection } from './ReadinessSection';
import { PilotDesignSection } from './PilotDesignSection';
import { ControlsSection } from './ControlsSection';
import { DecisionsSection } from './DecisionsSection';
import { LockIcon } from './LockIcon';
import './stage-record.css';

const SECTION_LABELS: Record<UseCaseSection, AppMessageId> = {
  readiness: 'stage.section.readiness',
  pilot: 'stage.section.pilot',
  controls: 'stage.section.controls',
  decisions: 'stage.section.decisions',
};

export function UseCaseStageView({ workshop, useCaseId, section }: { workshop: Workshop; useCaseId: string; section: UseCaseSection }) {
  const record = useStageRecord(workshop.id, useCaseId);
  const pipelineHref = routeHref({ name: 'workshop', workshopId: workshop.id, tab: 'pipeline' });
  const { t } = useT();
  if (record === undefined) return <div aria-busy="true" />;
  if (record === null) {
    return (
      <section className="panel sr-missing" aria-labelledby="sr-missing-title">
        <h1 id="sr-missing-title" className="section-title">
          {t('stage.missingTitle')}
        </h1>
        <p>{t('stage.missingBody')}</p>
        <a className="btn btn-primary" href={pipelineHref}>
          {t('stage.backToPipeline')}
        </a>
      </section>
    );
  }

  const { useCase, stage } = record;
  const verdict = readinessVerdict(record.readiness);
  const progress = checklistProgress(record.controls);
  const tabNotes: Record<UseCaseSection, ReactNode> = {
    readiness: <span className={`sr-tab-note sr-verdict-note-${verdict.verdict}`}>{verdictLabel(t, verdict.verdict)}</span>,
    pilot: (
      <span className="sr-tab-note">
        {record.lockedAt ? (
          <>
            <LockIcon size={12} className="sr-tab-lock" /> {t('stage.locked')}
          </>
        ) : (
          t('stage.open')
        )}
      </span>
    ),
    controls: (
      <span className="sr-tab-note">{record.controls.length === 0 ? t('stage.noItems') : t('stage.doneOf', { done: progress.done, total: progress.applicable })}</span>
    ),
    decisions: (
      <span className="sr-tab-note">{t('stage.recorded', { count: record.decisions.length })}</span>
    ),
  };
  const meta = [useCase.businessOwner && t('stage.owner', { name: useCase.businessOwner }), useCase.department].filter(Boolean).join(' · ');

  return (
    <div className="stage-record">
      <header className="sr-header">
        <a className="back-link sr-back" href={pipelineHref}>
          {t('stage.backPipeline')}
        </a>
        <div className="sr-title-row">
          <h1 className="section-title sr-title">{useCase.title}</h1>
          <span className={`stage-pill sr-stage${stage === 'stopped' ? ' sr-stage-stopped' : ''}`} data-testid="current-stage">
            <span className="visually-hidden">{t('stage.currentStage')}</span>
            {stageLabel(t, stage)}
          </span>
        </div>
        {meta ? <p className="sr-meta">{meta}</p> : null}
        <nav className="sr-tabs" aria-label={t('stage.sections')}>
          {USE_CASE_SECTIONS.map((s) => (
            <a
              key={s}
              href={routeHref({ name: 'workshop', workshopId: workshop.id, tab: 'pipeline', useCaseId, section: s })}
              className={`sr-tab${s === section ? ' sr-tab-active' : ''}`}
              aria-current={s === section ? 'page' : undefined}
            >
              <span className="sr-tab-label">{t(SECTION_LABELS[s])}</span>
              {tabNotes[s]}
            </a>
          ))}
        </nav>
      </header>
      {section === 'readiness' ? <ReadinessSection record={record} verdict={verdict} /> : null}
      {section === 'pilot' ? <PilotDesignSection record={record} /> : null}
      {section === 'controls' ? <ControlsSection record={record} workshopLanguage={workshop.language} /> : null}
      {section === 'decisions' ? <DecisionsSection record={record} workshopId={workshop.id} /> : null}
    </div>
  );
}
