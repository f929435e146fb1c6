import { useState, type FormEvent } from 'react';
import type { WorkshopInput } from '../../db/workshops-repo';
import { SHORT_TEXT_MAX } from '../../domain/model';
import { defaultRoadmapStart, todayIso } from '../../domain/dates';

type Props = {
  submitLabel: string;
  onSubmit: (input: WorkshopInput) => Promise<void>;
  onCancel: () => void;
};

export function WorkshopForm({ submitLabel, onSubmit, onCancel }: Props) {
  const today = todayIso();
  const [values, setValues] = useState<WorkshopInput>({
    name: '',
    client: '',
    facilitator: '',
    workshopDate: today,
    roadmapStartDate: defaultRoadmapStart(today),
  });
  const [errors, setErrors] = useState<Partial<Record<keyof WorkshopInput, string>>>({});
  const [busy, setBusy] = useState(false);

  const set = (k: keyof WorkshopInput) => (e: { target: { value: string } }) => {
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
    if (!values.name.trim()) errs.name = 'Give the workshop a name, for example “Claims AI day”.';
    if (values.workshopDate && values.roadmapStartDate && values.roadmapStartDate < values.workshopDate) {
      errs.roadmapStartDate = 'The roadmap usually starts on or after the workshop day.';
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

  const field = (k: keyof WorkshopInput, label: string, opts: { type?: string; required?: boolean; placeholder?: string } = {}) => (
    <div className="field">
      <label htmlFor={`wf-${k}`}>
        {label}
        {opts.required ? <span aria-hidden="true"> *</span> : null}
      </label>
      <input
        id={`wf-${k}`}
        name={k}
        type={opts.type ?? 'text'}
        value={values[k]}
        onChange={set(k)}
        maxLength={SHORT_TEXT_MAX}
        placeholder={opts.placeholder}
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
      {field('name', 'Workshop name', { required: true, placeholder: 'Claims AI prioritization day' })}
      {field('client', 'Client', { placeholder: 'Northwind Mutual' })}
      {field('facilitator', 'Facilitator', { placeholder: 'Your name' })}
      <div className="form-row">
        {field('workshopDate', 'Workshop date', { type: 'date' })}
        {field('roadmapStartDate', 'Roadmap starts (day 1)', { type: 'date' })}
      </div>
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
