import { repos } from '../../app/repos';
import { save } from '../../app/persist';
import { CRITERIA, LONG_TEXT_MAX, type Criterion, type Workshop } from '../../domain/model';
import { defaultRubrics } from '../../domain/rubrics';
import { useT } from '../../i18n/react';
import { AutosaveField } from '../../shared/AutosaveField';
import { Dialog } from '../../shared/Dialog';

/** What each level 1–5 of each criterion means in this workshop; saved as you type. */
export function RubricsDialog({ workshop, open, onClose }: { workshop: Workshop; open: boolean; onClose: () => void }) {
  const { t } = useT();
  const setLevel = (c: Criterion, level: number) => (text: string) => repos.workshops.setRubricLevel(workshop.id, c, level, text);
  return (
    <Dialog title={t('scoring.rubricsTitle')} open={open} onClose={onClose} wide>
      <p className="muted">{t('scoring.rubricsIntro')}</p>
      <div className="rubrics">
        {CRITERIA.map((c) => (
          <fieldset key={c} className="rubric-criterion">
            <legend>{t(`criterion.${c}`)}</legend>
            {workshop.rubrics[c].map((text, i) => (
              <AutosaveField key={i} label={`${i + 1}`} value={text} onSave={setLevel(c, i)} maxLength={LONG_TEXT_MAX} multiline className="rubric-level" />
            ))}
          </fieldset>
        ))}
      </div>
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={() => void save(() => repos.workshops.update(workshop.id, { rubrics: defaultRubrics(workshop.language) }, { label: t('scoring.rubricsResetUndo') }))}>
          {t('scoring.rubricsReset')}
        </button>
        <button type="button" className="btn btn-primary" onClick={onClose}>
          {t('scoring.rubricsDone')}
        </button>
      </div>
    </Dialog>
  );
}
