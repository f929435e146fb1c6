// Stage 0: the readiness diagnostic. Five dimensions scored 1–5 with evidence, and the verdict the
// rules in domain/readiness.ts draw from them, with its reasons, always in words as well as colour.
import { repos } from '../../app/repos';
import { routeHref } from '../../app/router';
import { LONG_TEXT_MAX, READINESS_DIMENSIONS, type Readiness } from '../../domain/model';
import {
  BLOCKING_SCORE,
  dimensionHints,
  MIN_AVERAGE,
  readinessWarningMessages,
  type ReadinessDimension,
  type ReadinessVerdict,
} from '../../domain/readiness';
import { gateCriteria } from '../../domain/stages';
import { useInterfaceMethodLanguage } from '../../i18n/method-language';
import { readinessReasonMessages } from '../../domain/health-check';
import { formatNumber } from '../../domain/locale-format';
import { useT } from '../../i18n/react';
import type { AppMessageId } from '../../i18n/app-catalog';
import { messageText } from '../../shared/message-text';
import { stageLabel, verdictLabel } from '../../shared/stage-words';
import { AutosaveField } from '../../shared/AutosaveField';
import { ScorePicker } from './ScorePicker';
import { saveChoice } from '../../shared/use-pending-choice';
import type { StageRecord } from './use-stage-record';

const VERDICT_ICONS: Record<ReadinessVerdict['verdict'], string> = {
  'start-pilot': '✓',
  'readiness-sprint': '!',
  incomplete: '…',
};

type T = ReturnType<typeof useT>['t'];
const dimensionName = (t: T, dim: ReadinessDimension) => t(`health.dimension.${dim}` as AppMessageId);

function dimensionStatus(t: T, score: number | null, evidence: string): { tone: string; text: string }[] {
  if (score === null) return [{ tone: 'none', text: t('stage.readiness.notScored') }];
  const out = [
    score <= BLOCKING_SCORE
      ? { tone: 'block', text: t('stage.readiness.blocks') }
      : score >= 4
        ? { tone: 'good', text: t('stage.readiness.strong') }
        : { tone: 'ok', text: t('stage.readiness.workable') },
  ];
  if (score >= 4 && !evidence.trim()) out.push({ tone: 'warn', text: t('stage.readiness.noEvidence') });
  return out;
}

export function ReadinessSection({ record, verdict }: { record: StageRecord; verdict: ReadinessVerdict }) {
  const language = useInterfaceMethodLanguage();
  const ucId = record.useCase.id;
  const dims = record.readiness?.dimensions;
  const scored = READINESS_DIMENSIONS.filter((d) => dims?.[d].score != null).length;
  const { t, lang } = useT();
  // The reasons as messages, so they read in the interface's language (the domain's are English).
  const reasons = readinessReasonMessages(record.readiness).map((m) => messageText(t, lang, m));
  const warnings = readinessWarningMessages(record.readiness).map((m) => messageText(t, lang, m));
  return (
    <div className="sr-readiness">
      <section className="sr-dimensions" aria-labelledby="sr-readiness-title">
        <div className="sr-section-head">
          <h2 id="sr-readiness-title" className="sr-section-title">
            {t('stage.readiness.title')}
          </h2>
          <p className="muted">{t('stage.readiness.intro', { blocking: BLOCKING_SCORE, minimum: MIN_AVERAGE })}</p>
        </div>
        {READINESS_DIMENSIONS.map((dim) => (
          <DimensionCard key={dim} useCaseId={ucId} dim={dim} score={dims?.[dim].score ?? null} evidence={dims?.[dim].evidence ?? ''} />
        ))}
      </section>
      <aside className={`panel sr-verdict sr-verdict-${verdict.verdict}`} aria-labelledby="sr-verdict-kicker" data-testid="readiness-verdict">
        <p id="sr-verdict-kicker" className="sr-kicker">
          {t('stage.readiness.verdict')}
        </p>
        <p className="sr-verdict-text" aria-live="polite">
          <span className="sr-verdict-icon" aria-hidden="true">
            {VERDICT_ICONS[verdict.verdict]}
          </span>
          {verdictLabel(t, verdict.verdict)}
        </p>
        <dl className="sr-verdict-figures">
          <div>
            <dt>{t('stage.readiness.average')}</dt>
            <dd data-testid="readiness-average">{verdict.average === null ? '—' : t('stage.readiness.ofFive', { value: formatNumber(lang, verdict.average, 1, 1) })}</dd>
          </div>
          <div>
            <dt>{t('stage.readiness.scored')}</dt>
            <dd>{t('stage.readiness.ofFive', { value: scored })}</dd>
          </div>
        </dl>
        <ScoreStrip dims={dims} />
        <h3 className="sr-verdict-subtitle">{t('stage.readiness.why')}</h3>
        <ul className="sr-reasons" data-testid="readiness-reasons">
          {reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
        {warnings.length > 0 ? (
          <>
            <h3 className="sr-verdict-subtitle">{t('stage.readiness.secondLook')}</h3>
            <ul className="sr-warnings" data-testid="readiness-warnings">
              {warnings.map((w) => (
                <li key={w}>
                  <span aria-hidden="true">⚠ </span>
                  {w}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <div className="sr-verdict-next">
          <p>{t(`stage.readiness.next.${verdict.verdict}` as AppMessageId)}</p>
          <ul>
            {gateCriteria(language)['pilot-design'].map(({ name: c }) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
          <p className="sr-side-links">
            {t('stage.readiness.alsoRecords')}{' '}
            <a href={routeHref({ name: 'workshop', workshopId: record.useCase.workshopId, tab: 'kpis', useCaseId: ucId })}>{t('stage.readiness.baselineKpis')}</a>{' '}
            {t('stage.readiness.and')}{' '}
            <a href={routeHref({ name: 'workshop', workshopId: record.useCase.workshopId, tab: 'risks', useCaseId: ucId })}>{t('stage.readiness.firstRisks')}</a>.
          </p>
          <p className="field-hint">{t('stage.readiness.advice', { from: stageLabel(t, 'readiness'), to: stageLabel(t, 'pilot-design') })}</p>
        </div>
      </aside>
    </div>
  );
}

function ScoreStrip({ dims }: { dims: Readiness['dimensions'] | undefined }) {
  const { t } = useT();
  return (
    <ul className="sr-strip" aria-label={t('stage.readiness.strip')}>
      {READINESS_DIMENSIONS.map((d) => {
        const s = dims?.[d].score ?? null;
        return (
          <li key={d}>
            <span className="sr-strip-label">{dimensionName(t, d)}</span>
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
  const { t, lang } = useT();
  const label = dimensionName(t, dim);
  const lower = lang === 'de' ? label : label.toLocaleLowerCase(lang);
  const status = dimensionStatus(t, score, evidence);
  const language = useInterfaceMethodLanguage();
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
          clearLabel={t('stage.readiness.clear', { dimension: lower })}
          onChange={(s) => saveChoice(() => repos.pipeline.setReadiness(useCaseId, dim, { score: s }))}
        />
        <p id={`${headingId}-hint`} className="field-hint sr-dim-hint">
          {dimensionHints(language)[dim]}
        </p>
      </div>
      <AutosaveField
        className="sr-dim-evidence"
        label={t('stage.readiness.evidence', { dimension: lower })}
        value={evidence}
        multiline
        maxLength={LONG_TEXT_MAX}
        placeholder={t('stage.readiness.evidencePlaceholder')}
        onSave={(v) => repos.pipeline.setReadiness(useCaseId, dim, { evidence: v })}
      />
    </article>
  );
}
