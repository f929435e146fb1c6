// One risk of the register, edited in place: every change is stored at once and can be undone.
import { useId, useState } from 'react';
import { repos } from '../../app/repos';
import { save } from '../../app/persist';
import { saveWithUndo } from '../../app/undo';
import { LONG_TEXT_MAX, SHORT_TEXT_MAX, type Risk, type UseCase } from '../../domain/model';
import {
  RISK_STATUSES,
  parseDueDate,
  riskBand,
  riskScore,
  type RiskStatus,
} from '../../domain/risks';
import { AutosaveField } from '../../shared/AutosaveField';
import { useT } from '../../i18n/react';
import { messageText } from '../../shared/message-text';
import { readerDate, riskBandLabel, riskStatusLabel } from '../../shared/stage-words';
import { saveChoice, usePendingChoice } from '../../shared/use-pending-choice';
import { CategorySelect, LevelSelect, UseCaseSelect, levelWords } from './RiskControls';

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
  const { t } = useT();
  const [useCaseId, setUseCaseId] = usePendingChoice(risk.useCaseId, (v) => saveChoice(() => repos.risks.update(risk.id, { useCaseId: v })));
  const [category, setCategory] = usePendingChoice(risk.category, (v) => saveChoice(() => repos.risks.update(risk.id, { category: v })));
  const [likelihood, setLikelihood] = usePendingChoice(risk.likelihood, (v) => saveChoice(() => repos.risks.update(risk.id, { likelihood: v })));
  const [impact, setImpact] = usePendingChoice(risk.impact, (v) => saveChoice(() => repos.risks.update(risk.id, { impact: v })));
  const [status, setStatus] = usePendingChoice(risk.status, (v) => saveChoice(() => repos.risks.update(risk.id, { status: v })));
  const score = riskScore({ likelihood, impact });
  const band = riskBand(score);

  const remove = async () => {
    await saveWithUndo(() => repos.risks.remove(risk.id), { message: t('risks.removed', { title: risk.title }), scope: risk.workshopId });
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
      <div className="rk-row-main" role="group" aria-label={t('risks.rowLabel', { title: risk.title })}>
        <div className="rk-row-marks">
          <span className={`rk-score rk-band-${band}`} data-testid="risk-score" title={t('risks.scoreTitle', { likelihood, impact })}>
            <span className="rk-score-num">{score}</span>
            <span className="rk-score-band">{riskBandLabel(t, band)}</span>
          </span>
          {overdue ? (
            <span className="rk-overdue-badge" data-testid="risk-overdue">
              <span aria-hidden="true">⚠ </span>
              {t('risks.overdueBadge')}
            </span>
          ) : null}
        </div>
        <div className="rk-row-line rk-row-line-1">
          <AutosaveField
            className="rk-title"
            label={t('risks.risk')}
            value={risk.title}
            required
            maxLength={SHORT_TEXT_MAX}
            onSave={(v) => repos.risks.update(risk.id, { title: v })}
          />
          <UseCaseSelect className="rk-usecase" id={`${id}-uc`} value={useCaseId} useCases={useCases} onChange={setUseCaseId} />
          <CategorySelect className="rk-category" id={`${id}-cat`} value={category} onChange={setCategory} />
        </div>
        <div className="rk-row-line rk-row-line-2">
          <LevelSelect id={`${id}-l`} label={t('risks.likelihood')} labels={levelWords(t, 'likelihood')} value={likelihood} onChange={setLikelihood} />
          <LevelSelect id={`${id}-i`} label={t('risks.impact')} labels={levelWords(t, 'impact')} value={impact} onChange={setImpact} />
          <div className="field rk-status">
            <label htmlFor={`${id}-st`}>{t('risks.statusLabel')}</label>
            <select id={`${id}-st`} value={status} onChange={(e) => setStatus(e.target.value as RiskStatus)}>
              {RISK_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {riskStatusLabel(t, s)}
                </option>
              ))}
            </select>
          </div>
          <AutosaveField className="rk-owner" label={t('risks.owner')} value={risk.owner} maxLength={SHORT_TEXT_MAX} onSave={(v) => repos.risks.update(risk.id, { owner: v })} />
          <DueDateField risk={risk} overdue={overdue} />
        </div>
      </div>
      <AutosaveField
        className="rk-mitigation"
        label={t('risks.mitigation')}
        value={risk.mitigation}
        multiline
        maxLength={LONG_TEXT_MAX}
        placeholder={t('risks.mitigationPlaceholder')}
        onSave={(v) => repos.risks.update(risk.id, { mitigation: v })}
      />
      <button type="button" className="btn btn-small btn-ghost rk-remove" aria-label={t('risks.removeLabel', { title: risk.title })} title={t('risks.removeTitle')} onClick={() => void remove()}>
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
  const { t, lang } = useT();
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
      <label htmlFor={id}>{t('risks.dueDate')}</label>
      <input
        id={id}
        value={draft}
        placeholder={t('common.isoDatePlaceholder')}
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
          {t('risks.notSaved', { message: messageText(t, lang, parsed.text) })}
        </p>
      ) : overdue ? (
        <p id={msgId} className="rk-overdue-note">
          {t('risks.wasDue', { date: readerDate(lang, risk.dueDate) })}
        </p>
      ) : null}
    </div>
  );
}
