// Ownership and cadence: the roles with the people who hold them, who decides what (a RACI matrix
// with exactly one Accountable per decision), and the governance meetings the roadmap will show.
import { useState, type FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { repos } from '../../app/repos';
import { save } from '../../app/persist';
import { saveWithUndo } from '../../app/undo';
import { CADENCE_FREQUENCIES, CADENCE_KINDS, LONG_TEXT_MAX, RACI, SHORT_TEXT_MAX, type CadenceEvent, type DecisionRight, type Role, type Workshop } from '../../domain/model';
import { cadenceWhen, raciProblems } from '../../domain/governance';
import { messageText } from '../../shared/message-text';
import { useT } from '../../i18n/react';
import type { AppMessageId } from '../../i18n/app-catalog';
import { AutosaveField } from '../../shared/AutosaveField';
import { saveChoice, usePendingChoice } from '../../shared/use-pending-choice';
import './governance.css';

type Raci = (typeof RACI)[number];

/** Sunday … Saturday in the reader's language ("Monday", "Montag", "lundi"), as stored (0 = Sunday). */
function weekdayNames(lang: string): string[] {
  const fmt = new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' });
  // 2023-01-01 was a Sunday.
  return Array.from({ length: 7 }, (_, i) => fmt.format(Date.UTC(2023, 0, 1 + i)));
}

/** Removes, and only once the removal is stored offers to undo it (a failure shows its own error). */
async function removeWithUndo(write: () => Promise<unknown>, message: string, workshopId: string) {
  await saveWithUndo(write, { message, scope: workshopId });
}

export function OwnershipView({ workshop }: { workshop: Workshop }) {
  const id = workshop.id;
  const data = useLiveQuery(async () => {
    const [roles, rights, cadence, participants] = await Promise.all([
      repos.governance.roles(id),
      repos.governance.rights(id),
      repos.governance.cadence(id),
      repos.participants.list(id),
    ]);
    return { roles, rights, cadence, participants: participants.map((p) => ({ id: p.id, name: p.name })) };
  }, [id]);
  const { t } = useT();
  if (!data) return <div aria-busy="true" />;
  return (
    <div className="ownership">
      <header className="ownership-header">
        <h1 className="section-title">{t('ownership.title')}</h1>
        <p className="pipeline-hint">{t('ownership.hint')}</p>
      </header>
      <RolesPanel workshopId={id} roles={data.roles} participants={data.participants} empty={data.roles.length === 0 && data.rights.length === 0} />
      <RaciPanel workshopId={id} roles={data.roles} rights={data.rights} />
      <CadencePanel workshopId={id} cadence={data.cadence} />
    </div>
  );
}

function AddForm({ label, button, onAdd }: { label: string; button: string; onAdd: (text: string) => Promise<unknown> }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const { t } = useT();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) {
      setError(t('ownership.cannotBeEmpty', { label }));
      return;
    }
    const ok = await save(async () => {
      await onAdd(text);
      return true;
    });
    if (ok) {
      setText('');
      setError(null);
    }
  };
  return (
    <form className="own-add" onSubmit={(e) => void submit(e)} noValidate>
      <label className="visually-hidden" htmlFor={`add-${button}`}>
        {label}
      </label>
      <input
        id={`add-${button}`}
        value={text}
        maxLength={SHORT_TEXT_MAX}
        placeholder={label}
        aria-invalid={error ? true : undefined}
        onChange={(e) => {
          setText(e.target.value);
          if (error) setError(null);
        }}
      />
      <button type="submit" className="btn">
        {button}
      </button>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}

function RolesPanel({
  workshopId,
  roles,
  participants,
  empty,
}: {
  workshopId: string;
  roles: Role[];
  participants: { id: string; name: string }[];
  empty: boolean;
}) {
  const participantsListId = 'own-participants';
  const { t } = useT();
  return (
    <section className="panel own-panel" aria-labelledby="roles-title">
      {/* The workshop's participants, offered in every Person field: pick one, or type any name. */}
      <datalist id={participantsListId}>
        {participants.map((p) => (
          <option key={p.id} value={p.name} />
        ))}
      </datalist>
      <div className="own-panel-head">
        <h2 id="roles-title">
          {t('ownership.roles')} <span className="count">{roles.length}</span>
        </h2>
        {empty ? null : (
          <button type="button" className="btn btn-small" onClick={() => void save(() => repos.governance.addStandardOwnership(workshopId))}>
            {t('ownership.addMissingRoles')}
          </button>
        )}
      </div>
      {empty ? (
        <div className="own-empty">
          <p>{t('ownership.emptyRoles')}</p>
          <button type="button" className="btn btn-primary" onClick={() => void save(() => repos.governance.addStandardOwnership(workshopId))}>
            {t('ownership.addStandardRoles')}
          </button>
        </div>
      ) : (
        <ul className="own-roles">
          <li className="own-role own-role-head" aria-hidden="true">
            <span>{t('ownership.role')}</span>
            <span>{t('ownership.person')}</span>
          </li>
          {roles.map((r) => (
            <li key={r.id} className="own-role" data-testid="role-row">
              <AutosaveField className="field-compact" label={t('ownership.roleName', { name: r.name })} value={r.name} required maxLength={SHORT_TEXT_MAX} onSave={(v) => repos.governance.updateRole(r.id, { name: v })} />
              <div className="own-person">
                <AutosaveField
                  className="field-compact"
                  label={t('ownership.personOf', { name: r.name })}
                  value={r.person}
                  maxLength={SHORT_TEXT_MAX}
                  placeholder={participants.length ? t('ownership.pickParticipant') : t('ownership.personName')}
                  list={participantsListId}
                  onSave={(v) => repos.governance.updateRole(r.id, { person: v })}
                />
                {r.participantId && participants.some((p) => p.id === r.participantId) ? (
                  <span className="own-linked" data-testid="role-linked" title={t('ownership.linkedTitle')}>
                    {t('ownership.participant')}
                  </span>
                ) : null}
              </div>
              <button
                type="button"
                className="btn btn-ghost btn-small own-remove"
                aria-label={t('ownership.removeRole', { name: r.name })}
                onClick={() =>
                  void removeWithUndo(() => repos.governance.removeRole(r.id), t('ownership.removedRole', { name: r.name }), workshopId)
                }
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
      )}
      <AddForm label={t('ownership.newRole')} button={t('ownership.addRole')} onAdd={(text) => repos.governance.addRole(workshopId, text)} />
    </section>
  );
}

function RaciCell({ right, role }: { right: DecisionRight; role: Role }) {
  const stored = right.assignments.find((a) => a.roleId === role.id)?.raci ?? '';
  const [value, setValue] = usePendingChoice<Raci | ''>(stored, (v) => saveChoice(() => repos.governance.setRaci(right.id, role.id, v === '' ? null : v)));
  return (
    <td className={`raci-cell raci-${value || 'none'}`}>
      <select aria-label={`${right.decision}: ${role.name}`} value={value} onChange={(e) => setValue(e.target.value as Raci | '')}>
        <option value="">—</option>
        {RACI.map((x) => (
          <option key={x} value={x}>
            {x}
          </option>
        ))}
      </select>
    </td>
  );
}

function RaciPanel({ workshopId, roles, rights }: { workshopId: string; roles: Role[]; rights: DecisionRight[] }) {
  const problems = raciProblems(rights, roles);
  const problemOf = new Map(problems.map((p) => [p.decisionId, p]));
  const { t, lang } = useT();
  return (
    <section className="panel own-panel" aria-labelledby="raci-title">
      <div className="own-panel-head">
        <h2 id="raci-title">{t('ownership.decisionRights')}</h2>
        <p className="raci-legend">
          {RACI.map((x) => (
            <span key={x}>
              <strong>{x}</strong> {t(`ownership.raci.${x}` as AppMessageId)}
            </span>
          ))}
        </p>
      </div>
      {problems.length > 0 ? (
        <div className="raci-warning" role="alert" data-testid="raci-warning">
          <p>
            <strong>{t('ownership.problems', { count: problems.length })}</strong> {t('ownership.problemsWhy')}
          </p>
          <ul>
            {problems.map((p) => (
              <li key={p.decisionId}>{messageText(t, lang, p.text)}</li>
            ))}
          </ul>
        </div>
      ) : rights.length > 0 && roles.length > 0 ? (
        <p className="raci-ok" data-testid="raci-ok">
          {t('ownership.raciOk')}
        </p>
      ) : null}
      {rights.length > 0 && roles.length > 0 ? (
        <div className="raci-scroll">
          <table className="raci-table">
            <thead>
              <tr>
                <th scope="col">{t('ownership.decision')}</th>
                {roles.map((r) => (
                  <th key={r.id} scope="col">
                    <span className="raci-role">{r.name}</span>
                    {r.person ? <span className="raci-person">{r.person}</span> : null}
                  </th>
                ))}
                <th scope="col">
                  <span className="visually-hidden">{t('ownership.remove')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rights.map((d) => (
                <tr key={d.id} className={problemOf.has(d.id) ? 'raci-row-problem' : undefined} data-testid="raci-row">
                  <th scope="row">
                    <AutosaveField
                      className="field-compact"
                      label={t('ownership.decision')}
                      value={d.decision}
                      required
                      maxLength={SHORT_TEXT_MAX}
                      onSave={(v) => repos.governance.renameDecision(d.id, v)}
                    />
                    {problemOf.has(d.id) ? <span className="raci-flag">{problemOf.get(d.id)?.kind === 'no-accountable' ? t('ownership.noA') : t('ownership.severalA')}</span> : null}
                  </th>
                  {roles.map((r) => (
                    <RaciCell key={r.id} right={d} role={r} />
                  ))}
                  <td>
                    <button
                      type="button"
                      className="btn btn-ghost btn-small"
                      aria-label={t('ownership.removeDecision', { name: d.decision })}
                      onClick={() => void removeWithUndo(() => repos.governance.removeDecision(d.id), t('ownership.removedDecision', { name: d.decision }), workshopId)}
                    >
                      ✕
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">{roles.length === 0 ? t('ownership.addRolesFirst') : t('ownership.addDecisionsHint')}</p>
      )}
      <AddForm label={t('ownership.newDecision')} button={t('ownership.addDecision')} onAdd={(text) => repos.governance.addDecision(workshopId, text)} />
    </section>
  );
}

function CadencePanel({ workshopId, cadence }: { workshopId: string; cadence: CadenceEvent[] }) {
  const { t } = useT();
  return (
    <section className="panel own-panel" aria-labelledby="cadence-title">
      <div className="own-panel-head">
        <h2 id="cadence-title">
          {t('ownership.cadence')} <span className="count">{cadence.length}</span>
        </h2>
        {cadence.length > 0 ? (
          <button type="button" className="btn btn-small" onClick={() => void save(() => repos.governance.addStandardCadence(workshopId))}>
            {t('ownership.addMissingMeetings')}
          </button>
        ) : null}
      </div>
      {cadence.length === 0 ? (
        <div className="own-empty">
          <p>{t('ownership.emptyCadence')}</p>
          <button type="button" className="btn btn-primary" onClick={() => void save(() => repos.governance.addStandardCadence(workshopId))}>
            {t('ownership.addMeetings')}
          </button>
        </div>
      ) : (
        <ul className="own-meetings">
          {cadence.map((c) => (
            <Meeting key={c.id} c={c} workshopId={workshopId} />
          ))}
        </ul>
      )}
      <AddForm
        label={t('ownership.newMeeting')}
        button={t('ownership.addMeeting')}
        onAdd={(text) =>
          repos.governance.addCadence(workshopId, {
            kind: 'other',
            title: text,
            frequency: 'weekly',
            weekday: 1,
            weekOfMonth: 1,
            time: '',
            durationMinutes: 60,
            attendees: '',
          })
        }
      />
    </section>
  );
}

function Meeting({ c, workshopId }: { c: CadenceEvent; workshopId: string }) {
  const update = (patch: Parameters<typeof repos.governance.updateCadence>[1]) => saveChoice(() => repos.governance.updateCadence(c.id, patch));
  const [kind, setKind] = usePendingChoice(c.kind, (v) => update({ kind: v }));
  const [frequency, setFrequency] = usePendingChoice(c.frequency, (v) => update({ frequency: v }));
  const [weekday, setWeekday] = usePendingChoice(c.weekday, (v) => update({ weekday: v }));
  const [weekOfMonth, setWeekOfMonth] = usePendingChoice(c.weekOfMonth, (v) => update({ weekOfMonth: v }));
  const [time, setTime] = useState(c.time);
  const [timeSeen, setTimeSeen] = useState(c.time);
  const [duration, setDuration] = useState(String(c.durationMinutes));
  const [durationSeen, setDurationSeen] = useState(c.durationMinutes);
  const [errors, setErrors] = useState<{ time?: string; duration?: string }>({});
  if (c.time !== timeSeen) {
    setTimeSeen(c.time);
    setTime(c.time);
  }
  if (c.durationMinutes !== durationSeen) {
    setDurationSeen(c.durationMinutes);
    setDuration(String(c.durationMinutes));
  }
  const ids = `meeting-${c.id}`;
  const { t, lang } = useT();
  const commitTime = (v: string) => {
    setTime(v);
    if (v !== '' && !/^([01]\d|2[0-3]):[0-5]\d$/.test(v)) {
      setErrors((e) => ({ ...e, time: t('ownership.timeError') }));
      return;
    }
    setErrors((e) => ({ ...e, time: undefined }));
    void update({ time: v });
  };
  const commitDuration = (v: string) => {
    setDuration(v);
    const n = Number(v);
    if (!/^\d+$/.test(v.trim()) || n < 5 || n > 480) {
      setErrors((e) => ({ ...e, duration: t('ownership.durationError') }));
      return;
    }
    setErrors((e) => ({ ...e, duration: undefined }));
    void update({ durationMinutes: n });
  };
  const shown: CadenceEvent = { ...c, kind, frequency, weekday, weekOfMonth };
  return (
    <li className="own-meeting" data-testid="meeting">
      <div className="own-meeting-head">
        <AutosaveField className="own-meeting-title" label={t('ownership.meeting')} value={c.title} required maxLength={SHORT_TEXT_MAX} onSave={(v) => repos.governance.updateCadence(c.id, { title: v })} />
        <p className="own-summary" data-testid="meeting-summary">
          {messageText(t, lang, cadenceWhen(shown))}
        </p>
        <button
          type="button"
          className="btn btn-ghost btn-small"
          aria-label={t('ownership.removeMeeting', { name: c.title })}
          onClick={() => void removeWithUndo(() => repos.governance.removeCadence(c.id), t('ownership.removedMeeting', { name: c.title }), workshopId)}
        >
          ✕
        </button>
      </div>
      <div className="own-meeting-fields">
        <div className="field">
          <label htmlFor={`${ids}-kind`}>{t('ownership.kind')}</label>
          <select id={`${ids}-kind`} value={kind} onChange={(e) => setKind(e.target.value as CadenceEvent['kind'])}>
            {CADENCE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`ownership.kind.${k}` as AppMessageId)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-freq`}>{t('ownership.howOften')}</label>
          <select id={`${ids}-freq`} value={frequency} onChange={(e) => setFrequency(e.target.value as CadenceEvent['frequency'])}>
            {CADENCE_FREQUENCIES.map((f) => (
              <option key={f} value={f}>
                {t(`ownership.freq.${f}` as AppMessageId)}
              </option>
            ))}
          </select>
        </div>
        {frequency === 'monthly' ? (
          <div className="field">
            <label htmlFor={`${ids}-week`}>{t('ownership.weekOfMonth')}</label>
            <select id={`${ids}-week`} value={weekOfMonth} onChange={(e) => setWeekOfMonth(Number(e.target.value))}>
              {[1, 2, 3, 4, 5].map((n) => (
                <option key={n} value={n}>
                  {t('ownership.ordinal', { n: String(n) })}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor={`${ids}-day`}>{frequency === 'at-gates' ? t('ownership.usualWeekday') : t('ownership.weekday')}</label>
          <select id={`${ids}-day`} value={weekday} onChange={(e) => setWeekday(Number(e.target.value))}>
            {weekdayNames(lang).map((d, i) => (
              <option key={d} value={i}>
                {d}
              </option>
            ))}
          </select>
        </div>
        <div className="field own-time">
          <label htmlFor={`${ids}-time`}>{t('ownership.time')}</label>
          <input
            id={`${ids}-time`}
            value={time}
            placeholder="HH:MM"
            maxLength={5}
            aria-invalid={errors.time ? true : undefined}
            aria-describedby={errors.time ? `${ids}-time-err` : undefined}
            onChange={(e) => commitTime(e.target.value)}
          />
          {errors.time ? (
            <p className="field-error" id={`${ids}-time-err`} role="alert">
              {errors.time}
            </p>
          ) : null}
        </div>
        <div className="field own-duration">
          <label htmlFor={`${ids}-dur`}>{t('ownership.minutes')}</label>
          <input
            id={`${ids}-dur`}
            inputMode="numeric"
            value={duration}
            maxLength={3}
            aria-invalid={errors.duration ? true : undefined}
            aria-describedby={errors.duration ? `${ids}-dur-err` : undefined}
            onChange={(e) => commitDuration(e.target.value)}
          />
          {errors.duration ? (
            <p className="field-error" id={`${ids}-dur-err`} role="alert">
              {errors.duration}
            </p>
          ) : null}
        </div>
      </div>
      <AutosaveField label={t('ownership.attendees')} value={c.attendees} maxLength={LONG_TEXT_MAX} onSave={(v) => repos.governance.updateCadence(c.id, { attendees: v })} />
    </li>
  );
}
