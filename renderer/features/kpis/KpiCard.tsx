// One KPI: its definition (edited in place, checked as a whole before it is stored), where it
// stands now with the response action, forecast against actual, stabilization, the trend chart and
// its measurements.
import { useId, useState } from 'react';
import { repos } from '../../app/repos';
import { saveWithUndo } from '../../app/undo';
import { AutosaveField } from '../../shared/AutosaveField';
import { saveChoice, usePendingChoice } from '../../shared/use-pending-choice';
import { KPI_DIRECTIONS, KPI_LAYERS, KPI_ROLES, KPI_TIMINGS, LONG_TEXT_MAX, SHORT_TEXT_MAX, type Kpi, type KpiDirection } from '../../domain/model';
import {
  BAND_LABELS,
  DIRECTION_LABELS,
  KPI_LAYER_LABELS,
  ROLE_LABELS,
  TIMING_LABELS,
  boundaryWords,
  formatValue,
  stabilization,
  variance,
} from '../../domain/kpi';
import { ownerHintFor } from '../../domain/kpi-library';
import { useInterfaceMethodLanguage } from '../../i18n/method-language';
import { parseDecimal, type DateOrder } from '../../domain/measurement-paste';
import { shortDate } from '../../domain/kpi-chart';
import { KpiChart } from './KpiChart';
import { MeasurementsPanel } from './MeasurementsPanel';
import { looksUnfinished, useKpiDrafts, type DraftKey, type KpiDraftForm } from './use-kpi-drafts';
import type { KpiEntry } from './use-kpis-data';

type Props = {
  entry: KpiEntry;
  dateOrder: DateOrder;
  onDateOrder: (o: DateOrder) => void;
  highlighted?: boolean;
};

const BAND_ICONS = { green: '✓', amber: '!', red: '✕', 'no-data': '…', 'no-thresholds': '–' } as const;

export function KpiCard({ entry, dateOrder, onDateOrder, highlighted }: Props) {
  const { kpi, measurements, status } = entry;
  const headingId = useId();
  const [open, setOpen] = useState(true);
  const form = useKpiDrafts(kpi);

  const remove = async () => {
    await saveWithUndo(() => repos.kpis.remove(kpi.id), {
      message: `Removed the KPI ${kpi.name}${measurements.length ? ` and its ${measurements.length} measurements` : ''}.`,
      scope: kpi.workshopId,
    });
  };

  return (
    <article
      id={`kpi-${kpi.id}`}
      className={`panel kpi-card kpi-card-${status.band}${status.guardrailBreached ? ' kpi-card-breach' : ''}${highlighted ? ' kpi-card-highlight' : ''}`}
      aria-labelledby={headingId}
      data-testid="kpi-card"
    >
      <header className="kpi-card-head">
        <div className="kpi-card-title">
          <h5 id={headingId} tabIndex={-1}>
            {kpi.name}
          </h5>
          <span className="chip">{kpi.direction === 'higher-is-better' ? '↑' : '↓'} {DIRECTION_LABELS[kpi.direction]}</span>
          <span className={`chip ${kpi.role === 'guardrail' ? 'kpi-chip-guardrail' : ''}`}>{ROLE_LABELS[kpi.role]}</span>
          <span className="chip">{TIMING_LABELS[kpi.timing]}</span>
          {kpi.unit ? <span className="chip">{kpi.unit}</span> : null}
        </div>
        <div className="kpi-card-actions">
          <StatusBadge band={status.band} breached={status.guardrailBreached} />
          <button type="button" className="btn btn-small btn-ghost" aria-expanded={open} onClick={() => setOpen((o) => !o)} aria-label={`${open ? 'Collapse' : 'Expand'} ${kpi.name}`}>
            {open ? 'Collapse' : 'Expand'}
          </button>
          <button type="button" className="btn btn-small btn-danger" onClick={() => void remove()} aria-label={`Remove KPI ${kpi.name}`}>
            Remove
          </button>
        </div>
      </header>
      {open ? (
        <div className="kpi-card-body">
          <Definition kpi={kpi} form={form} />
          <div className="kpi-side">
            <StatusPanel entry={entry} />
            <KpiChart kpi={kpi} measurements={measurements} />
            <MeasurementsPanel kpi={kpi} measurements={measurements} dateOrder={dateOrder} onDateOrder={onDateOrder} />
          </div>
        </div>
      ) : (
        <p className="kpi-collapsed-line muted">{status.summary}</p>
      )}
    </article>
  );
}

export function StatusBadge({ band, breached }: { band: KpiEntry['status']['band']; breached: boolean }) {
  return (
    <span className="kpi-status-badges">
      <span className={`kpi-badge kpi-badge-${band}`} data-testid="kpi-band">
        <span aria-hidden="true">{BAND_ICONS[band]}</span> {BAND_LABELS[band]}
      </span>
      {breached ? <span className="kpi-badge kpi-badge-breach">Guardrail breached</span> : null}
    </span>
  );
}

function StatusPanel({ entry }: { entry: KpiEntry }) {
  const { kpi, measurements, status } = entry;
  const actual = status.latest?.value ?? null;
  const v = variance(kpi, actual);
  const stab = stabilization(kpi, measurements);
  const bandForAction = status.band === 'green' || status.band === 'amber' || status.band === 'red' ? status.band : status.guardrailBreached ? 'red' : null;
  return (
    <div className={`kpi-status kpi-status-${status.band}`} data-testid="kpi-status">
      <p className="kpi-status-summary">{status.summary}</p>
      {bandForAction && status.latest ? (
        <p className="kpi-status-action">
          <span className="kpi-status-action-label">Response ({BAND_LABELS[bandForAction].toLowerCase()}):</span>{' '}
          {status.action || <span className="muted">none written yet; agree one below.</span>}
        </p>
      ) : null}
      <dl className="kpi-figures">
        <div>
          <dt>Forecast</dt>
          <dd>{kpi.forecast === null ? '—' : formatValue(kpi.forecast, kpi.unit)}</dd>
        </div>
        <div>
          <dt>Actual{status.latest ? ` (${shortDate(status.latest.date)})` : ''}</dt>
          <dd>{actual === null ? '—' : formatValue(actual, kpi.unit)}</dd>
        </div>
        <div>
          <dt>Variance</dt>
          <dd data-testid="kpi-variance" className={v?.beyondTolerance ? 'kpi-flag' : undefined}>
            {v === null ? (
              <span className="muted">{kpi.forecast === null ? 'no forecast' : 'no actual'}</span>
            ) : (
              <>
                {v.units > 0 ? '+' : ''}
                {formatValue(v.units, kpi.unit)}
                {v.pct === null ? ' (no %, forecast is 0)' : ` (${v.pct > 0 ? '+' : ''}${formatValue(Number(v.pct.toFixed(1)))}%)`}
                {v.beyondTolerance ? (
                  <span className="kpi-flag-text">
                    {' '}
                    ⚑ beyond ±{formatValue(kpi.tolerancePct)}%, {v.direction === 'better' ? 'better' : 'worse'} than forecast
                  </span>
                ) : (
                  <span className="muted"> within ±{formatValue(kpi.tolerancePct)}%</span>
                )}
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>Stabilization</dt>
          <dd data-testid="kpi-stabilization" className={stab.stable ? 'kpi-stable' : undefined}>
            {stab.stable ? '✓ ' : ''}
            {stab.label}
          </dd>
        </div>
      </dl>
    </div>
  );
}

function Definition({ kpi, form }: { kpi: Kpi; form: KpiDraftForm }) {
  const id = useId();
  const words = boundaryWords({ direction: (form.value('direction') as KpiDirection) || kpi.direction });
  // A hint for the facilitator, in the interface's language, for a library KPI in any language.
  const ownerHint = ownerHintFor(kpi.name, useInterfaceMethodLanguage());
  const update = (patch: Partial<Kpi>) => repos.kpis.update(kpi.id, patch);
  const [layer, setLayer] = usePendingChoice(kpi.layer, (v) => saveChoice(() => update({ layer: v })));
  const [role, setRole] = usePendingChoice(kpi.role, (v) => saveChoice(() => update({ role: v })));
  const [timing, setTiming] = usePendingChoice(kpi.timing, (v) => saveChoice(() => update({ timing: v })));
  const directionUnsaved = form.unsaved.includes('direction');
  return (
    <div className="kpi-definition">
      <div className="kpi-grid kpi-grid-name">
        <AutosaveField label="Name" value={kpi.name} onSave={(v) => update({ name: v })} maxLength={SHORT_TEXT_MAX} required />
        <AutosaveField label="Unit" value={kpi.unit} onSave={(v) => update({ unit: v })} maxLength={SHORT_TEXT_MAX} placeholder="%, hours, €…" />
      </div>
      <div className="kpi-grid kpi-grid-dir">
        <div className="field">
          <label htmlFor={`${id}-dir`}>Direction</label>
          <select
            id={`${id}-dir`}
            value={form.value('direction')}
            onChange={(e) => form.change('direction', e.target.value)}
            aria-invalid={directionUnsaved ? true : undefined}
            aria-describedby={directionUnsaved ? `${id}-dir-msg` : undefined}
          >
            {KPI_DIRECTIONS.map((d) => (
              <option key={d} value={d}>
                {DIRECTION_LABELS[d]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-role`}>Role</label>
          <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as Kpi['role'])}>
            {KPI_ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-timing`}>Timing</label>
          <select id={`${id}-timing`} value={timing} onChange={(e) => setTiming(e.target.value as Kpi['timing'])}>
            {KPI_TIMINGS.map((t) => (
              <option key={t} value={t}>
                {TIMING_LABELS[t]}
              </option>
            ))}
          </select>
        </div>
        {directionUnsaved ? (
          <p id={`${id}-dir-msg`} className="field-error kpi-span-all" role="alert">
            The direction is not saved yet: the thresholds below contradict it. Fix them, or discard the change.
          </p>
        ) : null}
      </div>
      <div className="kpi-grid kpi-grid-2">
        <AutosaveField label="Owner" value={kpi.owner} onSave={(v) => update({ owner: v })} maxLength={SHORT_TEXT_MAX} placeholder={ownerHint ? `e.g. ${ownerHint}` : 'Who answers for it'} />
        <div className="field">
          <label htmlFor={`${id}-layer`}>Layer</label>
          <select id={`${id}-layer`} value={layer} onChange={(e) => setLayer(e.target.value as Kpi['layer'])}>
            {KPI_LAYERS.map((l) => (
              <option key={l} value={l}>
                {KPI_LAYER_LABELS[l]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="kpi-grid kpi-grid-3">
        <NumberField form={form} field="baseline" label="Baseline" unit={kpi.unit} />
        <NumberField form={form} field="target" label="Target" unit={kpi.unit} />
        <NumberField form={form} field="forecast" label="Rollout forecast" unit={kpi.unit} />
      </div>

      <fieldset className="kpi-thresholds">
        <legend>Thresholds and response actions</legend>
        <div className="kpi-threshold-row kpi-threshold-green">
          <NumberField form={form} field="greenAt" label={`Green ${words.green}`} unit={kpi.unit} />
          <AutosaveField label="Response when green" value={kpi.greenAction} onSave={(v) => update({ greenAction: v })} maxLength={LONG_TEXT_MAX} multiline />
        </div>
        <div className="kpi-threshold-row kpi-threshold-amber">
          <div className="field kpi-amber-range">
            <span className="kpi-amber-label">Amber</span>
            <span className="kpi-amber-text">{amberText(kpi, form)}</span>
          </div>
          <AutosaveField label="Response when amber" value={kpi.amberAction} onSave={(v) => update({ amberAction: v })} maxLength={LONG_TEXT_MAX} multiline />
        </div>
        <div className="kpi-threshold-row kpi-threshold-red">
          <NumberField form={form} field="redAt" label={`Red ${words.red}`} unit={kpi.unit} />
          <AutosaveField label="Response when red" value={kpi.redAction} onSave={(v) => update({ redAction: v })} maxLength={LONG_TEXT_MAX} multiline />
        </div>
      </fieldset>

      <div className="kpi-grid kpi-grid-2">
        <NumberField form={form} field="tolerancePct" label="Forecast tolerance (±%)" unit="%" />
        <NumberField form={form} field="stabilizationCount" label="Stable after" unit="green in a row" />
      </div>
      {form.unsaved.length > 0 ? (
        <p className="kpi-unsaved" role="status">
          Not saved: {form.unsaved.length === 1 ? 'one field has' : `${form.unsaved.length} fields have`} a problem.{' '}
          <button type="button" className="btn btn-small" onClick={form.discard}>
            Discard these changes
          </button>
        </p>
      ) : null}
      <AutosaveField
        label="How it is measured"
        value={kpi.definition}
        onSave={(v) => update({ definition: v })}
        maxLength={LONG_TEXT_MAX}
        multiline
        placeholder="Source, formula, population, how often"
      />
    </div>
  );
}

function amberText(kpi: Kpi, form: KpiDraftForm): string {
  const read = (key: 'greenAt' | 'redAt') => {
    const parsed = parseDecimal(form.value(key));
    return parsed.ok ? formatValue(parsed.value, kpi.unit) : null;
  };
  const g = read('greenAt');
  const r = read('redAt');
  const higherBetter = (form.value('direction') || kpi.direction) === 'higher-is-better';
  if (g && r) return higherBetter ? `below ${g} and above ${r}` : `above ${g} and below ${r}`;
  if (g) return `anything short of green (${higherBetter ? 'below' : 'above'} ${g})`;
  if (r) return 'none: without a green boundary, anything not red is green';
  return 'set the green and red boundaries';
}

function NumberField({ form, field, label, unit }: { form: KpiDraftForm; field: DraftKey; label: string; unit: string }) {
  const id = useId();
  const typing = form.focusedKey === field && looksUnfinished(form.value(field));
  const error = typing ? undefined : form.errors[field];
  const warning = typing ? undefined : form.warnings[field];
  const unsaved = form.unsaved.includes(field);
  const msgId = `${id}-msg`;
  return (
    <div className="field kpi-number">
      <label htmlFor={id}>{label}</label>
      <div className="kpi-number-input">
        <input
          id={id}
          value={form.value(field)}
          inputMode="decimal"
          maxLength={40}
          onFocus={() => form.focus(field)}
          onBlur={() => form.blur(field)}
          onChange={(e) => form.change(field, e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error || warning ? msgId : undefined}
        />
        {unit ? <span className="kpi-unit" aria-hidden="true">{unit}</span> : null}
      </div>
      {error ? (
        <p id={msgId} className="field-error" role="alert">
          {unsaved ? 'Not saved: ' : ''}
          {error}
        </p>
      ) : warning ? (
        <p id={msgId} className="field-warning">
          <span aria-hidden="true">⚠ </span>
          {warning}
        </p>
      ) : null}
    </div>
  );
}
