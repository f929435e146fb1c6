import { useLiveQuery } from 'dexie-react-hooks';
import { repos } from '../../app/repos';
import { routeHref } from '../../app/router';
import { currentStages, stageOf } from '../../domain/stages';
import { save } from '../../app/persist';
import { CRITERIA, LONG_TEXT_MAX, SHORT_TEXT_MAX, USE_CASE_KINDS, type Criterion, type UseCase, type UseCaseKind } from '../../domain/model';
import { useT } from '../../i18n/react';
import { guessLanguage } from '../../shared/hyphenate';
import { AutosaveField } from '../../shared/AutosaveField';
import type { UseCasePatch } from '../../db/use-cases-repo';
import { deleteUseCase } from './delete-use-case';

export function UseCaseEditor({ useCase: u, position, onDeleted }: { useCase: UseCase; position: number; onDeleted: () => void }) {
  const { t } = useT();
  const saveText = (k: keyof UseCasePatch) => (v: string) => repos.useCases.update(u.id, { [k]: v });
  const setScore = (c: Criterion, v: string) =>
    void save(() => repos.useCases.setInitialScore(u.id, c, v === '' ? null : Number(v)));

  // The stage follows from the decision log; the row only holds the stage it started in.
  const stage = useLiveQuery(async () => stageOf(u, currentStages([u], await repos.pipeline.decisions(u.workshopId))), [u]) ?? u.stage;

  return (
    <article className="editor" aria-labelledby="uc-editor-heading">
      <header className="editor-header">
        <h2 id="uc-editor-heading">
          <span className="muted">#{position}</span> <span className="editor-heading-title" lang={guessLanguage(u.title)}>
            {u.title}
          </span>
        </h2>
        <a
          className="stage-pill"
          href={routeHref({ name: 'workshop', workshopId: u.workshopId, tab: 'pipeline', useCaseId: u.id, section: 'readiness' })}
          title={t('usecases.stagePillTitle')}
        >
          {t(`usecases.stage.${stage}`)}
        </a>
      </header>
      <div className="form-grid">
        <div className="field-title">
          <AutosaveFieldWithId label={t('usecases.field.title')} value={u.title} onSave={saveText('title')} />
        </div>
        <AutosaveField
          label={t('usecases.field.problem')}
          multiline
          value={u.problem}
          onSave={saveText('problem')}
          maxLength={LONG_TEXT_MAX}
          placeholder={t('usecases.field.problemPlaceholder')}
        />
        <div className="form-row">
          <AutosaveField label={t('usecases.field.owner')} value={u.businessOwner} onSave={saveText('businessOwner')} maxLength={SHORT_TEXT_MAX} />
          <AutosaveField label={t('usecases.field.department')} value={u.department} onSave={saveText('department')} maxLength={SHORT_TEXT_MAX} />
        </div>
        <div className="field">
          <label htmlFor="uc-kind-select">{t('usecases.field.kind')}</label>
          <select
            id="uc-kind-select"
            value={u.kind}
            onChange={(e) => void save(() => repos.useCases.update(u.id, { kind: e.target.value as UseCaseKind }))}
          >
            {USE_CASE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`usecases.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <AutosaveField label={t('usecases.field.dataSources')} multiline value={u.dataSources} onSave={saveText('dataSources')} maxLength={LONG_TEXT_MAX} />
        <AutosaveField
          label={t('usecases.field.expectedValue')}
          multiline
          value={u.expectedValue}
          onSave={saveText('expectedValue')}
          maxLength={LONG_TEXT_MAX}
          placeholder={t('usecases.field.expectedValuePlaceholder')}
        />
        <fieldset className="scores-fieldset">
          <legend>{t('usecases.field.firstScores')}</legend>
          <p className="field-hint">{t('usecases.field.firstScoresHint')}</p>
          <div className="scores-grid">
            {CRITERIA.map((c) => (
              <div className="field" key={c}>
                <label htmlFor={`uc-score-${c}`}>{t(`criterion.${c}`)}</label>
                <select id={`uc-score-${c}`} value={u.initialScores[c] ?? ''} onChange={(e) => setScore(c, e.target.value)} title={t(`usecases.hint.${c}`)}>
                  <option value="">{t('usecases.field.notScored')}</option>
                  {[1, 2, 3, 4, 5].map((n) => (
                    <option key={n} value={n}>
                      {n}
                    </option>
                  ))}
                </select>
                <p className="field-hint">{t(`usecases.hint.${c}`)}</p>
              </div>
            ))}
          </div>
        </fieldset>
        <AutosaveField label={t('usecases.field.notes')} multiline value={u.notes} onSave={saveText('notes')} maxLength={LONG_TEXT_MAX} />
      </div>
      <footer className="editor-footer">
        <button
          type="button"
          className="btn btn-danger"
          onClick={() => {
            onDeleted();
            void deleteUseCase(u, t);
          }}
        >
          {t('usecases.delete')}
        </button>
        <span className="muted">{t('usecases.deleteUndoHint')}</span>
      </footer>
    </article>
  );
}

/** The title field gets a stable id so Enter on a list row can jump straight into it. */
function AutosaveFieldWithId({ label, value, onSave }: { label: string; value: string; onSave: (v: string) => Promise<unknown> }) {
  return <AutosaveField label={label} value={value} onSave={onSave} maxLength={SHORT_TEXT_MAX} required inputId="uc-edit-title" />;
}
