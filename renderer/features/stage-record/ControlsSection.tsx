// The controls checklists of one use case: hardening, data/MLOps, regulated-risk, change
// management and documentation. Each list starts from its standard items (or from nothing) and
// takes custom items; every item has a status, an owner and a due date, and a late one is flagged.
import { useId, useState, type FormEvent } from 'react';
import { repos } from '../../app/repos';
import { save } from '../../app/persist';
import { saveWithUndo } from '../../app/undo';
import { CONTROL_CHECKLISTS, CONTROL_STATUSES, SHORT_TEXT_MAX, type ControlChecklist, type ControlItem } from '../../domain/model';
import { CONTROL_TEMPLATES, checklistProgress, isOverdue, missingStandardItems } from '../../domain/controls';
import { parseIsoDate, todayIso } from '../../domain/dates';
import { AutosaveField } from '../../shared/AutosaveField';
import { useT } from '../../i18n/react';
import type { Language } from '../../domain/languages';
import type { AppMessageId } from '../../i18n/app-catalog';
import { controlStatusLabel, readerDate } from '../../shared/stage-words';
import { useNow } from '../../shared/use-now';
import type { StageRecord } from './use-stage-record';
import { saveChoice, usePendingChoice } from '../../shared/use-pending-choice';

type T = ReturnType<typeof useT>['t'];
const checklistLabel = (t: T, c: ControlChecklist) => t(`stage.checklist.${c}` as AppMessageId);
const checklistPurpose = (t: T, c: ControlChecklist) => t(`stage.purpose.${c}` as AppMessageId);
/** The list's name inside a sentence: lower case where the language writes it so (not German nouns). */
const inSentence = (text: string, lang: string) => (lang === 'de' ? text : text.toLocaleLowerCase(lang));

const headingId = (c: ControlChecklist) => `sr-checklist-${c}`;

/** `workshopLanguage`: the standard items a checklist adds are the method's, in the workshop's language. */
export function ControlsSection({ record, workshopLanguage }: { record: StageRecord; workshopLanguage: Language }) {
  const now = useNow(60_000);
  const today = todayIso(new Date(now));
  const byList = new Map<ControlChecklist, ControlItem[]>(CONTROL_CHECKLISTS.map((c) => [c, []]));
  for (const item of record.controls) byList.get(item.checklist)?.push(item);
  const total = checklistProgress(record.controls);
  const overdue = record.controls.filter((i) => isOverdue(i, today)).length;
  const { t } = useT();

  return (
    <div className="sr-controls">
      <section className="panel sr-controls-summary" aria-labelledby="sr-controls-title">
        <div className="sr-controls-summary-head">
          <h2 id="sr-controls-title" className="sr-section-title">
            {t('stage.controls.title')}
          </h2>
          <p className="sr-controls-total" data-testid="controls-total">
            <strong>{t('stage.controls.ofTotal', { done: total.done, total: total.applicable })}</strong>{' '}
            {t('stage.controls.acrossAll')}
            {overdue > 0 ? (
              <span className="sr-badge sr-badge-block">{t('stage.controls.overdue', { count: overdue })}</span>
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
                  <span className="sr-jump-label">{checklistLabel(t, c)}</span>
                  <ProgressBar done={p.done} applicable={p.applicable} label={checklistLabel(t, c)} />
                  <span className="sr-jump-figures">
                    {items.length === 0 ? t('stage.noItems') : t('stage.doneOf', { done: p.done, total: p.applicable })}
                    {late > 0 ? <span className="sr-late-text">{t('stage.controls.lateSuffix', { count: late })}</span> : null}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      </section>
      {CONTROL_CHECKLISTS.map((c) => (
        <Checklist key={c} checklist={c} useCaseId={record.useCase.id} items={byList.get(c) ?? []} today={today} workshopLanguage={workshopLanguage} />
      ))}
    </div>
  );
}

function ProgressBar({ done, applicable, label }: { done: number; applicable: number; label: string }) {
  const share = applicable === 0 ? 0 : (done / applicable) * 100;
  const { t } = useT();
  return (
    <span
      className="sr-progress"
      role="progressbar"
      aria-label={t('stage.controls.progressLabel', { label })}
      aria-valuemin={0}
      aria-valuemax={Math.max(applicable, 1)}
      aria-valuenow={done}
      aria-valuetext={t('stage.doneOf', { done, total: applicable })}
    >
      <span className={`sr-progress-fill${applicable > 0 && done === applicable ? ' sr-progress-complete' : ''}`} style={{ width: `${share}%` }} />
    </span>
  );
}

function Checklist({ checklist, useCaseId, items, today, workshopLanguage }: { checklist: ControlChecklist; useCaseId: string; items: ControlItem[]; today: string; workshopLanguage: Language }) {
  const { t, lang } = useT();
  const label = checklistLabel(t, checklist);
  // What the button would add, named as it will be stored: in the workshop's language.
  const missing = missingStandardItems(items, checklist, workshopLanguage);
  const p = checklistProgress(items);
  const standardCount = CONTROL_TEMPLATES[checklist].length;
  return (
    <section className="panel sr-checklist" aria-labelledby={headingId(checklist)} data-testid={`checklist-${checklist}`}>
      <header className="sr-checklist-head">
        <div>
          <h2 id={headingId(checklist)} className="sr-section-title" tabIndex={-1}>
            {label}
          </h2>
          <p className="muted sr-checklist-purpose">{checklistPurpose(t, checklist)}</p>
        </div>
        <div className="sr-checklist-progress">
          <span className="sr-checklist-figures" data-testid="checklist-progress">
            {items.length === 0 ? t('stage.noItems') : t('stage.doneOf', { done: p.done, total: p.applicable })}
          </span>
          <ProgressBar done={p.done} applicable={p.applicable} label={label} />
        </div>
        <button
          type="button"
          className={`btn btn-small${items.length === 0 ? ' btn-primary' : ''}`}
          disabled={missing.length === 0}
          title={missing.length === 0 ? t('stage.controls.allStandard', { count: standardCount }) : t('stage.controls.adds', { items: missing.map((m) => m.label).join('; ') })}
          aria-label={t('stage.controls.addStandardLabel', { list: inSentence(label, lang) })}
          onClick={() => void save(() => repos.governance.addStandardControls(useCaseId, checklist))}
        >
          {missing.length === 0 || missing.length === standardCount ? t('stage.controls.addStandard') : t('stage.controls.addMissing', { count: missing.length })}
        </button>
      </header>
      {items.length === 0 ? (
        <p className="empty-hint">
          {t('stage.controls.empty', { count: standardCount })}
        </p>
      ) : (
        <>
          <div className="sr-item-legend" aria-hidden="true">
            <span>{t('stage.controls.status')}</span>
            <span>{t('stage.controls.item')}</span>
            <span>{t('stage.controls.owner')}</span>
            <span>{t('stage.controls.due')}</span>
            <span />
          </div>
          <ul className="sr-items" aria-label={t('stage.controls.items', { label })}>
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
  const { t } = useT();
  return (
    <li className={`sr-item sr-item-${status === 'n/a' ? 'na' : status}${late ? ' sr-item-late' : ''}`} data-testid="control-item">
      <div className="field sr-item-status">
        <label htmlFor={statusId} className="visually-hidden">
          {t('stage.controls.statusOf', { label: item.label })}
        </label>
        <select id={statusId} value={status} onChange={(e) => setStatus(e.target.value as ControlItem['status'])}>
          {CONTROL_STATUSES.map((s) => (
            <option key={s} value={s}>
              {controlStatusLabel(t, s)}
            </option>
          ))}
        </select>
      </div>
      <AutosaveField
        className="sr-item-label"
        label={t('stage.controls.control')}
        value={item.label}
        required
        maxLength={SHORT_TEXT_MAX}
        onSave={(v) => repos.governance.updateControl(item.id, { label: v })}
      />
      <AutosaveField
        className="sr-item-owner"
        label={t('stage.controls.ownerOf', { label: item.label })}
        value={item.owner}
        maxLength={SHORT_TEXT_MAX}
        placeholder={t('stage.controls.owner')}
        onSave={(v) => repos.governance.updateControl(item.id, { owner: v })}
      />
      <DueDateField item={item} late={late} />
      <button
        type="button"
        className="btn btn-small btn-ghost sr-item-remove"
        aria-label={t('stage.controls.remove', { label: item.label })}
        title={t('stage.controls.removeTitle')}
        onClick={async () => {
          await saveWithUndo(() => repos.governance.removeControl(item.id), { message: t('stage.controls.removed', { label: item.label }), scope: item.workshopId });
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
  const { t, lang } = useT();
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
    const typed = text.trim();
    if (typed === '' || parseIsoDate(typed)) {
      setTouched(false);
      if (typed !== item.dueDate) void save(() => repos.governance.updateControl(item.id, { dueDate: typed }));
    }
  };
  const msgId = `${id}-msg`;
  return (
    <div className="field sr-item-due">
      <label htmlFor={id} className="visually-hidden">
        {t('stage.controls.dueOf', { label: item.label })}
      </label>
      <input
        id={id}
        value={draft}
        inputMode="numeric"
        placeholder={t('common.isoDatePlaceholder')}
        maxLength={10}
        autoComplete="off"
        onChange={(e) => onChange(e.target.value)}
        onBlur={() => setTouched(true)}
        aria-invalid={showError ? true : undefined}
        aria-describedby={showError || late ? msgId : undefined}
      />
      {showError ? (
        <p id={msgId} className="field-error" role="alert">
          {t('stage.controls.dateError', { today: todayIso() })}
        </p>
      ) : late ? (
        <p id={msgId} className="sr-late" title={t('stage.controls.wasDue', { date: readerDate(lang, item.dueDate) })}>
          {t('stage.controls.overdueFlag')}
        </p>
      ) : null}
    </div>
  );
}

function AddControl({ useCaseId, checklist }: { useCaseId: string; checklist: ControlChecklist }) {
  const id = useId();
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);
  const { t, lang } = useT();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!label.trim()) {
      setError(t('stage.controls.describeFirst'));
      return;
    }
    setError(null);
    const added = await save(() => repos.governance.addControl(useCaseId, checklist, label));
    if (added) setLabel('');
  };
  const list = inSentence(checklistLabel(t, checklist), lang);
  const name = t('stage.controls.newItem', { list });
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
        placeholder={t('stage.controls.addOwn')}
        onChange={(e) => {
          setLabel(e.target.value);
          if (error) setError(null);
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      <button type="submit" className="btn btn-small" aria-label={t('stage.controls.addTo', { list })}>
        {t('stage.controls.add')}
      </button>
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
