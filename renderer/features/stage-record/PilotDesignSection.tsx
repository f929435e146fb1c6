// Stage 1: the pilot design. Scope, workflow, the data it runs on and the go / iterate / no-go
// criteria, agreed before the pilot starts. Once the use case has entered the pilot the design is
// locked (the lock follows from the decision log): a change then needs a reason and is kept,
// visibly, as an amendment.
import { useId, useState, type FormEvent } from 'react';
import { repos } from '../../app/repos';
import { routeHref } from '../../app/router';
import { save } from '../../app/persist';
import { LONG_TEXT_MAX } from '../../domain/model';
import { gateCriteria } from '../../domain/stages';
import { useInterfaceMethodLanguage } from '../../i18n/method-language';
import type { PilotTextField } from '../../db/pipeline-repo';
import { useT } from '../../i18n/react';
import type { AppMessageId } from '../../i18n/app-catalog';
import { stageLabel } from '../../shared/stage-words';
import { AutosaveField } from '../../shared/AutosaveField';
import { Dialog } from '../../shared/Dialog';
import { formatInstant, formatInstantDate, type StageRecord } from './use-stage-record';
import { saveChoice, usePendingChoice } from '../../shared/use-pending-choice';
import { LockIcon } from './LockIcon';

type PilotField = PilotTextField | 'usesProductionData';
type Production = boolean | null;

type T = ReturnType<typeof useT>['t'];
const fieldLabel = (t: T, f: PilotField) => t(`stage.pilot.field.${f}` as AppMessageId);
const placeholder = (t: T, f: PilotTextField) => t(`stage.pilot.ph.${f}` as AppMessageId);

const PRODUCTION_OPTIONS: { value: Production; label: AppMessageId }[] = [
  { value: true, label: 'stage.pilot.prod.yes' },
  { value: false, label: 'stage.pilot.prod.no' },
  { value: null, label: 'stage.pilot.prod.undecided' },
];

function productionLabel(t: T, v: Production): string {
  return t(PRODUCTION_OPTIONS.find((o) => o.value === v)?.label ?? 'stage.pilot.prod.undecided');
}

const CRITERIA: { field: PilotTextField; tone: 'go' | 'iterate' | 'nogo'; tag: AppMessageId }[] = [
  { field: 'successCriteria', tone: 'go', tag: 'stage.pilot.tag.go' },
  { field: 'partialSuccessCriteria', tone: 'iterate', tag: 'stage.pilot.tag.iterate' },
  { field: 'failureCriteria', tone: 'nogo', tag: 'stage.pilot.tag.nogo' },
];

export function PilotDesignSection({ record }: { record: StageRecord }) {
  const language = useInterfaceMethodLanguage();
  const ucId = record.useCase.id;
  const p = record.pilot;
  const locked = record.lockedAt !== null;
  const [amending, setAmending] = useState<PilotField | null>(null);
  const { t } = useT();
  const text = (f: PilotTextField) => p?.[f] ?? '';
  const production: Production = p?.usesProductionData ?? null;

  const textField = (f: PilotTextField, className?: string) =>
    locked ? (
      <LockedValue field={f} shown={text(f)} onAmend={() => setAmending(f)} className={className} />
    ) : (
      <AutosaveField
        className={className}
        label={fieldLabel(t, f)}
        value={text(f)}
        multiline
        maxLength={LONG_TEXT_MAX}
        placeholder={placeholder(t, f)}
        onSave={(v) => repos.pipeline.setPilotField(ucId, f, v)}
      />
    );

  const amendments = [...(p?.amendments ?? [])].reverse();

  return (
    <div className="sr-pilot">
      <div className="sr-pilot-main">
        {record.lockedAt ? (
          <div className="sr-lock-banner" role="status" data-testid="pilot-lock">
            <LockIcon size={26} className="sr-lock-icon" />
            <div>
              <p className="sr-lock-title">{t('stage.pilot.lockedSince', { date: formatInstantDate(record.lockedAt) })}</p>
              <p>{t('stage.pilot.lockedBody')}</p>
            </div>
          </div>
        ) : (
          <div className="sr-open-banner">
            <p>
              <strong>{t('stage.pilot.agree')}</strong> {t('stage.pilot.agreeBody', { stage: stageLabel(t, 'pilot') })}
            </p>
          </div>
        )}

        <section className="panel sr-pilot-panel" aria-labelledby="sr-scope-title">
          <h2 id="sr-scope-title" className="sr-section-title">
            {t('stage.pilot.scopeData')}
          </h2>
          <div className="sr-pilot-grid">
            {textField('scope')}
            {textField('workflow')}
          </div>
          {locked ? (
            <LockedValue field="usesProductionData" shown={productionLabel(t, production)} onAmend={() => setAmending('usesProductionData')} />
          ) : (
            <ProductionChoice
              name={`production-${ucId}`}
              value={production}
              onChange={(v) => saveChoice(() => repos.pipeline.setPilotField(ucId, 'usesProductionData', v))}
            />
          )}
          {production === false ? (
            <p className="sr-note sr-note-warn">
              <span aria-hidden="true">⚠ </span>
              {t('stage.pilot.extractWarn')}
            </p>
          ) : null}
        </section>

        <section className="panel sr-pilot-panel" aria-labelledby="sr-criteria-title">
          <h2 id="sr-criteria-title" className="sr-section-title">
            {t('stage.pilot.outcome')}
          </h2>
          <p className="muted sr-section-lead">{t('stage.pilot.outcomeLead')}</p>
          <div className="sr-criteria">
            {CRITERIA.map((c) => (
              <div key={c.field} className={`sr-criterion sr-criterion-${c.tone}`}>
                <span className="sr-criterion-tag">{t(c.tag)}</span>
                {textField(c.field)}
              </div>
            ))}
          </div>
        </section>

        <section className="panel sr-amendments" aria-labelledby="sr-amendments-title">
          <h2 id="sr-amendments-title" className="sr-section-title">
            {t('stage.pilot.amendments')} <span className="count">{amendments.length}</span>
          </h2>
          {amendments.length === 0 ? (
            <p className="muted">{locked ? t('stage.pilot.noChange') : t('stage.pilot.changesListed')}</p>
          ) : (
            <ol className="sr-amendment-list" aria-label={t('stage.pilot.amendmentList')}>
              {amendments.map((a, i) => (
                <li key={`${a.at}-${i}`} className="sr-amendment" data-testid="amendment">
                  <p className="sr-amendment-head">
                    <time dateTime={a.at}>{formatInstant(a.at)}</time>
                    <strong>{a.field}</strong>
                  </p>
                  <div className="sr-amendment-change">
                    <div className="sr-amendment-before">
                      <span className="sr-amendment-label">{t('stage.pilot.before')}</span>
                      <p>{a.before || <em className="muted">{t('stage.pilot.empty')}</em>}</p>
                    </div>
                    <span className="sr-amendment-arrow" aria-hidden="true">
                      →
                    </span>
                    <div className="sr-amendment-after">
                      <span className="sr-amendment-label">{t('stage.pilot.after')}</span>
                      <p>{a.after || <em className="muted">{t('stage.pilot.empty')}</em>}</p>
                    </div>
                  </div>
                  <p className="sr-amendment-reason">
                    <span className="sr-amendment-label">{t('stage.pilot.reason')}</span> {a.reason}
                  </p>
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>

      <aside className="panel sr-pilot-side" aria-labelledby="sr-gate-title">
        <h2 id="sr-gate-title" className="sr-side-title">
          {t('stage.pilot.checkedAtGate', { stage: stageLabel(t, 'pilot') })}
        </h2>
        <ul className="sr-checks">
          {gateCriteria(language).pilot.map(({ name: c }) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
        <p className="sr-side-links">
          {t('stage.pilot.baselines')}{' '}
          <a href={routeHref({ name: 'workshop', workshopId: record.useCase.workshopId, tab: 'kpis', useCaseId: ucId })}>{t('stage.pilot.thisKpis')}</a>
        </p>
        <p className="field-hint">{t('stage.pilot.reviewRecorded')}</p>
      </aside>

      {amending ? (
        <AmendDialog
          useCaseId={ucId}
          field={amending}
          current={amending === 'usesProductionData' ? production : text(amending)}
          onClose={() => setAmending(null)}
        />
      ) : null}
    </div>
  );
}

function LockedValue({ field, shown, onAmend, className }: { field: PilotField; shown: string; onAmend: () => void; className?: string | undefined }) {
  const id = useId();
  const { t, lang } = useT();
  const label = fieldLabel(t, field);
  return (
    <div className={`sr-locked ${className ?? ''}`} role="group" aria-labelledby={`${id}-label`}>
      <span id={`${id}-label`} className="sr-locked-label">
        {label} <span className="sr-locked-tag">{t('stage.pilot.lockedTag')}</span>
      </span>
      <p className="sr-locked-value" data-testid={`pilot-${field}`}>
        {shown || <em className="muted">{t('stage.pilot.notWritten')}</em>}
      </p>
      <button type="button" className="btn btn-small sr-amend-button" onClick={onAmend} aria-label={t('stage.pilot.amendLabel', { field: lang === 'de' ? label : label.toLocaleLowerCase(lang) })}>
        {t('stage.pilot.amend')}
      </button>
    </div>
  );
}

function ProductionChoice({ name, value: stored, onChange }: { name: string; value: Production; onChange: (v: Production) => Promise<boolean> }) {
  const [value, choose] = usePendingChoice(stored, onChange);
  const { t } = useT();
  return (
    <fieldset className="sr-production">
      <legend>{t('stage.pilot.productionQuestion')}</legend>
      <div className="sr-production-options">
        {PRODUCTION_OPTIONS.map((o) => (
          <label key={String(o.value)} className={`sr-production-option${value === o.value ? ' sr-production-on' : ''}`}>
            <input type="radio" name={name} checked={value === o.value} onChange={() => choose(o.value)} />
            {t(o.label)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function AmendDialog({ useCaseId, field, current, onClose }: { useCaseId: string; field: PilotField; current: string | Production; onClose: () => void }) {
  const ids = useId();
  const { t } = useT();
  const label = fieldLabel(t, field);
  const [value, setValue] = useState<string | Production>(current);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ value?: string; reason?: string }>({});
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const next: typeof errors = {};
    if (value === current) next.value = t('stage.pilot.sameValue');
    if (!reason.trim()) next.reason = t('stage.pilot.needReason');
    setErrors(next);
    if (next.value || next.reason) {
      document.getElementById(next.value ? `${ids}-value` : `${ids}-reason`)?.focus();
      return;
    }
    setBusy(true);
    const result = await save(() => repos.pipeline.setPilotField(useCaseId, field, value, reason));
    setBusy(false);
    if (result) onClose();
  };

  return (
    <Dialog title={t('stage.pilot.amendTitle', { field: label })} open onClose={onClose}>
      <form className="form-grid" onSubmit={(e) => void submit(e)} noValidate>
        <div className="sr-amend-current">
          <span className="sr-amendment-label">{t('stage.pilot.recordedNow')}</span>
          <p>{field === 'usesProductionData' ? productionLabel(t, current as Production) : (current as string) || <em className="muted">{t('stage.pilot.notWritten')}</em>}</p>
        </div>
        {field === 'usesProductionData' ? (
          <fieldset className="sr-production" id={`${ids}-value`} tabIndex={-1} aria-describedby={errors.value ? `${ids}-value-error` : undefined}>
            <legend>{t('stage.pilot.newValue')}</legend>
            <div className="sr-production-options">
              {PRODUCTION_OPTIONS.map((o) => (
                <label key={String(o.value)} className={`sr-production-option${value === o.value ? ' sr-production-on' : ''}`}>
                  <input type="radio" name={`${ids}-production`} checked={value === o.value} onChange={() => setValue(o.value)} />
                  {t(o.label)}
                </label>
              ))}
            </div>
          </fieldset>
        ) : (
          <div className="field">
            <label htmlFor={`${ids}-value`}>{t('stage.pilot.newValue')}</label>
            <textarea
              id={`${ids}-value`}
              rows={4}
              value={value as string}
              maxLength={LONG_TEXT_MAX}
              onChange={(e) => setValue(e.target.value)}
              aria-invalid={errors.value ? true : undefined}
              aria-describedby={errors.value ? `${ids}-value-error` : undefined}
            />
          </div>
        )}
        {errors.value ? (
          <p id={`${ids}-value-error`} className="field-error" role="alert">
            {errors.value}
          </p>
        ) : null}
        <div className="field">
          <label htmlFor={`${ids}-reason`}>{t('stage.pilot.reasonRequired')}</label>
          <textarea
            id={`${ids}-reason`}
            rows={3}
            value={reason}
            maxLength={LONG_TEXT_MAX}
            placeholder={t('stage.pilot.reasonPlaceholder')}
            onChange={(e) => setReason(e.target.value)}
            aria-invalid={errors.reason ? true : undefined}
            aria-describedby={errors.reason ? `${ids}-reason-error` : undefined}
          />
          {errors.reason ? (
            <p id={`${ids}-reason-error`} className="field-error" role="alert">
              {errors.reason}
            </p>
          ) : null}
        </div>
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('stage.pilot.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t('stage.pilot.saveAmendment')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
