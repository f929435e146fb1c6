// The roadmap health check: every way a pilot is known to stall, checked against the workshop's
// data at each use case's current stage. Live: a finding disappears as soon as it is fixed in
// another tab, and every finding links to the place where it is fixed.
import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { repos } from '../../app/repos';
import { routeHref, type WorkshopTab } from '../../app/router';
import type { Stage, UseCase, Workshop, WorkshopRows } from '../../domain/model';
import { isolateBidi } from '../../domain/labels';
import { useT } from '../../i18n/react';
import type { AppMessageId } from '../../i18n/app-catalog';
import { stageLabel } from '../../shared/stage-words';
import { messageText } from '../../shared/message-text';
import { currentStages, stageOf } from '../../domain/stages';
import { todayIso } from '../../domain/dates';
import {
  HEALTH_CHECKS,
  healthCheckMessageId,
  countBySeverity,
  healthCheck,
  type HealthFinding,
  type HealthFixTarget,
  type HealthSeverity,
} from '../../domain/health-check';
import './health.css';

const SEVERITIES: readonly HealthSeverity[] = ['high', 'medium', 'low'];
/** A shape per severity, so the badge does not rely on colour alone. */
const SEVERITY_MARKS: Record<HealthSeverity, string> = { high: '▲', medium: '◆', low: '●' };
const WORKSHOP_GROUP = 'workshop';
const SEVERITY_IDS: Record<HealthSeverity, AppMessageId> = { high: 'health.severity.high', medium: 'health.severity.medium', low: 'health.severity.low' };

type HealthData = {
  findings: HealthFinding[];
  /** Use cases that are checked (not stopped), in the facilitator's order, with their stage. */
  active: { useCase: UseCase; stage: Stage }[];
  stopped: number;
};

function analyse(workshop: Workshop, rows: WorkshopRows, today: string): HealthData {
  const useCases = [...rows.useCases].sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  const stages = currentStages(useCases, rows.gateDecisions);
  const active = useCases.map((useCase) => ({ useCase, stage: stageOf(useCase, stages) })).filter((a) => a.stage !== 'stopped');
  return { findings: healthCheck(workshop, rows, today), active, stopped: useCases.length - active.length };
}

type FixLink = { href: string };

/** Turns the domain's fix target into a route: a use case's stage record, or a tab focused on the use case. */
function fixLink(workshopId: string, fix: HealthFixTarget): FixLink {
  const tab: WorkshopTab = fix.tab;
  if (tab === 'pipeline' && fix.useCaseId) {
    return { href: routeHref({ name: 'workshop', workshopId, tab, useCaseId: fix.useCaseId, section: fix.section ?? 'readiness' }) };
  }
  return {
    href: routeHref(
      fix.useCaseId
        ? { name: 'workshop', workshopId, tab, useCaseId: fix.useCaseId, ...(fix.kpiId ? { itemId: fix.kpiId } : {}) }
        : { name: 'workshop', workshopId, tab },
    ),
  };
}

export function HealthView({ workshop }: { workshop: Workshop }) {
  const rows = useLiveQuery(() => repos.workshops.readRows(workshop.id), [workshop.id]);
  const today = todayIso();
  const data = useMemo(() => (rows ? analyse(workshop, rows, today) : null), [workshop, rows, today]);
  const [useCaseFilter, setUseCaseFilter] = useState<string>('all');
  const [severityFilter, setSeverityFilter] = useState<HealthSeverity | 'all'>('all');
  const { t } = useT();

  if (!data) return null;
  const { findings, active, stopped } = data;
  // A filter on a use case that has since been stopped or deleted shows everything again.
  const ucFilter = useCaseFilter === 'all' || useCaseFilter === WORKSHOP_GROUP || active.some((a) => a.useCase.id === useCaseFilter) ? useCaseFilter : 'all';
  const shown = findings.filter(
    (f) =>
      (severityFilter === 'all' || f.severity === severityFilter) &&
      (ucFilter === 'all' || (ucFilter === WORKSHOP_GROUP ? f.useCaseId === null : f.useCaseId === ucFilter)),
  );
  const counts = countBySeverity(findings);
  const filtering = severityFilter !== 'all' || ucFilter !== 'all';

  const groups: { key: string; title: string; stage: Stage | null; findings: HealthFinding[] }[] = [];
  const workshopFindings = shown.filter((f) => f.useCaseId === null);
  if (workshopFindings.length > 0) groups.push({ key: WORKSHOP_GROUP, title: t('health.wholeWorkshop'), stage: null, findings: workshopFindings });
  for (const { useCase, stage } of active) {
    const own = shown.filter((f) => f.useCaseId === useCase.id);
    if (own.length > 0) groups.push({ key: useCase.id, title: useCase.title, stage, findings: own });
  }

  return (
    <div className="health">
      <section className="panel health-pane" aria-labelledby="health-title">
        <div className="pane-header">
          <h1 id="health-title" className="section-title">
            {t('health.title')}
          </h1>
        </div>
        <p className="health-intro">{t('health.intro')}</p>

        {active.length === 0 ? (
          <NothingToCheck workshopId={workshop.id} stopped={stopped} />
        ) : (
          <>
            <Summary counts={counts} total={findings.length} checked={active.length} stopped={stopped} />
            {findings.length === 0 ? (
              <AllClear checked={active.length} />
            ) : (
              <>
                <div className="health-filters" role="search" aria-label={t('health.filterLabel')}>
                  <div className="field">
                    <label htmlFor="health-filter-uc">{t('health.useCase')}</label>
                    <select id="health-filter-uc" value={ucFilter} onChange={(e) => setUseCaseFilter(e.target.value)}>
                      <option value="all">{t('health.allUseCases')}</option>
                      <option value={WORKSHOP_GROUP}>{t('health.wholeWorkshopCount', { count: findings.filter((f) => f.useCaseId === null).length })}</option>
                      {active.map(({ useCase }) => (
                        <option key={useCase.id} value={useCase.id}>
                          {isolateBidi(useCase.title)} ({findings.filter((f) => f.useCaseId === useCase.id).length})
                        </option>
                      ))}
                    </select>
                  </div>
                  <div className="field">
                    <label htmlFor="health-filter-severity">{t('health.severity')}</label>
                    <select
                      id="health-filter-severity"
                      value={severityFilter}
                      onChange={(e) => setSeverityFilter(e.target.value as HealthSeverity | 'all')}
                    >
                      <option value="all">{t('health.everySeverity')}</option>
                      {SEVERITIES.map((s) => (
                        <option key={s} value={s}>
                          {t('health.severityOnly', { severity: t(SEVERITY_IDS[s]), count: counts[s] })}
                        </option>
                      ))}
                    </select>
                  </div>
                  {filtering ? (
                    <p className="health-filter-status" role="status">
                      {t('health.showing', { shown: shown.length, total: findings.length })}{' '}
                      <button
                        type="button"
                        className="btn btn-ghost btn-small"
                        onClick={() => {
                          setUseCaseFilter('all');
                          setSeverityFilter('all');
                        }}
                      >
                        {t('health.showAll')}
                      </button>
                    </p>
                  ) : null}
                </div>
                {groups.length === 0 ? <p className="empty-hint">{t('health.noMatch')}</p> : null}
                {groups.map((g) => (
                  <section key={g.key} className="health-group" aria-labelledby={`health-group-${g.key}`} data-testid="health-group">
                    <header className="health-group-header">
                      <h2 id={`health-group-${g.key}`}>{g.title}</h2>
                      {g.stage ? <span className="stage-pill">{stageLabel(t, g.stage)}</span> : <span className="stage-pill">{t('health.ownershipCadence')}</span>}
                      <span className="muted health-group-count">{t('health.findings', { count: g.findings.length })}</span>
                    </header>
                    <ul className="health-findings">
                      {g.findings.map((f) => (
                        <FindingItem key={`${f.checkId}:${f.useCaseId ?? ''}:${f.title}`} finding={f} workshopId={workshop.id} />
                      ))}
                    </ul>
                  </section>
                ))}
              </>
            )}
          </>
        )}

        <details className="health-checks">
          <summary>{t('health.whatChecked', { count: HEALTH_CHECKS.length })}</summary>
          <p className="muted">{t('health.whatCheckedHint')}</p>
          <dl className="health-check-list">
            {HEALTH_CHECKS.map((c) => (
              <div key={c.id}>
                <dt>
                  {t(healthCheckMessageId(c.id, 'title') as AppMessageId)}{' '}
                  <span className="muted health-check-when">· {t(healthCheckMessageId(c.id, 'when') as AppMessageId)}</span>
                </dt>
                <dd>{t(healthCheckMessageId(c.id, 'why') as AppMessageId)}</dd>
              </div>
            ))}
          </dl>
        </details>
      </section>
    </div>
  );
}

function SeverityBadge({ severity }: { severity: HealthSeverity }) {
  const { t } = useT();
  return (
    <span className={`health-badge health-badge-${severity}`}>
      <span aria-hidden="true">{SEVERITY_MARKS[severity]}</span> {t(SEVERITY_IDS[severity])}
    </span>
  );
}

function Summary({ counts, total, checked, stopped }: { counts: Record<HealthSeverity, number>; total: number; checked: number; stopped: number }) {
  const { t } = useT();
  return (
    <div className="health-summary" role="status" data-testid="health-summary">
      <p className="health-summary-total">
        <strong>{t('health.findings', { count: total })}</strong> {t('health.acrossUseCases', { count: checked })}
        {stopped > 0 ? <span className="muted">{t('health.stoppedNotChecked', { count: stopped })}</span> : null}
      </p>
      <ul className="health-summary-counts" aria-label={t('health.bySeverity')}>
        {SEVERITIES.map((s) => (
          <li key={s} className={`health-count health-count-${s} ${counts[s] === 0 ? 'health-count-zero' : ''}`} data-testid={`health-count-${s}`}>
            <span className="health-count-number">{counts[s]}</span>
            <span className="health-count-label">
              <span aria-hidden="true">{SEVERITY_MARKS[s]}</span> {t(SEVERITY_IDS[s])}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function FindingItem({ finding: f, workshopId }: { finding: HealthFinding; workshopId: string }) {
  const link = fixLink(workshopId, f.fix);
  const { t, lang } = useT();
  const where = f.useCaseTitle ?? t('health.theWorkshop');
  const fixWords = messageText(t, lang, f.text.fix);
  return (
    <li className={`health-finding health-finding-${f.severity}`} data-testid="health-finding" data-check={f.checkId}>
      <div className="health-finding-head">
        <SeverityBadge severity={f.severity} />
        <h3 className="health-finding-title">{messageText(t, lang, f.text.title)}</h3>
      </div>
      <p className="health-finding-detail">{messageText(t, lang, f.text.detail)}</p>
      <div className="health-finding-fix">
        <a className="btn btn-small" href={link.href} aria-label={t('health.fixLabel', { label: fixWords, where })}>
          {t('health.fix', { label: fixWords })}
        </a>
      </div>
    </li>
  );
}

function AllClear({ checked }: { checked: number }) {
  const { t } = useT();
  return (
    <div className="health-clear" data-testid="health-clear">
      <span className="health-clear-mark" aria-hidden="true">
        ✓
      </span>
      <div>
        <p className="health-clear-title">{t('health.noGaps')}</p>
        <p>{t('health.allClear', { count: checked })}</p>
      </div>
    </div>
  );
}

function NothingToCheck({ workshopId, stopped }: { workshopId: string; stopped: number }) {
  const { t } = useT();
  return (
    <div className="health-empty">
      <p>{stopped > 0 ? t('health.allStopped') : t('health.nothing')}</p>
      <a className="btn btn-primary" href={routeHref({ name: 'workshop', workshopId, tab: 'use-cases' })}>
        {t('health.goToUseCases')}
      </a>
    </div>
  );
}
