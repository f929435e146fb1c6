// Ownership and cadence: the roles with the people who hold them, who decides what (a RACI matrix
// with exactly one Accountable per decision), and the governance meetings the roadmap will show.
import { useState, type FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { repos } from '../../app/repos';
import { save } from '../../app/persist';
import { saveWithUndo } from '../../app/undo';
import { CADENCE_FREQUENCIES, CADENCE_KINDS, LONG_TEXT_MAX, RACI, SHORT_TEXT_MAX, type CadenceEvent, type DecisionRight, type Role, type Workshop } from '../../domain/model';
import { CADENCE_KIND_LABELS, FREQUENCY_LABELS, RACI_LABELS, WEEKDAY_LABELS, cadenceSummary, raciProblems } from '../../domain/governance';
import { AutosaveField } from '../../shared/AutosaveField';
import { saveChoice, usePendingChoice } from '../../shared/use-pending-choice';
import './governance.css';

type Raci = (typeof RACI)[number];

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
  if (!data) return <div aria-busy="true" />;
  return (
    <div className="ownership">
      <header className="ownership-header">
        <h1 className="section-title">Ownership and cadence</h1>
        <p className="pipeline-hint">Who holds each role, who decides what, and when the people who steer the pilots meet.</p>
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
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) {
      setError(`${label} cannot be empty.`);
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
          Roles <span className="count">{roles.length}</span>
        </h2>
        {empty ? null : (
          <button type="button" className="btn btn-small" onClick={() => void save(() => repos.governance.addStandardOwnership(workshopId))}>
            Add missing standard roles and decisions
          </button>
        )}
      </div>
      {empty ? (
        <div className="own-empty">
          <p>
            Name who plays each part: product owner, AI technical lead, operations lead, governance sponsor — then decide who is Responsible, Accountable, Consulted
            and Informed for each decision.
          </p>
          <button type="button" className="btn btn-primary" onClick={() => void save(() => repos.governance.addStandardOwnership(workshopId))}>
            Add the standard roles and decisions
          </button>
        </div>
      ) : (
        <ul className="own-roles">
          <li className="own-role own-role-head" aria-hidden="true">
            <span>Role</span>
            <span>Person</span>
          </li>
          {roles.map((r) => (
            <li key={r.id} className="own-role" data-testid="role-row">
              <AutosaveField className="field-compact" label={`Role name: ${r.name}`} value={r.name} required maxLength={SHORT_TEXT_MAX} onSave={(v) => repos.governance.updateRole(r.id, { name: v })} />
              <div className="own-person">
                <AutosaveField
                  className="field-compact"
                  label={`Person: ${r.name}`}
                  value={r.person}
                  maxLength={SHORT_TEXT_MAX}
                  placeholder={participants.length ? 'Pick a participant or type a name' : 'Name of the person'}
                  list={participantsListId}
                  onSave={(v) => repos.governance.updateRole(r.id, { person: v })}
                />
                {r.participantId && participants.some((p) => p.id === r.participantId) ? (
                  <span className="own-linked" data-testid="role-linked" title="Renaming the participant renames the person here too">
                    Participant
                  </span>
                ) : null}
              </div>
              <button
                type="button"
                className="btn btn-ghost btn-small own-remove"
                aria-label={`Remove role ${r.name}`}
                onClick={() =>
                  void removeWithUndo(() => repos.governance.removeRole(r.id), `Removed the role “${r.name}” and its letters in the matrix.`, workshopId)
                }
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
      )}
      <AddForm label="New role" button="Add role" onAdd={(t) => repos.governance.addRole(workshopId, t)} />
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
  return (
    <section className="panel own-panel" aria-labelledby="raci-title">
      <div className="own-panel-head">
        <h2 id="raci-title">Decision rights</h2>
        <p className="raci-legend">
          {RACI.map((x) => (
            <span key={x}>
              <strong>{x}</strong> {RACI_LABELS[x]}
            </span>
          ))}
        </p>
      </div>
      {problems.length > 0 ? (
        <div className="raci-warning" role="alert" data-testid="raci-warning">
          <p>
            <strong>
              ⚠ {problems.length} {problems.length === 1 ? 'decision does' : 'decisions do'} not have exactly one Accountable role.
            </strong>{' '}
            A decision with no one accountable, or with several, is a decision nobody owns.
          </p>
          <ul>
            {problems.map((p) => (
              <li key={p.decisionId}>{p.message}</li>
            ))}
          </ul>
        </div>
      ) : rights.length > 0 && roles.length > 0 ? (
        <p className="raci-ok" data-testid="raci-ok">
          ✓ Every decision has exactly one Accountable role.
        </p>
      ) : null}
      {rights.length > 0 && roles.length > 0 ? (
        <div className="raci-scroll">
          <table className="raci-table">
            <thead>
              <tr>
                <th scope="col">Decision</th>
                {roles.map((r) => (
                  <th key={r.id} scope="col">
                    <span className="raci-role">{r.name}</span>
                    {r.person ? <span className="raci-person">{r.person}</span> : null}
                  </th>
                ))}
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rights.map((d) => (
                <tr key={d.id} className={problemOf.has(d.id) ? 'raci-row-problem' : undefined} data-testid="raci-row">
                  <th scope="row">
                    <AutosaveField
                      className="field-compact"
                      label="Decision"
                      value={d.decision}
                      required
                      maxLength={SHORT_TEXT_MAX}
                      onSave={(v) => repos.governance.renameDecision(d.id, v)}
                    />
                    {problemOf.has(d.id) ? <span className="raci-flag">{problemOf.get(d.id)?.kind === 'no-accountable' ? 'No A' : 'Several A'}</span> : null}
                  </th>
                  {roles.map((r) => (
                    <RaciCell key={r.id} right={d} role={r} />
                  ))}
                  <td>
                    <button
                      type="button"
                      className="btn btn-ghost btn-small"
                      aria-label={`Remove decision ${d.decision}`}
                      onClick={() => void removeWithUndo(() => repos.governance.removeDecision(d.id), `Removed the decision “${d.decision}”.`, workshopId)}
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
        <p className="muted">{roles.length === 0 ? 'Add roles first; the matrix has one column per role.' : 'Add the decisions whose rights you want to settle.'}</p>
      )}
      <AddForm label="New decision" button="Add decision" onAdd={(t) => repos.governance.addDecision(workshopId, t)} />
    </section>
  );
}

function CadencePanel({ workshopId, cadence }: { workshopId: string; cadence: CadenceEvent[] }) {
  return (
    <section className="panel own-panel" aria-labelledby="cadence-title">
      <div className="own-panel-head">
        <h2 id="cadence-title">
          Governance cadence <span className="count">{cadence.length}</span>
        </h2>
        {cadence.length > 0 ? (
          <button type="button" className="btn btn-small" onClick={() => void save(() => repos.governance.addStandardCadence(workshopId))}>
            Add missing standard meetings
          </button>
        ) : null}
      </div>
      {cadence.length === 0 ? (
        <div className="own-empty">
          <p>A weekly execution review, a monthly KPI governance meeting and a stage-gate session at each gate keep pilots moving. They appear on the roadmap.</p>
          <button type="button" className="btn btn-primary" onClick={() => void save(() => repos.governance.addStandardCadence(workshopId))}>
            Add the standard meetings
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
        label="New meeting"
        button="Add meeting"
        onAdd={(t) =>
          repos.governance.addCadence(workshopId, {
            kind: 'other',
            title: t,
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
  const commitTime = (v: string) => {
    setTime(v);
    if (v !== '' && !/^([01]\d|2[0-3]):[0-5]\d$/.test(v)) {
      setErrors((e) => ({ ...e, time: 'Enter the time as HH:MM, 24-hour (e.g. 09:30). Not saved.' }));
      return;
    }
    setErrors((e) => ({ ...e, time: undefined }));
    void update({ time: v });
  };
  const commitDuration = (v: string) => {
    setDuration(v);
    const n = Number(v);
    if (!/^\d+$/.test(v.trim()) || n < 5 || n > 480) {
      setErrors((e) => ({ ...e, duration: 'A meeting lasts 5 to 480 minutes. Not saved.' }));
      return;
    }
    setErrors((e) => ({ ...e, duration: undefined }));
    void update({ durationMinutes: n });
  };
  const shown: CadenceEvent = { ...c, kind, frequency, weekday, weekOfMonth };
  return (
    <li className="own-meeting" data-testid="meeting">
      <div className="own-meeting-head">
        <AutosaveField className="own-meeting-title" label="Meeting" value={c.title} required maxLength={SHORT_TEXT_MAX} onSave={(v) => repos.governance.updateCadence(c.id, { title: v })} />
        <p className="own-summary" data-testid="meeting-summary">
          {cadenceSummary(shown)}
        </p>
        <button
          type="button"
          className="btn btn-ghost btn-small"
          aria-label={`Remove meeting ${c.title}`}
          onClick={() => void removeWithUndo(() => repos.governance.removeCadence(c.id), `Removed the meeting “${c.title}”.`, workshopId)}
        >
          ✕
        </button>
      </div>
      <div className="own-meeting-fields">
        <div className="field">
          <label htmlFor={`${ids}-kind`}>Kind</label>
          <select id={`${ids}-kind`} value={kind} onChange={(e) => setKind(e.target.value as CadenceEvent['kind'])}>
            {CADENCE_KINDS.map((k) => (
              <option key={k} value={k}>
                {CADENCE_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-freq`}>How often</label>
          <select id={`${ids}-freq`} value={frequency} onChange={(e) => setFrequency(e.target.value as CadenceEvent['frequency'])}>
            {CADENCE_FREQUENCIES.map((f) => (
              <option key={f} value={f}>
                {FREQUENCY_LABELS[f]}
              </option>
            ))}
          </select>
        </div>
        {frequency === 'monthly' ? (
          <div className="field">
            <label htmlFor={`${ids}-week`}>Week of the month</label>
            <select id={`${ids}-week`} value={weekOfMonth} onChange={(e) => setWeekOfMonth(Number(e.target.value))}>
              {[1, 2, 3, 4, 5].map((n) => (
                <option key={n} value={n}>
                  {['First', 'Second', 'Third', 'Fourth', 'Last'][n - 1]}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor={`${ids}-day`}>{frequency === 'at-gates' ? 'Usual weekday' : 'Weekday'}</label>
          <select id={`${ids}-day`} value={weekday} onChange={(e) => setWeekday(Number(e.target.value))}>
            {WEEKDAY_LABELS.map((d, i) => (
              <option key={d} value={i}>
                {d}
              </option>
            ))}
          </select>
        </div>
        <div className="field own-time">
          <label htmlFor={`${ids}-time`}>Time</label>
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
          <label htmlFor={`${ids}-dur`}>Minutes</label>
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
      <AutosaveField label="Attendees" value={c.attendees} maxLength={LONG_TEXT_MAX} onSave={(v) => repos.governance.updateCadence(c.id, { attendees: v })} />
    </li>
  );
}
