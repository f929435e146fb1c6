// One KPI: its definition (edited in place, checked as a whole before it is stored), where it
// stands now with the response action, forecast against actual, stabilization, the trend chart and
// its measurements.
import { useId, useState } from 'react';
import { repos } from '../../app/repos';
import { saveWithUndo } from '../../app/undo';
import { AutosaveField } from '../../shared/AutosaveField';
import { saveChoice, usePendingChoice } from '../../shared/use-pending-choice';
import { KPI_DIRECTIONS, KPI_LAYERS, KPI_ROLES, KPI_TIMINGS, LONG_TEXT_MAX, SHORT_TEXT_MAX, type Kpi, type KpiDirection } from '../../domain/model';
import { formatValueIn, stabilization, variance } from '../../domain/kpi';
import { messageText } from '../../shared/message-text';
import { useT } from '../../i18n/react';
import { formatSignedPercent } from '../../domain/locale-format';
import type { AppMessageId } from '../../i18n/app-catalog';
import { bandLabel, layerLabel, readerDate } from '../../shared/stage-words';
import { ownerHintFor } from '../../domain/kpi-library';
import { useInterfaceMethodLanguage } from '../../i18n/method-language';
import type { DateOrder } from '../../domain/measurement-paste';
import { amberText } from './amber-text';
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

const DIRECTION_IDS: Record<KpiDirection, AppMessageId> = { 'higher-is-better': 'kpis.direction.higher', 'lower-is-better': 'kpis.direction.lower' };
const TIMING_IDS: Record<Kpi['timing'], AppMessageId> = { leading: 'kpis.timing.leading', lagging: 'kpis.timing.lagging' };
const ROLE_IDS: Record<Kpi['role'], AppMessageId> = { target: 'kpis.role.target', guardrail: 'kpis.role.guardrail' };

const BAND_ICONS = { green: '✓', amber: '!', red: '✕', 'no-data': '…', 'no-thresholds': '–' } as const;

export function KpiCard({ entry, dateOrder, onDateOrder, highlighted }: Props) {
  const { kpi, measurements, status } = entry;
  const headingId = useId();
  const [open, setOpen] = useState(true);
  const { t, lang } = useT();
  const form = useKpiDrafts(kpi, lang);

  const remove = async () => {
    await saveWithUndo(() => repos.kpis.remove(kpi.id), {
      message: measurements.length ? t('kpis.removedWith', { name: kpi.name, count: measurements.length }) : t('kpis.removed', { name: kpi.name }),
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
          <span className="chip">{kpi.direction === 'higher-is-better' ? '↑' : '↓'} {t(DIRECTION_IDS[kpi.direction])}</span>
          <span className={`chip ${kpi.role === 'guardrail' ? 'kpi-chip-guardrail' : ''}`}>{t(ROLE_IDS[kpi.role])}</span>
          <span className="chip">{t(TIMING_IDS[kpi.timing])}</span>
          {kpi.unit ? <span className="chip">{kpi.unit}</span> : null}
        </div>
        <div className="kpi-card-actions">
          <StatusBadge band={status.band} breached={status.guardrailBreached} />
          <button type="button" className="btn btn-small btn-ghost" aria-expanded={open} onClick={() => setOpen((o) => !o)} aria-label={open ? t('kpis.collapseLabel', { name: kpi.name }) : t('kpis.expandLabel', { name: kpi.name })}>
            {open ? t('kpis.collapse') : t('kpis.expand')}
          </button>
          <button type="button" className="btn btn-small btn-danger" onClick={() => void remove()} aria-label={t('kpis.removeLabel', { name: kpi.name })}>
            {t('kpis.remove')}
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
        <p className="kpi-collapsed-line muted">{messageText(t, lang, status.summaryMessage)}</p>
      )}
    </article>
  );
}

export function StatusBadge({ band, breached }: { band: KpiEntry['status']['band']; breached: boolean }) {
  const { t } = useT();
  return (
    <span className="kpi-status-badges">
      <span className={`kpi-badge kpi-badge-${band}`} data-testid="kpi-band">
        <span aria-hidden="true">{BAND_ICONS[band]}</span> {bandLabel(t, band)}
      </span>
      {breached ? <span className="kpi-badge kpi-badge-breach">{t('kpis.guardrailBreached')}</span> : null}
    </span>
  );
}

function StatusPanel({ entry }: { entry: KpiEntry }) {
  const { kpi, measurements, status } = entry;
  const actual = status.latest?.value ?? null;
  const v = variance(kpi, actual);
  const stab = stabilization(kpi, measurements);
  const { t, lang } = useT();
  const bandForAction = status.band === 'green' || status.band === 'amber' || status.band === 'red' ? status.band : status.guardrailBreached ? 'red' : null;
  return (
    <div className={`kpi-status kpi-status-${status.band}`} data-testid="kpi-status">
      <p className="kpi-status-summary">{messageText(t, lang, status.summaryMessage)}</p>
      {bandForAction && status.latest ? (
        <p className="kpi-status-action">
          <span className="kpi-status-action-label">{t('kpis.response', { band: bandLabel(t, bandForAction).toLocaleLowerCase(lang) })}</span>{' '}
          {status.action || <span className="muted">{t('kpis.noResponse')}</span>}
        </p>
      ) : null}
      <dl className="kpi-figures">
        <div>
          <dt>{t('kpis.forecast')}</dt>
          <dd>{kpi.forecast === null ? '—' : formatValueIn(lang, kpi.forecast, kpi.unit)}</dd>
        </div>
        <div>
          <dt>{status.latest ? t('kpis.actualOn', { date: readerDate(lang, status.latest.date) }) : t('kpis.actual')}</dt>
          <dd>{actual === null ? '—' : formatValueIn(lang, actual, kpi.unit)}</dd>
        </div>
        <div>
          <dt>{t('kpis.variance')}</dt>
          <dd data-testid="kpi-variance" className={v?.beyondTolerance ? 'kpi-flag' : undefined}>
            {v === null ? (
              <span className="muted">{kpi.forecast === null ? t('kpis.noForecast') : t('kpis.noActual')}</span>
            ) : (
              <>
                {v.units > 0 ? '+' : ''}
                {formatValueIn(lang, v.units, kpi.unit)}
                {v.pct === null ? t('kpis.noPct') : ` (${formatSignedPercent(lang, v.pct / 100)})`}
                {v.beyondTolerance ? (
                  <span className="kpi-flag-text">
                    {' '}
                    {t('kpis.beyond', { tolerance: formatValueIn(lang, kpi.tolerancePct), better: v.direction === 'better' ? 'yes' : 'no' })}
                  </span>
                ) : (
                  <span className="muted">{t('kpis.within', { tolerance: formatValueIn(lang, kpi.tolerancePct) })}</span>
                )}
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('kpis.stabilization')}</dt>
          <dd data-testid="kpi-stabilization" className={stab.stable ? 'kpi-stable' : undefined}>
            {stab.stable ? '✓ ' : ''}
            {messageText(t, lang, stab.labelMessage)}
          </dd>
        </div>
      </dl>
    </div>
  );
}

function Definition({ kpi, form }: { kpi: Kpi; form: KpiDraftForm }) {
  const id = useId();
  const { t, lang } = useT();
  const higher = ((form.value('direction') as KpiDirection) || kpi.direction) === 'higher-is-better' ? 'yes' : 'no';
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
        <AutosaveField label={t('kpis.name')} value={kpi.name} onSave={(v) => update({ name: v })} maxLength={SHORT_TEXT_MAX} required />
        <AutosaveField label={t('kpis.unit')} value={kpi.unit} onSave={(v) => update({ unit: v })} maxLength={SHORT_TEXT_MAX} placeholder={t('kpis.unitPlaceholder')} />
      </div>
      <div className="kpi-grid kpi-grid-dir">
        <div className="field">
          <label htmlFor={`${id}-dir`}>{t('kpis.directionLabel')}</label>
          <select
            id={`${id}-dir`}
            value={form.value('direction')}
            onChange={(e) => form.change('direction', e.target.value)}
            aria-invalid={directionUnsaved ? true : undefined}
            aria-describedby={directionUnsaved ? `${id}-dir-msg` : undefined}
          >
            {KPI_DIRECTIONS.map((d) => (
              <option key={d} value={d}>
                {t(DIRECTION_IDS[d])}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-role`}>{t('kpis.roleLabel')}</label>
          <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as Kpi['role'])}>
            {KPI_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(ROLE_IDS[r])}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-timing`}>{t('kpis.timingLabel')}</label>
          <select id={`${id}-timing`} value={timing} onChange={(e) => setTiming(e.target.value as Kpi['timing'])}>
            {KPI_TIMINGS.map((m) => (
              <option key={m} value={m}>
                {t(TIMING_IDS[m])}
              </option>
            ))}
          </select>
        </div>
        {directionUnsaved ? (
          <p id={`${id}-dir-msg`} className="field-error kpi-span-all" role="alert">
            {t('kpis.directionUnsaved')}
          </p>
        ) : null}
      </div>
      <div className="kpi-grid kpi-grid-2">
        <AutosaveField
          label={t('kpis.owner')}
          value={kpi.owner}
          onSave={(v) => update({ owner: v })}
          maxLength={SHORT_TEXT_MAX}
          placeholder={ownerHint ? t('kpis.ownerExample', { hint: ownerHint }) : t('kpis.ownerPlaceholder')}
        />
        <div className="field">
          <label htmlFor={`${id}-layer`}>{t('kpis.layerLabel')}</label>
          <select id={`${id}-layer`} value={layer} onChange={(e) => setLayer(e.target.value as Kpi['layer'])}>
            {KPI_LAYERS.map((l) => (
              <option key={l} value={l}>
                {layerLabel(t, l)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="kpi-grid kpi-grid-3">
        <NumberField form={form} field="baseline" label={t('kpis.baseline')} unit={kpi.unit} />
        <NumberField form={form} field="target" label={t('kpis.target')} unit={kpi.unit} />
        <NumberField form={form} field="forecast" label={t('kpis.rolloutForecast')} unit={kpi.unit} />
      </div>

      <fieldset className="kpi-thresholds">
        <legend>{t('kpis.thresholds')}</legend>
        <div className="kpi-threshold-row kpi-threshold-green">
          <NumberField form={form} field="greenAt" label={t('kpis.greenAt', { higher })} unit={kpi.unit} />
          <AutosaveField label={t('kpis.responseGreen')} value={kpi.greenAction} onSave={(v) => update({ greenAction: v })} maxLength={LONG_TEXT_MAX} multiline />
        </div>
        <div className="kpi-threshold-row kpi-threshold-amber">
          <div className="field kpi-amber-range">
            <span className="kpi-amber-label">{t('kpis.amber')}</span>
            <span className="kpi-amber-text">{amberText(t, lang, kpi, form)}</span>
          </div>
          <AutosaveField label={t('kpis.responseAmber')} value={kpi.amberAction} onSave={(v) => update({ amberAction: v })} maxLength={LONG_TEXT_MAX} multiline />
        </div>
        <div className="kpi-threshold-row kpi-threshold-red">
          <NumberField form={form} field="redAt" label={t('kpis.redAt', { higher })} unit={kpi.unit} />
          <AutosaveField label={t('kpis.responseRed')} value={kpi.redAction} onSave={(v) => update({ redAction: v })} maxLength={LONG_TEXT_MAX} multiline />
        </div>
      </fieldset>

      <div className="kpi-grid kpi-grid-2">
        <NumberField form={form} field="tolerancePct" label={t('kpis.tolerance')} unit="%" />
        <NumberField form={form} field="stabilizationCount" label={t('kpis.stableAfter')} unit={t('kpis.greenInRow')} />
      </div>
      {form.unsaved.length > 0 ? (
        <p className="kpi-unsaved" role="status">
          {t('kpis.notSaved', { count: form.unsaved.length })}{' '}
          <button type="button" className="btn btn-small" onClick={form.discard}>
            {t('kpis.discardChanges')}
          </button>
        </p>
      ) : null}
      <AutosaveField
        label={t('kpis.howMeasured')}
        value={kpi.definition}
        onSave={(v) => update({ definition: v })}
        maxLength={LONG_TEXT_MAX}
        multiline
        placeholder={t('kpis.howMeasuredPlaceholder')}
      />
    </div>
  );
}

function NumberField({ form, field, label, unit }: { form: KpiDraftForm; field: DraftKey; label: string; unit: string }) {
  const id = useId();
  const typing = form.focusedKey === field && looksUnfinished(form.value(field));
  const error = typing ? undefined : form.errors[field];
  const warning = typing ? undefined : form.warnings[field];
  const unsaved = form.unsaved.includes(field);
  const msgId = `${id}-msg`;
  const { t, lang } = useT();
  const said = typing ? undefined : form.messages[field];
  const text = (english: string) => (said ? messageText(t, lang, said) : english);
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
          {unsaved ? t('kpis.notSavedPrefix') : ''}
          {text(error)}
        </p>
      ) : warning ? (
        <p id={msgId} className="field-warning">
          <span aria-hidden="true">⚠ </span>
          {text(warning)}
        </p>
      ) : null}
    </div>
  );
}
