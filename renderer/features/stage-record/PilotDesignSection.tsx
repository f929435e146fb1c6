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
import { STAGE_LABELS } from '../../domain/labels';
import { PILOT_FIELD_LABELS, type PilotTextField } from '../../db/pipeline-repo';
import { AutosaveField } from '../../shared/AutosaveField';
import { Dialog } from '../../shared/Dialog';
import { formatInstant, formatInstantDate, type StageRecord } from './use-stage-record';
import { saveChoice, usePendingChoice } from '../../shared/use-pending-choice';
import { LockIcon } from './LockIcon';

type PilotField = PilotTextField | 'usesProductionData';
type Production = boolean | null;

const PLACEHOLDERS: Record<PilotTextField, string> = {
  scope: 'Narrow but representative: which cases, which team or region, for how long',
  workflow: 'The real workflow the pilot runs in, start to finish, and the decision point it changes',
  successCriteria: 'Go: the results that mean it should move on (e.g. triage time down 30 % with no rise in complaints)',
  partialSuccessCriteria: 'Iterate: the results that justify improving the pilot and running it again',
  failureCriteria: 'No-go: the results that mean stop',
};

const PRODUCTION_OPTIONS: { value: Production; label: string }[] = [
  { value: true, label: 'Yes, real production data' },
  { value: false, label: 'No, a cleaned lab extract' },
  { value: null, label: 'Not decided' },
];

function productionLabel(v: Production): string {
  return PRODUCTION_OPTIONS.find((o) => o.value === v)?.label ?? 'Not decided';
}

const CRITERIA: { field: PilotTextField; tone: 'go' | 'iterate' | 'nogo'; tag: string }[] = [
  { field: 'successCriteria', tone: 'go', tag: 'Go' },
  { field: 'partialSuccessCriteria', tone: 'iterate', tag: 'Iterate' },
  { field: 'failureCriteria', tone: 'nogo', tag: 'No-go' },
];

export function PilotDesignSection({ record }: { record: StageRecord }) {
  const language = useInterfaceMethodLanguage();
  const ucId = record.useCase.id;
  const p = record.pilot;
  const locked = record.lockedAt !== null;
  const [amending, setAmending] = useState<PilotField | null>(null);
  const text = (f: PilotTextField) => p?.[f] ?? '';
  const production: Production = p?.usesProductionData ?? null;

  const textField = (f: PilotTextField, className?: string) =>
    locked ? (
      <LockedValue field={f} shown={text(f)} onAmend={() => setAmending(f)} className={className} />
    ) : (
      <AutosaveField
        className={className}
        label={PILOT_FIELD_LABELS[f]}
        value={text(f)}
        multiline
        maxLength={LONG_TEXT_MAX}
        placeholder={PLACEHOLDERS[f]}
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
              <p className="sr-lock-title">Locked since {formatInstantDate(record.lockedAt)} — the pilot has started</p>
              <p>The design below is what the pilot is judged against. A change needs a reason and is kept as an amendment, listed under it.</p>
            </div>
          </div>
        ) : (
          <div className="sr-open-banner">
            <p>
              <strong>Agree these before the pilot starts.</strong> They can be edited freely until the use case enters {STAGE_LABELS.pilot}; from
              then on they are locked and every change is recorded as an amendment with its reason.
            </p>
          </div>
        )}

        <section className="panel sr-pilot-panel" aria-labelledby="sr-scope-title">
          <h2 id="sr-scope-title" className="sr-section-title">
            Scope and data
          </h2>
          <div className="sr-pilot-grid">
            {textField('scope')}
            {textField('workflow')}
          </div>
          {locked ? (
            <LockedValue field="usesProductionData" shown={productionLabel(production)} onAmend={() => setAmending('usesProductionData')} />
          ) : (
            <ProductionChoice
              name={`production-${ucId}`}
              value={production}
              onChange={(v) => saveChoice(() => repos.pipeline.setPilotField(ucId, 'usesProductionData', v))}
            />
          )}
          {production === false ? (
            <p className="sr-note sr-note-warn">
              <span aria-hidden="true">⚠ </span>A cleaned extract hides the messy data the pilot has to survive in production; the gate into the pilot asks
              for realistic data.
            </p>
          ) : null}
        </section>

        <section className="panel sr-pilot-panel" aria-labelledby="sr-criteria-title">
          <h2 id="sr-criteria-title" className="sr-section-title">
            Outcome criteria
          </h2>
          <p className="muted sr-section-lead">Written before the pilot runs, so the result is judged against what was agreed, not against what happened.</p>
          <div className="sr-criteria">
            {CRITERIA.map((c) => (
              <div key={c.field} className={`sr-criterion sr-criterion-${c.tone}`}>
                <span className="sr-criterion-tag">{c.tag}</span>
                {textField(c.field)}
              </div>
            ))}
          </div>
        </section>

        <section className="panel sr-amendments" aria-labelledby="sr-amendments-title">
          <h2 id="sr-amendments-title" className="sr-section-title">
            Amendments <span className="count">{amendments.length}</span>
          </h2>
          {amendments.length === 0 ? (
            <p className="muted">{locked ? 'No change since the pilot started.' : 'Changes made after the pilot starts are listed here, newest first.'}</p>
          ) : (
            <ol className="sr-amendment-list" aria-label="Amendments, newest first">
              {amendments.map((a, i) => (
                <li key={`${a.at}-${i}`} className="sr-amendment" data-testid="amendment">
                  <p className="sr-amendment-head">
                    <time dateTime={a.at}>{formatInstant(a.at)}</time>
                    <strong>{a.field}</strong>
                  </p>
                  <div className="sr-amendment-change">
                    <div className="sr-amendment-before">
                      <span className="sr-amendment-label">Before</span>
                      <p>{a.before || <em className="muted">(empty)</em>}</p>
                    </div>
                    <span className="sr-amendment-arrow" aria-hidden="true">
                      →
                    </span>
                    <div className="sr-amendment-after">
                      <span className="sr-amendment-label">After</span>
                      <p>{a.after || <em className="muted">(empty)</em>}</p>
                    </div>
                  </div>
                  <p className="sr-amendment-reason">
                    <span className="sr-amendment-label">Reason</span> {a.reason}
                  </p>
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>

      <aside className="panel sr-pilot-side" aria-labelledby="sr-gate-title">
        <h2 id="sr-gate-title" className="sr-side-title">
          Checked at the gate into {STAGE_LABELS.pilot}
        </h2>
        <ul className="sr-checks">
          {gateCriteria(language).pilot.map(({ name: c }) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
        <p className="sr-side-links">
          Baselines and targets: <a href={routeHref({ name: 'workshop', workshopId: record.useCase.workshopId, tab: 'kpis', useCaseId: ucId })}>this use case’s KPIs</a>
        </p>
        <p className="field-hint">The review itself is recorded on the pipeline when the use case is moved into the pilot.</p>
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
  const label = PILOT_FIELD_LABELS[field];
  return (
    <div className={`sr-locked ${className ?? ''}`} role="group" aria-labelledby={`${id}-label`}>
      <span id={`${id}-label`} className="sr-locked-label">
        {label} <span className="sr-locked-tag">locked</span>
      </span>
      <p className="sr-locked-value" data-testid={`pilot-${field}`}>
        {shown || <em className="muted">Not written</em>}
      </p>
      <button type="button" className="btn btn-small sr-amend-button" onClick={onAmend} aria-label={`Amend ${label.toLowerCase()}…`}>
        Amend…
      </button>
    </div>
  );
}

function ProductionChoice({ name, value: stored, onChange }: { name: string; value: Production; onChange: (v: Production) => Promise<boolean> }) {
  const [value, choose] = usePendingChoice(stored, onChange);
  return (
    <fieldset className="sr-production">
      <legend>Does the pilot run on real production data?</legend>
      <div className="sr-production-options">
        {PRODUCTION_OPTIONS.map((o) => (
          <label key={String(o.value)} className={`sr-production-option${value === o.value ? ' sr-production-on' : ''}`}>
            <input type="radio" name={name} checked={value === o.value} onChange={() => choose(o.value)} />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function AmendDialog({ useCaseId, field, current, onClose }: { useCaseId: string; field: PilotField; current: string | Production; onClose: () => void }) {
  const ids = useId();
  const label = PILOT_FIELD_LABELS[field];
  const [value, setValue] = useState<string | Production>(current);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ value?: string; reason?: string }>({});
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const next: typeof errors = {};
    if (value === current) next.value = 'This is the value already recorded: change it, or cancel.';
    if (!reason.trim()) next.reason = 'Give the reason for the change: it is kept with the amendment.';
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
    <Dialog title={`Amend: ${label}`} open onClose={onClose}>
      <form className="form-grid" onSubmit={(e) => void submit(e)} noValidate>
        <div className="sr-amend-current">
          <span className="sr-amendment-label">Recorded now</span>
          <p>{field === 'usesProductionData' ? productionLabel(current as Production) : (current as string) || <em className="muted">Not written</em>}</p>
        </div>
        {field === 'usesProductionData' ? (
          <fieldset className="sr-production" id={`${ids}-value`} tabIndex={-1} aria-describedby={errors.value ? `${ids}-value-error` : undefined}>
            <legend>New value</legend>
            <div className="sr-production-options">
              {PRODUCTION_OPTIONS.map((o) => (
                <label key={String(o.value)} className={`sr-production-option${value === o.value ? ' sr-production-on' : ''}`}>
                  <input type="radio" name={`${ids}-production`} checked={value === o.value} onChange={() => setValue(o.value)} />
                  {o.label}
                </label>
              ))}
            </div>
          </fieldset>
        ) : (
          <div className="field">
            <label htmlFor={`${ids}-value`}>New value</label>
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
          <label htmlFor={`${ids}-reason`}>Reason for the change (required)</label>
          <textarea
            id={`${ids}-reason`}
            rows={3}
            value={reason}
            maxLength={LONG_TEXT_MAX}
            placeholder="Who asked for it and why, e.g. “Sponsor agreed on 3 Feb: the lab extract is all compliance allows”"
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
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            Save amendment
          </button>
        </div>
      </form>
    </Dialog>
  );
}
