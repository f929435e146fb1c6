import { useState, type FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { repos } from '../../app/repos';
import { save } from '../../app/persist';
import { saveWithUndo } from '../../app/undo';
import { PARTICIPANT_ROLES, SHORT_TEXT_MAX, type Participant } from '../../domain/model';
import { ROLE_LABELS, type ParticipantRole } from '../../domain/participant-csv';
import { describeRemoval, participantRemovalImpact } from '../../domain/participant-removal';
import { AutosaveField } from '../../shared/AutosaveField';
import { Dialog } from '../../shared/Dialog';
import { ScoreImportDialog } from './ScoreImportDialog';
import './participants.css';

export function ParticipantsView({ workshopId }: { workshopId: string }) {
  const participants = useLiveQuery(() => repos.participants.list(workshopId), [workshopId]);
  const [importing, setImporting] = useState(false);
  return (
    <div className="participants">
      <section className="panel participants-pane" aria-labelledby="participants-title">
        <div className="pane-header">
          <h1 id="participants-title" className="section-title">
            Participants <span className="count">{participants?.length ?? 0}</span>
          </h1>
          <button type="button" className="btn btn-small" onClick={() => setImporting(true)}>
            Import scores from a spreadsheet…
          </button>
        </div>
        <p className="muted">The people in the room who score the use cases. Scores stay hidden until the facilitator reveals a round.</p>
        <AddParticipant workshopId={workshopId} />
        <ul className="participant-list" aria-label="Participants">
          {(participants ?? []).map((p) => (
            <ParticipantRow key={p.id} participant={p} />
          ))}
        </ul>
        {participants && participants.length === 0 ? (
          <p className="empty-hint">No participants yet. Add the people who will score, or import a score sheet.</p>
        ) : null}
      </section>
      <ScoreImportDialog workshopId={workshopId} open={importing} onClose={() => setImporting(false)} />
    </div>
  );
}

function RoleSelect({ id, value, onChange }: { id: string; value: ParticipantRole; onChange: (r: ParticipantRole) => void }) {
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value as ParticipantRole)}>
      {PARTICIPANT_ROLES.map((r) => (
        <option key={r} value={r}>
          {ROLE_LABELS[r]}
        </option>
      ))}
    </select>
  );
}

function AddParticipant({ workshopId }: { workshopId: string }) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<ParticipantRole>('product-owner');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return setError('Type the participant’s name.');
    const existing = await repos.participants.list(workshopId);
    if (existing.some((p) => p.name.trim().toLowerCase() === name.trim().toLowerCase())) return setError(`${name.trim()} is already a participant.`);
    setError(null);
    const added = await save(() => repos.participants.add(workshopId, { name, role }));
    if (added) setName('');
    document.getElementById('participant-name')?.focus();
  };
  return (
    <form className="add-participant" onSubmit={submit}>
      <div className="field">
        <label htmlFor="participant-name">Name</label>
        <input
          id="participant-name"
          value={name}
          maxLength={SHORT_TEXT_MAX}
          autoComplete="off"
          onChange={(e) => {
            setName(e.target.value);
            setError(null);
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'participant-error' : undefined}
        />
      </div>
      <div className="field">
        <label htmlFor="participant-role">Role</label>
        <RoleSelect id="participant-role" value={role} onChange={setRole} />
      </div>
      <button type="submit" className="btn btn-primary">
        Add participant
      </button>
      {error ? (
        <p id="participant-error" className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}

function ParticipantRow({ participant: p }: { participant: Participant }) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const remove = async () => {
    setConfirming(null);
    await saveWithUndo(() => repos.participants.remove(p.id), { message: `Removed ${p.name} and their scores.`, scope: p.workshopId });
  };
  // Someone without scores goes at once (Undo brings them back); someone with scores only after
  // the person has read what changes.
  const ask = async () => {
    const impact = participantRemovalImpact(p.id, await repos.scoring.portfolioRows(p.workshopId));
    if (impact.scores === 0) return remove();
    setConfirming(describeRemoval(p.name, impact));
  };
  return (
    <li className="participant-row">
      <AutosaveField label="Name" value={p.name} onSave={(v) => repos.participants.update(p.id, { name: v })} maxLength={SHORT_TEXT_MAX} required />
      <div className="field">
        <label htmlFor={`role-${p.id}`}>Role</label>
        <RoleSelect id={`role-${p.id}`} value={p.role} onChange={(role) => void save(() => repos.participants.update(p.id, { role }))} />
      </div>
      <button type="button" className="btn btn-small btn-danger" aria-label={`Remove ${p.name}`} onClick={() => void ask()}>
        Remove
      </button>
      <Dialog title={`Remove ${p.name}?`} open={confirming !== null} onClose={() => setConfirming(null)}>
        <p data-testid="remove-participant-warning">{confirming}</p>
        <p className="muted">You can undo this with Undo (Ctrl+Z) in this workshop.</p>
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={() => setConfirming(null)}>
            Keep {p.name}
          </button>
          <button type="button" className="btn btn-danger" onClick={() => void remove()}>
            Remove {p.name} and their scores
          </button>
        </div>
      </Dialog>
    </li>
  );
}
