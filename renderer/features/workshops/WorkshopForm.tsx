import { useState, type FormEvent } from 'react';
import type { WorkshopInput } from '../../db/workshops-repo';
import { SHORT_TEXT_MAX } from '../../domain/model';
import { defaultRoadmapStart, todayIso } from '../../domain/dates';
import type { AppMessageId } from '../../i18n/app-catalog';
import { systemLanguage } from '../../i18n/interface-language';
import { useInterfaceT } from '../../i18n/react';
import { WorkshopLanguageField } from '../../shared/LanguageSelect';

type TextField = Exclude<keyof WorkshopInput, 'language'>;

type Props = {
  submitLabel: string;
  onSubmit: (input: WorkshopInput) => Promise<void>;
  onCancel: () => void;
};

export function WorkshopForm({ submitLabel, onSubmit, onCancel }: Props) {
  const today = todayIso();
  const { t } = useInterfaceT();
  const [values, setValues] = useState<Required<WorkshopInput>>({
    name: '',
    client: '',
    facilitator: '',
    workshopDate: today,
    roadmapStartDate: defaultRoadmapStart(today),
    // The room's language starts as this computer's; the facilitator changes it for a client abroad.
    language: systemLanguage(),
  });
  const [errors, setErrors] = useState<Partial<Record<TextField, string>>>({});
  const [busy, setBusy] = useState(false);

  const set = (k: TextField) => (e: { target: { value: string } }) => {
    const v = e.target.value;
    setValues((prev) => {
      const next = { ...prev, [k]: v };
      // Keep the roadmap start following the workshop date until someone sets it on purpose.
      if (k === 'workshopDate' && prev.roadmapStartDate === defaultRoadmapStart(prev.workshopDate) && v) {
        next.roadmapStartDate = defaultRoadmapStart(v);
      }
      return next;
    });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const errs: typeof errors = {};
    if (!values.name.trim()) errs.name = t('form.nameRequired');
    if (values.workshopDate && values.roadmapStartDate && values.roadmapStartDate < values.workshopDate) {
      errs.roadmapStartDate = t('form.roadmapBeforeWorkshop');
    }
    setErrors(errs);
    if (Object.keys(errs).length) return;
    setBusy(true);
    try {
      await onSubmit(values);
    } finally {
      setBusy(false);
    }
  };

  const field = (k: TextField, label: AppMessageId, opts: { type?: string; required?: boolean; placeholder?: AppMessageId } = {}) => (
    <div className="field">
      <label htmlFor={`wf-${k}`}>
        {t(label)}
        {opts.required ? <span aria-hidden="true"> *</span> : null}
      </label>
      <input
        id={`wf-${k}`}
        name={k}
        type={opts.type ?? 'text'}
        value={values[k]}
        onChange={set(k)}
        maxLength={SHORT_TEXT_MAX}
        placeholder={opts.placeholder ? t(opts.placeholder) : undefined}
        required={opts.required}
        aria-invalid={errors[k] ? true : undefined}
        aria-describedby={errors[k] ? `wf-${k}-err` : undefined}
        autoFocus={k === 'name'}
      />
      {errors[k] ? (
        <p id={`wf-${k}-err`} className="field-error" role="alert">
          {errors[k]}
        </p>
      ) : null}
    </div>
  );

  return (
    <form onSubmit={submit} noValidate className="form-grid">
      {field('name', 'form.name', { required: true, placeholder: 'form.namePlaceholder' })}
      {field('client', 'form.client', { placeholder: 'form.clientPlaceholder' })}
      {field('facilitator', 'form.facilitator', { placeholder: 'form.facilitatorPlaceholder' })}
      <div className="form-row">
        {field('workshopDate', 'form.workshopDate', { type: 'date' })}
        {field('roadmapStartDate', 'form.roadmapStart', { type: 'date' })}
      </div>
      <WorkshopLanguageField id="wf-language" value={values.language} onChange={(language) => setValues((prev) => ({ ...prev, language }))} />
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
