// One use case's stage record: its readiness diagnostic (stage 0), pilot design (stage 1, locked
// once the pilot runs), controls checklists and gate decisions, under the pipeline tab.
import type { ReactNode } from 'react';
import type { Workshop } from '../../domain/model';
import { routeHref, USE_CASE_SECTIONS, type UseCaseSection } from '../../app/router';
import { STAGE_LABELS } from '../../domain/labels';
import { readinessVerdict, VERDICT_LABELS } from '../../domain/readiness';
import { checklistProgress } from '../../domain/controls';
import { useStageRecord } from './use-stage-record';
import { ReadinessSection } from './ReadinessSection';
import { PilotDesignSection } from './PilotDesignSection';
import { ControlsSection } from './ControlsSection';
import { DecisionsSection } from './DecisionsSection';
import { LockIcon } from './LockIcon';
import './stage-record.css';

const SECTION_LABELS: Record<UseCaseSection, string> = {
  readiness: 'Readiness',
  pilot: 'Pilot design',
  controls: 'Controls',
  decisions: 'Decisions',
};

export function UseCaseStageView({ workshop, useCaseId, section }: { workshop: Workshop; useCaseId: string; section: UseCaseSection }) {
  const record = useStageRecord(workshop.id, useCaseId);
  const pipelineHref = routeHref({ name: 'workshop', workshopId: workshop.id, tab: 'pipeline' });
  if (record === undefined) return <div aria-busy="true" />;
  if (record === null) {
    return (
      <section className="panel sr-missing" aria-labelledby="sr-missing-title">
        <h1 id="sr-missing-title" className="section-title">
          This use case is not in the workshop
        </h1>
        <p>It may have been deleted (Ctrl+Z on the use cases tab brings a deletion back), or the link is from another workshop.</p>
        <a className="btn btn-primary" href={pipelineHref}>
          ← Back to the pipeline
        </a>
      </section>
    );
  }

  const { useCase, stage } = record;
  const verdict = readinessVerdict(record.readiness);
  const progress = checklistProgress(record.controls);
  const tabNotes: Record<UseCaseSection, ReactNode> = {
    readiness: <span className={`sr-tab-note sr-verdict-note-${verdict.verdict}`}>{VERDICT_LABELS[verdict.verdict]}</span>,
    pilot: (
      <span className="sr-tab-note">
        {record.lockedAt ? (
          <>
            <LockIcon size={12} className="sr-tab-lock" /> Locked
          </>
        ) : (
          'Open for edits'
        )}
      </span>
    ),
    controls: (
      <span className="sr-tab-note">{record.controls.length === 0 ? 'No items yet' : `${progress.done} of ${progress.applicable} done`}</span>
    ),
    decisions: (
      <span className="sr-tab-note">
        {record.decisions.length} recorded
      </span>
    ),
  };
  const meta = [useCase.businessOwner && `Owner: ${useCase.businessOwner}`, useCase.department].filter(Boolean).join(' · ');

  return (
    <div className="stage-record">
      <header className="sr-header">
        <a className="back-link sr-back" href={pipelineHref}>
          ← Pipeline
        </a>
        <div className="sr-title-row">
          <h1 className="section-title sr-title">{useCase.title}</h1>
          <span className={`stage-pill sr-stage${stage === 'stopped' ? ' sr-stage-stopped' : ''}`} data-testid="current-stage">
            <span className="visually-hidden">Current stage: </span>
            {STAGE_LABELS[stage]}
          </span>
        </div>
        {meta ? <p className="sr-meta">{meta}</p> : null}
        <nav className="sr-tabs" aria-label="Stage record sections">
          {USE_CASE_SECTIONS.map((s) => (
            <a
              key={s}
              href={routeHref({ name: 'workshop', workshopId: workshop.id, tab: 'pipeline', useCaseId, section: s })}
              className={`sr-tab${s === section ? ' sr-tab-active' : ''}`}
              aria-current={s === section ? 'page' : undefined}
            >
              <span className="sr-tab-label">{SECTION_LABELS[s]}</span>
              {tabNotes[s]}
            </a>
          ))}
        </nav>
      </header>
      {section === 'readiness' ? <ReadinessSection record={record} verdict={verdict} /> : null}
      {section === 'pilot' ? <PilotDesignSection record={record} /> : null}
      {section === 'controls' ? <ControlsSection record={record} /> : null}
      {section === 'decisions' ? <DecisionsSection record={record} workshopId={workshop.id} /> : null}
    </div>
  );
}
