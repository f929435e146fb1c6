import { useState, type FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { repos } from '../../app/repos';
import { save } from '../../app/persist';
import { saveWithUndo } from '../../app/undo';
import { PARTICIPANT_ROLES, SHORT_TEXT_MAX, type Participant } from '../../domain/model';
import type { ParticipantRole } from '../../domain/participant-csv';
import { participantRemovalImpact } from '../../domain/participant-removal';
import { useT } from '../../i18n/react';
import { AutosaveField } from '../../shared/AutosaveField';
import { Dialog } from '../../shared/Dialog';
import { ScoreImportDialog } from './ScoreImportDialog';
import './participants.css';

export function ParticipantsView({ workshopId }: { workshopId: string }) {
  const participants = useLiveQuery(() => repos.participants.list(workshopId), [workshopId]);
  const [importing, setImporting] = useState(false);
  const { t } = useT();
  return (
    <div className="participants">
      <section className="panel participants-pane" aria-labelledby="participants-title">
        <div className="pane-header">
          <h1 id="participants-title" className="section-title">
            {t('participants.title')} <span className="count">{participants?.length ?? 0}</span>
          </h1>
          <button type="button" className="btn btn-small" onClick={() => setImporting(true)}>
            {t('participants.importScores')}
          </button>
        </div>
        <p className="muted">{t('participants.intro')}</p>
        <AddParticipant workshopId={workshopId} />
        <ul className="participant-list" aria-label={t('participants.listLabel')}>
          {(participants ?? []).map((p) => (
            <ParticipantRow key={p.id} participant={p} />
          ))}
        </ul>
        {participants && participants.length === 0 ? (
          <p className="empty-hint">{t('participants.empty')}</p>
        ) : null}
      </section>
      <ScoreImportDialog workshopId={workshopId} open={importing} onClose={() => setImporting(false)} />
    </div>
  );
}

function RoleSelect({ id, value, onChange }: { id: string; value: ParticipantRole; onChange: (r: ParticipantRole) => void }) {
  const { t } = useT();
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value as ParticipantRole)}>
      {PARTICIPANT_ROLES.map((r) => (
        <option key={r} value={r}>
          {t(`participants.role.${r}`)}
        </option>
      ))}
    </select>
  );
}

function AddParticipant({ workshopId }: { workshopId: string }) {
  const { t } = useT();
  const [name, setName] = useState('');
  const [role, setRole] = useState<ParticipantRole>('product-owner');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return setError(t('participants.nameRequired'));
    const existing = await repos.participants.list(workshopId);
    if (existing.some((p) => p.name.trim().toLowerCase() === name.trim().toLowerCase())) return setError(t('participants.duplicate', { name: name.trim() }));
    setError(null);
    const added = await save(() => repos.participants.add(workshopId, { name, role }));
    if (added) setName('');
    document.getElementById('participant-name')?.focus();
  };
  return (
    <form className="add-participant" onSubmit={submit}>
      <div className="field">
        <label htmlFor="participant-name">{t('participants.name')}</label>
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
        <label htmlFor="participant-role">{t('participants.role')}</label>
        <RoleSelect id="participant-role" value={role} onChange={setRole} />
      </div>
      <button type="submit" className="btn btn-primary">
        {t('participants.add')}
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
  const { t } = useT();
  const [confirming, setConfirming] = useState<string | null>(null);
  const remove = async () => {
    setConfirming(null);
    await saveWithUndo(() => repos.participants.remove(p.id), { message: t('participants.removedToast', { name: p.name }), scope: p.workshopId });
  };
  // Someone without scores goes at once (Undo brings them back); someone with scores only after
  // the person has read what changes.
  const ask = async () => {
    const impact = participantRemovalImpact(p.id, await repos.scoring.portfolioRows(p.workshopId));
    if (impact.scores === 0) return remove();
    setConfirming(
      t('participants.removeWarning', {
        name: p.name,
        scores: impact.scores,
        rounds: impact.rounds,
        changes: impact.consensusChanges.length,
        titles: impact.consensusChanges.map((u) => t('shared.quoted', { text: u.title })).join(', '),
      }),
    );
  };
  return (
    <li className="participant-row">
      <AutosaveField label={t('participants.name')} value={p.name} onSave={(v) => repos.participants.update(p.id, { name: v })} maxLength={SHORT_TEXT_MAX} required />
      <div className="field">
        <label htmlFor={`role-${p.id}`}>{t('participants.role')}</label>
        <RoleSelect id={`role-${p.id}`} value={p.role} onChange={(role) => void save(() => repos.participants.update(p.id, { role }))} />
      </div>
      <button type="button" className="btn btn-small btn-danger" aria-label={t('participants.removeLabel', { name: p.name })} onClick={() => void ask()}>
        {t('participants.remove')}
      </button>
      <Dialog title={t('participants.removeTitle', { name: p.name })} open={confirming !== null} onClose={() => setConfirming(null)}>
        <p data-testid="remove-participant-warning">{confirming}</p>
        <p className="muted">{t('participants.removeUndoHint')}</p>
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={() => setConfirming(null)}>
            {t('participants.keep', { name: p.name })}
          </button>
          <button type="button" className="btn btn-danger" onClick={() => void remove()}>
            {t('participants.removeWithScores', { name: p.name })}
          </button>
        </div>
      </Dialog>
    </li>
  );
}
