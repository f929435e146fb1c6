// One risk of the register, edited in place: every change is stored at once and can be undone.
import { useId, useState } from 'react';
import { repos } from '../../app/repos';
import { save } from '../../app/persist';
import { saveWithUndo } from '../../app/undo';
import { LONG_TEXT_MAX, SHORT_TEXT_MAX, type Risk, type UseCase } from '../../domain/model';
import {
  IMPACT_LABELS,
  LIKELIHOOD_LABELS,
  RISK_BAND_LABELS,
  RISK_STATUSES,
  RISK_STATUS_LABELS,
  parseDueDate,
  riskBand,
  riskScore,
  type RiskStatus,
} from '../../domain/risks';
import { AutosaveField } from '../../shared/AutosaveField';
import { formatDate } from '../../shared/format';
import { saveChoice, usePendingChoice } from '../../shared/use-pending-choice';
import { CategorySelect, LevelSelect, UseCaseSelect } from './RiskControls';

/** Where a row sits in the virtualized register. */
type Place = { index: number; of: number; top: number };

export function RiskRow({
  risk,
  useCases,
  overdue,
  place,
  measure,
}: {
  risk: Risk;
  useCases: UseCase[];
  overdue: boolean;
  place: Place;
  measure: (el: HTMLElement | null) => void;
}) {
  const id = useId();
  const [useCaseId, setUseCaseId] = usePendingChoice(risk.useCaseId, (v) => saveChoice(() => repos.risks.update(risk.id, { useCaseId: v })));
  const [category, setCategory] = usePendingChoice(risk.category, (v) => saveChoice(() => repos.risks.update(risk.id, { category: v })));
  const [likelihood, setLikelihood] = usePendingChoice(risk.likelihood, (v) => saveChoice(() => repos.risks.update(risk.id, { likelihood: v })));
  const [impact, setImpact] = usePendingChoice(risk.impact, (v) => saveChoice(() => repos.risks.update(risk.id, { impact: v })));
  const [status, setStatus] = usePendingChoice(risk.status, (v) => saveChoice(() => repos.risks.update(risk.id, { status: v })));
  const score = riskScore({ likelihood, impact });
  const band = riskBand(score);

  const remove = async () => {
    await saveWithUndo(() => repos.risks.remove(risk.id), { message: `Removed risk “${risk.title}”.`, scope: risk.workshopId });
  };

  return (
    <li
      className={`rk-row rk-row-${band}${overdue ? ' rk-row-overdue' : ''}${status === 'closed' || status === 'accepted' ? ' rk-row-settled' : ''}`}
      data-testid="risk-row"
      data-risk-id={risk.id}
      ref={measure}
      data-index={place.index}
      style={{ top: `${place.top}px` }}
      aria-setsize={place.of}
      aria-posinset={place.index + 1}
    >
      <div className="rk-row-main" role="group" aria-label={`Risk: ${risk.title}`}>
        <div className="rk-row-marks">
          <span className={`rk-score rk-band-${band}`} data-testid="risk-score" title={`Score = likelihood ${likelihood} × impact ${impact}`}>
            <span className="rk-score-num">{score}</span>
            <span className="rk-score-band">{RISK_BAND_LABELS[band]}</span>
          </span>
          {overdue ? (
            <span className="rk-overdue-badge" data-testid="risk-overdue">
              <span aria-hidden="true">⚠ </span>Overdue
            </span>
          ) : null}
        </div>
        <div className="rk-row-line rk-row-line-1">
          <AutosaveField
            className="rk-title"
            label="Risk"
            value={risk.title}
            required
            maxLength={SHORT_TEXT_MAX}
            onSave={(v) => repos.risks.update(risk.id, { title: v })}
          />
          <UseCaseSelect className="rk-usecase" id={`${id}-uc`} value={useCaseId} useCases={useCases} onChange={setUseCaseId} />
          <CategorySelect className="rk-category" id={`${id}-cat`} value={category} onChange={setCategory} />
        </div>
        <div className="rk-row-line rk-row-line-2">
          <LevelSelect id={`${id}-l`} label="Likelihood" labels={LIKELIHOOD_LABELS} value={likelihood} onChange={setLikelihood} />
          <LevelSelect id={`${id}-i`} label="Impact" labels={IMPACT_LABELS} value={impact} onChange={setImpact} />
          <div className="field rk-status">
            <label htmlFor={`${id}-st`}>Status</label>
            <select id={`${id}-st`} value={status} onChange={(e) => setStatus(e.target.value as RiskStatus)}>
              {RISK_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {RISK_STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </div>
          <AutosaveField className="rk-owner" label="Owner" value={risk.owner} maxLength={SHORT_TEXT_MAX} onSave={(v) => repos.risks.update(risk.id, { owner: v })} />
          <DueDateField risk={risk} overdue={overdue} />
        </div>
      </div>
      <AutosaveField
        className="rk-mitigation"
        label="Mitigation"
        value={risk.mitigation}
        multiline
        maxLength={LONG_TEXT_MAX}
        placeholder="What will be done, by when, and the fallback if it does not work"
        onSave={(v) => repos.risks.update(risk.id, { mitigation: v })}
      />
      <button type="button" className="btn btn-small btn-ghost rk-remove" aria-label={`Remove risk “${risk.title}”`} title="Remove (can be undone)" onClick={() => void remove()}>
        ✕
      </button>
    </li>
  );
}

/**
 * The due date as typed: 2026-03-01, 1.3.2026 or an unambiguous 13/3/2026. A complete date is
 * stored at once and shown as YYYY-MM-DD once the field is left; anything else stays in the
 * field with a message beside it and is not stored.
 */
function DueDateField({ risk, overdue }: { risk: Risk; overdue: boolean }) {
  const id = useId();
  const [draft, setDraft] = useState(risk.dueDate);
  const [seen, setSeen] = useState(risk.dueDate);
  const [touched, setTouched] = useState(false);
  if (risk.dueDate !== seen) {
    // The stored date changed (undo, another window): show it unless a half-typed date is in the way.
    setSeen(risk.dueDate);
    const parsed = parseDueDate(draft);
    if (parsed.ok) setDraft(risk.dueDate);
  }
  const parsed = parseDueDate(draft);
  const showError = !parsed.ok && touched;

  const store = (iso: string) => {
    if (iso !== risk.dueDate) void save(() => repos.risks.update(risk.id, { dueDate: iso }));
  };
  const onChange = (text: string) => {
    setDraft(text);
    setTouched(false);
    const p = parseDueDate(text);
    // "2026-03-1" may be on its way to "2026-03-15": wait for the second digit or for the field to be left.
    if (p.ok && !/-\d$/.test(text.trim())) store(p.iso);
  };
  const commit = () => {
    setTouched(true);
    const p = parseDueDate(draft);
    if (!p.ok) return;
    store(p.iso);
    setDraft(p.iso);
  };
  const msgId = `${id}-msg`;
  return (
    <div className="field rk-due">
      <label htmlFor={id}>Due date</label>
      <input
        id={id}
        value={draft}
        placeholder="YYYY-MM-DD"
        maxLength={20}
        autoComplete="off"
        onChange={(e) => onChange(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
        aria-invalid={showError ? true : undefined}
        aria-describedby={showError || overdue ? msgId : undefined}
      />
      {showError && !parsed.ok ? (
        <p id={msgId} className="field-error" role="alert">
          {parsed.message} Not saved.
        </p>
      ) : overdue ? (
        <p id={msgId} className="rk-overdue-note">
          Was due {formatDate(risk.dueDate)}
        </p>
      ) : null}
    </div>
  );
}
