// The review a move on the pipeline needs: the gate's criteria (pass / fail / not applicable,
// with evidence), the decision and where it leaves the use case, the rationale, who decided, who
// owns the next actions, and the date. Recording appends a sealed entry to the decision log; the
// draft is kept in local storage until then, so closing the dialog by mistake loses nothing.
import type { Language } from '../../domain/languages';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { repos } from '../../app/repos';
import { save } from '../../app/persist';
import { useAppStore } from '../../app/store';
import { Dialog } from '../../shared/Dialog';
import { loadDraft, storeDraft } from '../../shared/draft-storage';
import type { GateResult, Stage, Workshop } from '../../domain/model';
import { useT } from '../../i18n/react';
import type { AppMessageId } from '../../i18n/app-catalog';
import { decisionLabel, proposalLabel, stageLabel, verdictLabel } from '../../shared/stage-words';
import { todayIso } from '../../domain/dates';
import { formatList } from '../../domain/locale-format';
import type { ReadinessVerdict } from '../../domain/readiness';
import {
  PIPELINE,
  classifyMove,
  criteriaFor,
  shippedCriterion,
  decisionsFor,
  resultingStage,
  stageIndex,
  validateGateDraft,
  validateGateDraftMessages,
  type GateDraft,
  type GateDraftErrors,
} from '../../domain/stages';
import {
  criterionConflictMessages,
  criterionConflicts,
  gateEvidence,
  hasReviewErrors,
  proposeGateDecision,
  reviewErrorMessages,
  reviewsEvidence,
  validateReview,
  type ReviewErrorMessages,
} from '../../domain/gate-review';
import type { Message } from '../../domain/message';
import { messageText } from '../../shared/message-text';
import { usePackSay } from './use-pack-say';
import { englishTranslator, loadAppCatalog } from '../../i18n/app-catalog';
import { englishPack, loadPackTranslator } from '../../i18n/pack-catalog';
import { GateEvidencePanel, GateProposalBox } from './GateEvidencePanel';

type Props = {
  workshop: Workshop;
  useCaseId: string;
  title: string;
  verdict: ReadinessVerdict;
  from: Stage;
  to: Stage;
  onClose: () => void;
};

const RESULT_LABELS: Record<GateResult, AppMessageId> = { pass: 'gate.result.pass', fail: 'gate.result.fail', 'n/a': 'gate.result.na' };

function freshDraft(from: Stage, to: Stage, language: Language): GateDraft {
  const options = decisionsFor(from, to);
  return {
    from,
    to,
    decision: options.length === 1 ? (options[0] ?? null) : null,
    // In the workshop's language: the names are copied into the decision, then are its data.
    criteria: criteriaFor(from, to, language).map((name) => ({ name, result: null, evidence: '' })),
    rationale: '',
    decidedBy: '',
    nextActionsOwner: '',
    date: todayIso(),
  };
}

function restoreDraft(key: string, from: Stage, to: Stage, language: Language): GateDraft {
  const fresh = freshDraft(from, to, language);
  try {
    const saved = JSON.parse(loadDraft(key) || 'null') as Partial<GateDraft> | null;
    if (!saved || typeof saved !== 'object') return fresh;
    const criteria = fresh.criteria.map((c) => {
      const old = Array.isArray(saved.criteria) ? saved.criteria.find((s) => s && s.name === c.name) : undefined;
      return old && (old.result === null || ['pass', 'fail', 'n/a'].includes(old.result)) && typeof old.evidence === 'string'
        ? { ...c, result: old.result, evidence: old.evidence, justification: typeof old.justification === 'string' ? old.justification : '' }
        : c;
    });
    const text = (v: unknown, d: string) => (typeof v === 'string' ? v : d);
    const decision = decisionsFor(from, to).includes(saved.decision as never) ? (saved.decision ?? null) : fresh.decision;
    return {
      ...fresh,
      criteria,
      decision,
      rationale: text(saved.rationale, ''),
      decidedBy: text(saved.decidedBy, ''),
      nextActionsOwner: text(saved.nextActionsOwner, ''),
      date: text(saved.date, fresh.date),
      overrideReason: text(saved.overrideReason, ''),
    };
  } catch {
    return fresh;
  }
}

const MOVE_TITLES: Record<ReturnType<typeof classifyMove>, AppMessageId> = {
  gate: 'gate.move.gate',
  skip: 'gate.move.skip',
  back: 'gate.move.back',
  stop: 'gate.move.stop',
  're-enter': 'gate.move.reEnter',
  none: 'gate.move.none',
};

export function GateReviewDialog({ workshop, useCaseId, title, verdict, from, to, onClose }: Props) {
  const kind = classifyMove(from, to);
  const { t, lang, locale } = useT();
  const say = (m: Message) => messageText(t, lang, m);
  const packSay = usePackSay(locale);
  const draftKey = `gate:${useCaseId}:${from}:${to}`;
  const [draft, setDraft] = useState<GateDraft>(() => restoreDraft(draftKey, from, to, workshop.language));
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const ids = useId();
  const people = useLiveQuery(async () => {
    const [participants, roles] = await Promise.all([repos.participants.list(workshop.id), repos.governance.roles(workshop.id)]);
    const names = [...participants.map((p) => p.name), ...roles.map((r) => r.person)].map((n) => n.trim()).filter(Boolean);
    return [...new Set(names)].sort((a, b) => a.localeCompare(b));
  }, [workshop.id]);

  // The evidence is read live: a measurement added in another window changes the proposal here too.
  const weighs = reviewsEvidence(from, to);
  const gate = useLiveQuery(
    async () => (weighs ? { useCase: await repos.useCases.get(useCaseId), rows: await repos.pipeline.gateRows(useCaseId) } : null),
    [useCaseId, weighs],
  );
  const evidence = useMemo(() => (gate?.useCase ? gateEvidence(gate.useCase, gate.rows, from, to, todayIso()) : null), [gate, from, to]);
  // In the reader's language; the repository works the proposal out again (in English) to seal it.
  const proposal = useMemo(() => (evidence ? proposeGateDecision(evidence, packSay) : null), [evidence, packSay]);
  const conflicts = useMemo(() => draft.criteria.map((c) => (evidence ? criterionConflicts(c.name, evidence) : [])), [draft.criteria, evidence]);
  const conflictMessages = useMemo(() => draft.criteria.map((c) => (evidence ? criterionConflictMessages(c.name, evidence) : [])), [draft.criteria, evidence]);
  const differs = proposal !== null && draft.decision !== null && draft.decision !== proposal.decision;

  useEffect(() => storeDraft(draftKey, JSON.stringify(draft)), [draftKey, draft]);
  // After a first attempt, errors follow the typing so they clear as fields are fixed.
  const errors: Partial<Record<keyof GateDraftErrors, Message>> = useMemo(() => (submitted ? validateGateDraftMessages(draft) : {}), [draft, submitted]);
  const reviewErrors: ReviewErrorMessages = useMemo(() => (submitted ? reviewErrorMessages(draft, proposal, conflicts) : {}), [draft, proposal, conflicts, submitted]);

  const options = decisionsFor(from, to);
  const skipped = kind === 'skip' ? PIPELINE.slice(stageIndex(from) + 1, stageIndex(to)) : [];
  const outcome = draft.decision ? resultingStage(draft.decision, from, to) : null;
  const set = <K extends keyof GateDraft>(k: K, v: GateDraft[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const setCriterion = (i: number, patch: Partial<GateDraft['criteria'][number]>) =>
    setDraft((d) => ({ ...d, criteria: d.criteria.map((c, j) => (j === i ? { ...c, ...patch } : c)) }));
  const tally = useMemo(() => {
    const n = { pass: 0, fail: 0, 'n/a': 0, open: 0 };
    for (const c of draft.criteria) n[c.result ?? 'open']++;
    return n;
  }, [draft.criteria]);

  const submit = async () => {
    setSubmitted(true);
    const found = validateGateDraft(draft);
    if (weighs && !gate) return; // the evidence is still loading: nothing to weigh yet
    if (Object.keys(found).length > 0 || hasReviewErrors(validateReview(draft, proposal, conflicts))) {
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], .gate-criteria-error')?.focus());
      return;
    }
    setBusy(true);
    // The proposal and the contradictions are sealed in the workshop's language, as the pack prints them.
    const [app, pack] = await Promise.all([loadAppCatalog(workshop.language), loadPackTranslator(workshop.language)]).catch(() => [englishTranslator, englishPack] as const);
    const entry = await save(() => repos.pipeline.recordDecision(useCaseId, draft, todayIso(), { say: (m) => messageText(app.t, app.lang, m), pack: pack.t }));
    setBusy(false);
    if (!entry) return;
    storeDraft(draftKey, '');
    const message = t('gate.recorded', { seq: entry.seq, decision: decisionLabel(t, entry.decision), title, stage: stageLabel(t, entry.toStage) });
    // Moved on to a later stage while on the roadmap: offer to plan what remains from today.
    const movedOn = entry.toStage !== 'stopped' && stageIndex(entry.toStage) > stageIndex(from);
    const planned = movedOn && (await repos.roadmap.list(workshop.id)).some((i) => i.useCaseId === useCaseId);
    useAppStore.getState().showToast(
      planned
        ? { tone: 'success', message: t('gate.roadmapStale', { message }), action: { label: t('gate.replan'), run: () => void replan() } }
        : { tone: 'success', message },
    );
    onClose();
  };
  const replan = async () => {
    const done = await save(() => repos.roadmap.replanRemaining(useCaseId, todayIso()));
    if (done === undefined) return;
    useAppStore.getState().showToast({
      tone: 'success',
      message: done ? t('gate.replanned', { title, label: done.label, day: done.day }) : t('gate.replanNothing', { title }),
    });
  };
  const discard = () => {
    storeDraft(draftKey, '');
    onClose();
  };

  const err = (k: keyof GateDraftErrors) =>
    errors[k] ? (
      <p className="field-error" id={`${ids}-${k}-error`}>
        {say(errors[k])}
      </p>
    ) : null;
  const invalid = (k: keyof GateDraftErrors) => (errors[k] ? { 'aria-invalid': true as const, 'aria-describedby': `${ids}-${k}-error` } : {});

  return (
    <Dialog title={t('gate.dialogTitle', { move: t(MOVE_TITLES[kind]), title })} open onClose={onClose} wide>
      <form
        ref={formRef}
        className="gate-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <p className="gate-move">
          <span className="stage-pill">{stageLabel(t, from)}</span> → <span className="stage-pill">{stageLabel(t, to)}</span>
        </p>
        {kind === 'skip' ? (
          <p className="gate-notice" role="note">
            {t('gate.skipNotice', { stages: formatList(lang, skipped.map((s) => stageLabel(t, s))) })}
          </p>
        ) : null}
        {kind === 'back' ? <p className="gate-notice">{t('gate.backNotice')}</p> : null}
        {kind === 're-enter' ? <p className="gate-notice">{t('gate.reEnterNotice')}</p> : null}
        {from === 'readiness' && (kind === 'gate' || kind === 'skip') ? (
          <div className={`gate-verdict pl-verdict-${verdict.verdict}`}>
            <strong>{t('gate.readinessVerdict', { verdict: verdictLabel(t, verdict.verdict) })}</strong>
            <ul>
              {verdict.reasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          </div>
        ) : null}

        {weighs && evidence ? (
          <>
            {/* The proposal first, so it is in view at 1280×720; the evidence that drives it follows. */}
            <GateProposalBox proposal={proposal} from={from} to={to} chosen={draft.decision} onFollow={() => proposal && set('decision', proposal.decision)} />
            <GateEvidencePanel evidence={evidence} workshopId={workshop.id} useCaseId={useCaseId} />
          </>
        ) : null}
        {weighs && !gate ? <p className="muted">{t('gate.gathering')}</p> : null}

        {draft.criteria.length > 0 ? (
          <fieldset className="gate-criteria">
            <legend>
              {t('gate.criteria')}{' '}
              <span className="gate-tally">{t('gate.tally', { pass: tally.pass, fail: tally.fail, na: tally['n/a'], open: tally.open })}</span>
            </legend>
            {errors.criteria ? (
              <p className="field-error gate-criteria-error" tabIndex={-1} role="alert">
                {say(errors.criteria)}
              </p>
            ) : null}
            <ol>
              {draft.criteria.map((c, i) => (
                <li key={c.name} className={`gate-criterion gate-criterion-${c.result ?? 'open'}`} lang={shippedCriterion(c.name)?.language}>
                  <div className="gate-criterion-head">
                    <span className="gate-criterion-name" id={`${ids}-c${i}`}>
                      {c.name}
                    </span>
                    <div className="segmented" role="radiogroup" aria-labelledby={`${ids}-c${i}`}>
                      {(['pass', 'fail', 'n/a'] as const).map((r) => (
                        <label key={r} className={`seg seg-${r === 'n/a' ? 'na' : r}${c.result === r ? ' seg-on' : ''}`}>
                          <input type="radio" name={`${ids}-c${i}`} checked={c.result === r} onChange={() => setCriterion(i, { result: r })} />
                          {t(RESULT_LABELS[r])}
                        </label>
                      ))}
                    </div>
                  </div>
                  {shippedCriterion(c.name)?.help ? <p className="gate-criterion-help">{shippedCriterion(c.name)?.help}</p> : null}
                  <input
                    className="gate-evidence"
                    aria-label={t('gate.evidenceLabel', { name: c.name })}
                    placeholder={t('gate.evidencePlaceholder')}
                    value={c.evidence}
                    maxLength={2000}
                    onChange={(e) => setCriterion(i, { evidence: e.target.value })}
                  />
                  {conflicts[i]?.length ? (
                    <div className={`gate-conflict${c.result === 'pass' ? ' gate-conflict-pass' : ''}`} data-testid="gate-conflict">
                      <p className="gate-conflict-head">{c.result === 'pass' ? t('gate.dataOtherwisePass') : t('gate.dataOtherwise')}</p>
                      <ul>
                        {(conflictMessages[i] ?? []).map((x, j) => (
                          <li key={j}>{say(x)}</li>
                        ))}
                      </ul>
                      {c.result === 'pass' ? (
                        <>
                          <label className="visually-hidden" htmlFor={`${ids}-j${i}`}>
                            {t('gate.justificationFor', { name: c.name })}
                          </label>
                          <textarea
                            id={`${ids}-j${i}`}
                            rows={2}
                            maxLength={20_000}
                            placeholder={t('gate.justificationPlaceholder')}
                            value={c.justification ?? ''}
                            onChange={(e) => setCriterion(i, { justification: e.target.value })}
                            {...(reviewErrors.justifications?.[i]
                              ? { 'aria-invalid': true as const, 'aria-describedby': `${ids}-j${i}-error` }
                              : {})}
                          />
                          {reviewErrors.justifications?.[i] ? (
                            <p className="field-error" id={`${ids}-j${i}-error`}>
                              {say(reviewErrors.justifications[i])}
                            </p>
                          ) : null}
                        </>
                      ) : null}
                    </div>
                  ) : null}
                </li>
              ))}
            </ol>
          </fieldset>
        ) : null}

        {options.length > 1 ? (
          <fieldset className="gate-decisions">
            <legend>{t('gate.decision')}</legend>
            {err('decision')}
            <div className="gate-decision-options">
              {options.map((o) => (
                <label key={o} className={`gate-decision${draft.decision === o ? ' gate-decision-on' : ''}`}>
                  <input type="radio" name={`${ids}-decision`} checked={draft.decision === o} onChange={() => set('decision', o)} />
                  <span>
                    <strong>{decisionLabel(t, o)}</strong>
                    <span className="gate-decision-to">→ {stageLabel(t, resultingStage(o, from, to))}</span>
                    {proposal?.decision === o ? <span className="gate-proposed-tag">{t('gate.proposed')}</span> : null}
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
        ) : null}

        {differs && proposal ? (
          <div className="field gate-override">
            <label htmlFor={`${ids}-override`}>
              {t('gate.overrideQuestion', { decision: draft.decision ? decisionLabel(t, draft.decision) : '', proposal: proposalLabel(t, proposal.recommendation) })}
            </label>
            <textarea
              id={`${ids}-override`}
              rows={2}
              maxLength={20_000}
              value={draft.overrideReason ?? ''}
              onChange={(e) => set('overrideReason', e.target.value)}
              {...(reviewErrors.overrideReason ? { 'aria-invalid': true as const, 'aria-describedby': `${ids}-override-error` } : {})}
            />
            {reviewErrors.overrideReason ? (
              <p className="field-error" id={`${ids}-override-error`}>
                {say(reviewErrors.overrideReason)}
              </p>
            ) : (
              <p className="field-hint">{t('gate.overrideHint')}</p>
            )}
          </div>
        ) : null}

        <div className="field">
          <label htmlFor={`${ids}-rationale`}>{kind === 'gate' || kind === 'skip' ? t('gate.rationale') : t('gate.reason')}</label>
          <textarea
            id={`${ids}-rationale`}
            rows={3}
            maxLength={20_000}
            value={draft.rationale}
            onChange={(e) => set('rationale', e.target.value)}
            {...invalid('rationale')}
          />
          {err('rationale')}
        </div>
        <div className="gate-people">
          <div className="field">
            <label htmlFor={`${ids}-by`}>{t('gate.decidedBy')}</label>
            <input id={`${ids}-by`} list={`${ids}-people`} maxLength={300} value={draft.decidedBy} onChange={(e) => set('decidedBy', e.target.value)} {...invalid('decidedBy')} />
            {err('decidedBy')}
          </div>
          {draft.decision !== 'stop' ? (
            <div className="field">
              <label htmlFor={`${ids}-owner`}>{t('gate.nextOwner')}</label>
              <input
                id={`${ids}-owner`}
                list={`${ids}-people`}
                maxLength={300}
                value={draft.nextActionsOwner}
                onChange={(e) => set('nextActionsOwner', e.target.value)}
                {...invalid('nextActionsOwner')}
              />
              {err('nextActionsOwner')}
            </div>
          ) : null}
          <div className="field gate-date">
            <label htmlFor={`${ids}-date`}>{t('gate.date')}</label>
            <input id={`${ids}-date`} type="date" value={draft.date} onChange={(e) => set('date', e.target.value)} {...invalid('date')} />
            {err('date')}
          </div>
          <datalist id={`${ids}-people`}>
            {(people ?? []).map((p) => (
              <option key={p} value={p} />
            ))}
          </datalist>
        </div>

        <footer className="gate-footer">
          <p className="field-hint">
            {outcome ? (
              <>
                {t('gate.recordingPuts', { title })} <strong>{stageLabel(t, outcome)}</strong>.{' '}
              </>
            ) : null}
            {t('gate.appendOnly')}
          </p>
          <div className="gate-buttons">
            <button type="button" className="btn" onClick={discard}>
              {t('gate.discard')}
            </button>
            <button type="button" className="btn" onClick={onClose} title={t('gate.keepDraftTitle')}>
              {t('gate.keepDraft')}
            </button>
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {t('gate.record')}
            </button>
          </div>
        </footer>
      </form>
    </Dialog>
  );
}
