// The controls checklists of one use case: hardening, data/MLOps, regulated-risk, change
// management and documentation. Each list starts from its standard items (or from nothing) and
// takes custom items; every item has a status, an owner and a due date, and a late one is flagged.
import { useId, useState, type FormEvent } from 'react';
import { repos } from '../../app/repos';
import { save } from '../../app/persist';
import { saveWithUndo } from '../../app/undo';
import { CONTROL_CHECKLISTS, CONTROL_STATUSES, SHORT_TEXT_MAX, type ControlChecklist, type ControlItem } from '../../domain/model';
import { CHECKLIST_LABELS, CONTROL_STATUS_LABELS, CONTROL_TEMPLATES, checklistProgress, isOverdue, missingStandardItems } from '../../domain/controls';
import { parseIsoDate, todayIso } from '../../domain/dates';
import { AutosaveField } from '../../shared/AutosaveField';
import { formatDate } from '../../shared/format';
import { useNow } from '../../shared/use-now';
import type { StageRecord } from './use-stage-record';
import { saveChoice, usePendingChoice } from '../../shared/use-pending-choice';

const CHECKLIST_PURPOSE: Record<ControlChecklist, string> = {
  hardening: 'What makes the pilot reliable enough for real load: integration, retries, monitoring, access, audit, fallbacks.',
  'data-mlops': 'Keeping data and model behaviour under control once it runs: validation, drift, versions, rollback, regression tests.',
  risk: 'For regulated contexts: who may access what, what a regulator can trace, and what happens in an incident.',
  'change-management': 'Getting people to use it: involvement, training, champions and visible early wins.',
  documentation: 'What operations needs to own it: a model card, a runbook and a named owner.',
};

const headingId = (c: ControlChecklist) => `sr-checklist-${c}`;

export function ControlsSection({ record }: { record: StageRecord }) {
  const now = useNow(60_000);
  const today = todayIso(new Date(now));
  const byList = new Map<ControlChecklist, ControlItem[]>(CONTROL_CHECKLISTS.map((c) => [c, []]));
  for (const item of record.controls) byList.get(item.checklist)?.push(item);
  const total = checklistProgress(record.controls);
  const overdue = record.controls.filter((i) => isOverdue(i, today)).length;

  return (
    <div className="sr-controls">
      <section className="panel sr-controls-summary" aria-labelledby="sr-controls-title">
        <div className="sr-controls-summary-head">
          <h2 id="sr-controls-title" className="sr-section-title">
            Controls checklists
          </h2>
          <p className="sr-controls-total" data-testid="controls-total">
            <strong>
              {total.done} of {total.applicable}
            </strong>{' '}
            done across all lists
            {overdue > 0 ? (
              <span className="sr-badge sr-badge-block">
                {overdue} overdue
              </span>
            ) : null}
          </p>
        </div>
        <ul className="sr-checklist-jump">
          {CONTROL_CHECKLISTS.map((c) => {
            const items = byList.get(c) ?? [];
            const p = checklistProgress(items);
            const late = items.filter((i) => isOverdue(i, today)).length;
            return (
              <li key={c}>
                <button
                  type="button"
                  className="sr-jump"
                  onClick={() => {
                    const h = document.getElementById(headingId(c));
                    h?.scrollIntoView({ block: 'start', behavior: 'smooth' });
                    h?.focus({ preventScroll: true });
                  }}
                >
                  <span className="sr-jump-label">{CHECKLIST_LABELS[c]}</span>
                  <ProgressBar done={p.done} applicable={p.applicable} label={CHECKLIST_LABELS[c]} />
                  <span className="sr-jump-figures">
                    {items.length === 0 ? 'No items yet' : `${p.done} of ${p.applicable} done`}
                    {late > 0 ? <span className="sr-late-text"> · {late} overdue</span> : null}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      </section>
      {CONTROL_CHECKLISTS.map((c) => (
        <Checklist key={c} checklist={c} useCaseId={record.useCase.id} items={byList.get(c) ?? []} today={today} />
      ))}
    </div>
  );
}

function ProgressBar({ done, applicable, label }: { done: number; applicable: number; label: string }) {
  const share = applicable === 0 ? 0 : (done / applicable) * 100;
  return (
    <span
      className="sr-progress"
      role="progressbar"
      aria-label={`${label}: done`}
      aria-valuemin={0}
      aria-valuemax={Math.max(applicable, 1)}
      aria-valuenow={done}
      aria-valuetext={`${done} of ${applicable} done`}
    >
      <span className={`sr-progress-fill${applicable > 0 && done === applicable ? ' sr-progress-complete' : ''}`} style={{ width: `${share}%` }} />
    </span>
  );
}

function Checklist({ checklist, useCaseId, items, today }: { checklist: ControlChecklist; useCaseId: string; items: ControlItem[]; today: string }) {
  const label = CHECKLIST_LABELS[checklist];
  const missing = missingStandardItems(items, checklist);
  const p = checklistProgress(items);
  const standardCount = CONTROL_TEMPLATES[checklist].length;
  return (
    <section className="panel sr-checklist" aria-labelledby={headingId(checklist)} data-testid={`checklist-${checklist}`}>
      <header className="sr-checklist-head">
        <div>
          <h2 id={headingId(checklist)} className="sr-section-title" tabIndex={-1}>
            {label}
          </h2>
          <p className="muted sr-checklist-purpose">{CHECKLIST_PURPOSE[checklist]}</p>
        </div>
        <div className="sr-checklist-progress">
          <span className="sr-checklist-figures" data-testid="checklist-progress">
            {items.length === 0 ? 'No items yet' : `${p.done} of ${p.applicable} done`}
          </span>
          <ProgressBar done={p.done} applicable={p.applicable} label={label} />
        </div>
        <button
          type="button"
          className={`btn btn-small${items.length === 0 ? ' btn-primary' : ''}`}
          disabled={missing.length === 0}
          title={missing.length === 0 ? `All ${standardCount} standard items are on the list` : `Adds: ${missing.map((m) => m.label).join('; ')}`}
          aria-label={`Add the standard ${label.toLowerCase()} items`}
          onClick={() => void save(() => repos.governance.addStandardControls(useCaseId, checklist))}
        >
          {missing.length === 0 || missing.length === standardCount ? 'Add the standard items' : `Add the ${missing.length} missing standard items`}
        </button>
      </header>
      {items.length === 0 ? (
        <p className="empty-hint">
          Nothing on this list yet. Add the {standardCount} standard items, or your own below.
        </p>
      ) : (
        <>
          <div className="sr-item-legend" aria-hidden="true">
            <span>Status</span>
            <span>Item</span>
            <span>Owner</span>
            <span>Due (YYYY-MM-DD)</span>
            <span />
          </div>
          <ul className="sr-items" aria-label={`${label} items`}>
            {items.map((item) => (
              <ControlRow key={item.id} item={item} today={today} />
            ))}
          </ul>
        </>
      )}
      <AddControl useCaseId={useCaseId} checklist={checklist} />
    </section>
  );
}

function ControlRow({ item, today }: { item: ControlItem; today: string }) {
  const [status, setStatus] = usePendingChoice(item.status, (v) => saveChoice(() => repos.governance.updateControl(item.id, { status: v })));
  const late = isOverdue({ status, dueDate: item.dueDate }, today);
  const statusId = `sr-status-${item.id}`;
  return (
    <li className={`sr-item sr-item-${status === 'n/a' ? 'na' : status}${late ? ' sr-item-late' : ''}`} data-testid="control-item">
      <div className="field sr-item-status">
        <label htmlFor={statusId} className="visually-hidden">
          Status: {item.label}
        </label>
        <select id={statusId} value={status} onChange={(e) => setStatus(e.target.value as ControlItem['status'])}>
          {CONTROL_STATUSES.map((s) => (
            <option key={s} value={s}>
              {CONTROL_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <AutosaveField
        className="sr-item-label"
        label="Control"
        value={item.label}
        required
        maxLength={SHORT_TEXT_MAX}
        onSave={(v) => repos.governance.updateControl(item.id, { label: v })}
      />
      <AutosaveField
        className="sr-item-owner"
        label={`Owner: ${item.label}`}
        value={item.owner}
        maxLength={SHORT_TEXT_MAX}
        placeholder="Owner"
        onSave={(v) => repos.governance.updateControl(item.id, { owner: v })}
      />
      <DueDateField item={item} late={late} />
      <button
        type="button"
        className="btn btn-small btn-ghost sr-item-remove"
        aria-label={`Remove "${item.label}"`}
        title="Remove (can be undone)"
        onClick={async () => {
          await saveWithUndo(() => repos.governance.removeControl(item.id), { message: `Removed “${item.label}”.`, scope: item.workshopId });
        }}
      >
        ✕
      </button>
    </li>
  );
}

/**
 * A due date typed as YYYY-MM-DD. A complete, real date is stored at once; anything else stays in
 * the field with an error beside it (shown once the field is left, so typing is not interrupted).
 */
function DueDateField({ item, late }: { item: ControlItem; late: boolean }) {
  const id = useId();
  const [draft, setDraft] = useState(item.dueDate);
  const [seen, setSeen] = useState(item.dueDate);
  const [touched, setTouched] = useState(false);
  if (item.dueDate !== seen) {
    // Stored value changed (undo, another window): show it unless a half-typed date is in the way.
    setSeen(item.dueDate);
    if (draft === '' || parseIsoDate(draft)) setDraft(item.dueDate);
  }
  const valid = draft === '' || parseIsoDate(draft) !== null;
  const showError = !valid && touched;
  const onChange = (text: string) => {
    setDraft(text);
    const t = text.trim();
    if (t === '' || parseIsoDate(t)) {
      setTouched(false);
      if (t !== item.dueDate) void save(() => repos.governance.updateControl(item.id, { dueDate: t }));
    }
  };
  const msgId = `${id}-msg`;
  return (
    <div className="field sr-item-due">
      <label htmlFor={id} className="visually-hidden">
        Due date: {item.label}
      </label>
      <input
        id={id}
        value={draft}
        inputMode="numeric"
        placeholder="YYYY-MM-DD"
        maxLength={10}
        autoComplete="off"
        onChange={(e) => onChange(e.target.value)}
        onBlur={() => setTouched(true)}
        aria-invalid={showError ? true : undefined}
        aria-describedby={showError || late ? msgId : undefined}
      />
      {showError ? (
        <p id={msgId} className="field-error" role="alert">
          Enter the date as YYYY-MM-DD, e.g. {todayIso()}. Not saved.
        </p>
      ) : late ? (
        <p id={msgId} className="sr-late" title={`Was due ${formatDate(item.dueDate)}`}>
          Overdue
        </p>
      ) : null}
    </div>
  );
}

function AddControl({ useCaseId, checklist }: { useCaseId: string; checklist: ControlChecklist }) {
  const id = useId();
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!label.trim()) {
      setError('Describe the item first.');
      return;
    }
    setError(null);
    const added = await save(() => repos.governance.addControl(useCaseId, checklist, label));
    if (added) setLabel('');
  };
  const list = CHECKLIST_LABELS[checklist].toLowerCase();
  const name = `New ${list} item`;
  return (
    <form className="sr-add-control" onSubmit={(e) => void submit(e)}>
      <label htmlFor={id} className="visually-hidden">
        {name}
      </label>
      <input
        id={id}
        value={label}
        maxLength={SHORT_TEXT_MAX}
        autoComplete="off"
        placeholder="Add your own item…"
        onChange={(e) => {
          setLabel(e.target.value);
          if (error) setError(null);
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      <button type="submit" className="btn btn-small" aria-label={`Add to ${list}`}>
        Add
      </button>
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
