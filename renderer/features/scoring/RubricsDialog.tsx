import { repos } from '../../app/repos';
import { save } from '../../app/persist';
import { CRITERIA, LONG_TEXT_MAX, type Criterion, type Workshop } from '../../domain/model';
import { CRITERION_LABELS, defaultRubrics } from '../../domain/rubrics';
import { AutosaveField } from '../../shared/AutosaveField';
import { Dialog } from '../../shared/Dialog';

/** What each level 1–5 of each criterion means in this workshop; saved as you type. */
export function RubricsDialog({ workshop, open, onClose }: { workshop: Workshop; open: boolean; onClose: () => void }) {
  const setLevel = (c: Criterion, level: number) => (text: string) => repos.workshops.setRubricLevel(workshop.id, c, level, text);
  return (
    <Dialog title="Scoring rubrics" open={open} onClose={onClose} wide>
      <p className="muted">What each score means, per criterion. Participants see these while scoring. Edits are saved as you type.</p>
      <div className="rubrics">
        {CRITERIA.map((c) => (
          <fieldset key={c} className="rubric-criterion">
            <legend>{CRITERION_LABELS[c]}</legend>
            {workshop.rubrics[c].map((text, i) => (
              <AutosaveField key={i} label={`${i + 1}`} value={text} onSave={setLevel(c, i)} maxLength={LONG_TEXT_MAX} multiline className="rubric-level" />
            ))}
          </fieldset>
        ))}
      </div>
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={() => void save(() => repos.workshops.update(workshop.id, { rubrics: defaultRubrics(workshop.language) }, { label: 'Reset the scoring rubrics' }))}>
          Reset to Liftoff’s rubrics
        </button>
        <button type="button" className="btn btn-primary" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  );
}
