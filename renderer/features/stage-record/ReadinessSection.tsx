// Stage 0: the readiness diagnostic. Five dimensions scored 1–5 with evidence, and the verdict the
// rules in domain/readiness.ts draw from them, with its reasons, always in words as well as colour.
import { repos } from '../../app/repos';
import { routeHref } from '../../app/router';
import { LONG_TEXT_MAX, READINESS_DIMENSIONS, type Readiness } from '../../domain/model';
import {
  BLOCKING_SCORE,
  dimensionHints,
  dimensionLabels,
  MIN_AVERAGE,
  VERDICT_LABELS,
  type ReadinessDimension,
  type ReadinessVerdict,
} from '../../domain/readiness';
import { gateCriteria } from '../../domain/stages';
import { useInterfaceMethodLanguage } from '../../i18n/method-language';
import { STAGE_LABELS } from '../../domain/labels';
import { AutosaveField } from '../../shared/AutosaveField';
import { ScorePicker } from './ScorePicker';
import { saveChoice } from '../../shared/use-pending-choice';
import type { StageRecord } from './use-stage-record';

const VERDICT_ICONS: Record<ReadinessVerdict['verdict'], string> = {
  'start-pilot': '✓',
  'readiness-sprint': '!',
  incomplete: '…',
};

const VERDICT_NEXT: Record<ReadinessVerdict['verdict'], string> = {
  'start-pilot': 'The use case can go to its pilot design. The gate review into Stage 1 checks:',
  'readiness-sprint': 'Plan the enabling work first: the roadmap gives this use case a readiness sprint before its pilot. The gate review into Stage 1 checks:',
  incomplete: 'Score all five dimensions to get a verdict. The gate review into Stage 1 checks:',
};

function dimensionStatus(score: number | null, evidence: string): { tone: string; text: string }[] {
  if (score === null) return [{ tone: 'none', text: 'Not scored' }];
  const out = [
    score <= BLOCKING_SCORE
      ? { tone: 'block', text: 'Blocks the pilot' }
      : score >= 4
        ? { tone: 'good', text: 'Strong' }
        : { tone: 'ok', text: 'Workable' },
  ];
  if (score >= 4 && !evidence.trim()) out.push({ tone: 'warn', text: 'No evidence noted' });
  return out;
}

export function ReadinessSection({ record, verdict }: { record: StageRecord; verdict: ReadinessVerdict }) {
  const language = useInterfaceMethodLanguage();
  const ucId = record.useCase.id;
  const dims = record.readiness?.dimensions;
  const scored = READINESS_DIMENSIONS.filter((d) => dims?.[d].score != null).length;
  return (
    <div className="sr-readiness">
      <section className="sr-dimensions" aria-labelledby="sr-readiness-title">
        <div className="sr-section-head">
          <h2 id="sr-readiness-title" className="sr-section-title">
            Readiness diagnostic
          </h2>
          <p className="muted">
            Score each dimension from 1 to 5 with the people who know, and note the evidence. A {BLOCKING_SCORE} or lower on any dimension, or an
            average below {MIN_AVERAGE}, means enabling work comes before the pilot.
          </p>
        </div>
        {READINESS_DIMENSIONS.map((dim) => (
          <DimensionCard key={dim} useCaseId={ucId} dim={dim} score={dims?.[dim].score ?? null} evidence={dims?.[dim].evidence ?? ''} />
        ))}
      </section>
      <aside className={`panel sr-verdict sr-verdict-${verdict.verdict}`} aria-labelledby="sr-verdict-kicker" data-testid="readiness-verdict">
        <p id="sr-verdict-kicker" className="sr-kicker">
          Readiness verdict
        </p>
        <p className="sr-verdict-text" aria-live="polite">
          <span className="sr-verdict-icon" aria-hidden="true">
            {VERDICT_ICONS[verdict.verdict]}
          </span>
          {VERDICT_LABELS[verdict.verdict]}
        </p>
        <dl className="sr-verdict-figures">
          <div>
            <dt>Average</dt>
            <dd data-testid="readiness-average">{verdict.average === null ? '—' : `${verdict.average.toFixed(1)} of 5`}</dd>
          </div>
          <div>
            <dt>Scored</dt>
            <dd>{scored} of 5</dd>
          </div>
        </dl>
        <ScoreStrip dims={dims} />
        <h3 className="sr-verdict-subtitle">Why</h3>
        <ul className="sr-reasons" data-testid="readiness-reasons">
          {verdict.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
        {verdict.warnings.length > 0 ? (
          <>
            <h3 className="sr-verdict-subtitle">Worth a second look</h3>
            <ul className="sr-warnings" data-testid="readiness-warnings">
              {verdict.warnings.map((w) => (
                <li key={w}>
                  <span aria-hidden="true">⚠ </span>
                  {w}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <div className="sr-verdict-next">
          <p>{VERDICT_NEXT[verdict.verdict]}</p>
          <ul>
            {gateCriteria(language)['pilot-design'].map(({ name: c }) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
          <p className="sr-side-links">
            Stage 0 also records <a href={routeHref({ name: 'workshop', workshopId: record.useCase.workshopId, tab: 'kpis', useCaseId: ucId })}>baseline KPI values</a>{' '}
            and <a href={routeHref({ name: 'workshop', workshopId: record.useCase.workshopId, tab: 'risks', useCaseId: ucId })}>the first risks</a>.
          </p>
          <p className="field-hint">The verdict is advice for that review; the decision itself is recorded on the pipeline ({STAGE_LABELS.readiness} → {STAGE_LABELS['pilot-design']}).</p>
        </div>
      </aside>
    </div>
  );
}

function ScoreStrip({ dims }: { dims: Readiness['dimensions'] | undefined }) {
  const labels = dimensionLabels(useInterfaceMethodLanguage());
  return (
    <ul className="sr-strip" aria-label="Scores by dimension">
      {READINESS_DIMENSIONS.map((d) => {
        const s = dims?.[d].score ?? null;
        return (
          <li key={d}>
            <span className="sr-strip-label">{labels[d]}</span>
            <span className="sr-strip-bar" aria-hidden="true">
              {s !== null ? <span className={`sr-strip-fill sr-fill-${s <= BLOCKING_SCORE ? 'block' : s >= 4 ? 'good' : 'ok'}`} style={{ width: `${s * 20}%` }} /> : null}
            </span>
            <span className="sr-strip-value">{s ?? '—'}</span>
          </li>
        );
      })}
    </ul>
  );
}

function DimensionCard({ useCaseId, dim, score, evidence }: { useCaseId: string; dim: ReadinessDimension; score: number | null; evidence: string }) {
  const headingId = `sr-dim-${dim}`;
  const language = useInterfaceMethodLanguage();
  const label = dimensionLabels(language)[dim];
  const status = dimensionStatus(score, evidence);
  const blocking = score !== null && score <= BLOCKING_SCORE;
  return (
    <article className={`panel sr-dim${blocking ? ' sr-dim-blocking' : ''}`} aria-labelledby={headingId} data-testid="readiness-dimension">
      <div className="sr-dim-score">
        <div className="sr-dim-head">
          <h3 id={headingId} className="sr-dim-title">
            {label}
          </h3>
          <span className="sr-badges">
            {status.map((s) => (
              <span key={s.text} className={`sr-badge sr-badge-${s.tone}`}>
                {s.text}
              </span>
            ))}
          </span>
        </div>
        <ScorePicker
          name={`readiness-${useCaseId}-${dim}`}
          labelledBy={headingId}
          describedBy={`${headingId}-hint`}
          value={score}
          clearLabel={`Clear the ${label.toLowerCase()} score`}
          onChange={(s) => saveChoice(() => repos.pipeline.setReadiness(useCaseId, dim, { score: s }))}
        />
        <p id={`${headingId}-hint`} className="field-hint sr-dim-hint">
          {dimensionHints(language)[dim]}
        </p>
      </div>
      <AutosaveField
        className="sr-dim-evidence"
        label={`Evidence: ${label.toLowerCase()}`}
        value={evidence}
        multiline
        maxLength={LONG_TEXT_MAX}
        placeholder="What the score rests on: a data sample, a process map, who confirmed it"
        onSave={(v) => repos.pipeline.setReadiness(useCaseId, dim, { evidence: v })}
      />
    </article>
  );
}
