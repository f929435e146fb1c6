// KPIs per use case in four layers, and their dated measurements. A KPI is checked as a whole
// (domain/kpi.ts `validateKpi`) before any change to it is stored: thresholds that contradict the
// direction never reach the database. Every change is one undoable step; a paste of many
// measurements is one step too.
import type { LiftoffDb } from './schema';
import { NotFoundError, notFoundMessage, runWork } from './unit-of-work';
import { newId } from './ids';
import { KPI_LAYERS, SHORT_TEXT_MAX, type Kpi, type KpiLayer, type Measurement } from '../domain/model';
import { validateKpi, formatValue, type FieldMessages, measurementsOf } from '../domain/kpi';
import { blankKpiFields, kpiFieldsFromTemplate, libraryTemplate } from '../domain/kpi-library';
import { parseIsoDate } from '../domain/dates';
import { msg, type Message } from '../domain/message';

export type KpiPatch = Partial<Omit<Kpi, 'id' | 'workshopId' | 'useCaseId' | 'createdAt' | 'updatedAt'>>;
export type MeasurementInput = { date: string; value: number; note?: string };

/** A KPI change refused because the KPI would contradict itself; `errors` are per field. */
export class KpiValidationError extends Error {
  constructor(readonly errors: FieldMessages) {
    super(Object.values(errors)[0] ?? 'This KPI is not valid.');
    this.name = 'KpiValidationError';
  }
}

const MAX_MEASUREMENTS_PER_KPI = 10_000;

function checkMeasurement(m: MeasurementInput, where = ''): void {
  if (typeof m.date !== 'string' || !parseIsoDate(m.date)) throw new Error(`${where}The date must be a real calendar date (YYYY-MM-DD).`);
  if (typeof m.value !== 'number' || !Number.isFinite(m.value) || Math.abs(m.value) > 1e12) throw new Error(`${where}The value must be a number.`);
  if (m.note !== undefined && (typeof m.note !== 'string' || m.note.length > SHORT_TEXT_MAX)) {
    throw new Error(`${where}A note is at most ${SHORT_TEXT_MAX} characters.`);
  }
}

/** The KPI's own rules (bands that fit the direction); the writer checks the row against the model. */
function checkKpi(kpi: Kpi): void {
  const { errors } = validateKpi(kpi);
  if (Object.keys(errors).length > 0) throw new KpiValidationError(errors);
}

export function kpisRepo(db: LiftoffDb) {
  async function loadKpi(id: string): Promise<Kpi> {
    const kpi = await db.kpis.get(id);
    if (!kpi) throw new NotFoundError(notFoundMessage('kpis'));
    return kpi;
  }
  async function insert(useCaseId: string, fields: ReturnType<typeof blankKpiFields>, label: string): Promise<Kpi> {
    return runWork(db, { label, message: msg('history.addKpi', { name: fields.name }) }, async (w) => {
      const uc = await w.require('useCases', useCaseId);
      w.describe({ workshopId: uc.workshopId, summary: `${label} to "${uc.title}"`, summaryMessage: msg('history.summary.addKpi', { name: fields.name, title: uc.title }) });
      const kpi: Kpi = { ...fields, id: newId(), workshopId: uc.workshopId, useCaseId, createdAt: w.now, updatedAt: w.now };
      checkKpi(kpi);
      await w.put('kpis', kpi);
      return kpi;
    });
  }

  return {
    /** Every KPI of a workshop, in the order they were added. */
    async list(workshopId: string): Promise<Kpi[]> {
      const rows = await db.kpis.where('workshopId').equals(workshopId).toArray();
      return rows.sort((a, b) => (a.createdAt === b.createdAt ? a.id.localeCompare(b.id) : a.createdAt.localeCompare(b.createdAt)));
    },
    async get(id: string): Promise<Kpi | undefined> {
      return db.kpis.get(id);
    },
    /** Every measurement of a workshop (all KPIs), oldest first. */
    async measurements(workshopId: string): Promise<Measurement[]> {
      const rows = await db.measurements.where('workshopId').equals(workshopId).toArray();
      return rows.sort((a, b) => (a.date === b.date ? a.createdAt.localeCompare(b.createdAt) : a.date.localeCompare(b.date)));
    },
    async measurementsOf(kpiId: string): Promise<Measurement[]> {
      return measurementsOf(kpiId, await db.measurements.where('kpiId').equals(kpiId).toArray());
    },

    /** Adds a KPI from the library (domain/kpi-library.ts) to a use case, worded in the workshop's language. */
    async addFromLibrary(useCaseId: string, templateKey: string): Promise<Kpi> {
      if (!libraryTemplate(templateKey)) throw new Error('There is no such KPI in the library.');
      const uc = await db.useCases.get(useCaseId);
      const workshop = uc ? await db.workshops.get(uc.workshopId) : undefined;
      const tpl = libraryTemplate(templateKey, workshop?.language ?? 'en') ?? libraryTemplate(templateKey);
      if (!tpl) throw new Error('There is no such KPI in the library.');
      return insert(useCaseId, kpiFieldsFromTemplate(tpl), `Add KPI "${tpl.name}"`);
    },
    /** Adds a KPI the library does not have, with a name, in a layer. */
    async add(useCaseId: string, layer: KpiLayer, name: string): Promise<Kpi> {
      if (!(KPI_LAYERS as readonly string[]).includes(layer)) throw new Error('Unknown KPI layer.');
      const n = name.trim();
      if (!n) throw new Error('Give the KPI a name.');
      if (n.length > SHORT_TEXT_MAX) throw new Error(`A name is at most ${SHORT_TEXT_MAX} characters.`);
      return insert(useCaseId, blankKpiFields(layer, n), `Add KPI "${n}"`);
    },

    /**
     * Changes fields of a KPI. The KPI as it would be afterwards is checked as a whole; if it
     * contradicts itself (green below red where higher is better, say) nothing is stored and a
     * `KpiValidationError` names the fields. Typing bursts in the same fields merge into one step.
     */
    async update(id: string, patch: KpiPatch): Promise<Kpi> {
      const fields = Object.keys(patch).sort();
      if (fields.length === 0) return loadKpi(id);
      return runWork(db, {}, async (w) => {
        // Checked on the row as it is inside the transaction (another edit may have landed).
        const kpi = await w.require('kpis', id);
        w.describe({ workshopId: kpi.workshopId, label: `Edit KPI "${kpi.name}"`, message: msg('history.editKpi', { name: kpi.name }), summary: `Edited ${fields.join(', ')} of KPI "${kpi.name}"`, summaryMessage: msg('history.summary.editKpi', { fields: { list: fields.map((f) => kpiFieldName(f, kpi)), separator: ', ' }, name: kpi.name }), coalesceKey: `kpi:${id}:${fields.join(',')}` });
        checkKpi({ ...kpi, ...patch, id: kpi.id, workshopId: kpi.workshopId, useCaseId: kpi.useCaseId });
        return w.update('kpis', id, patch);
      });
    },

    /** Removes a KPI with its measurements, as one undoable step. */
    async remove(id: string): Promise<void> {
      await runWork(db, {}, async (w) => {
        const kpi = await w.require('kpis', id);
        w.describe({ workshopId: kpi.workshopId, label: `Remove KPI "${kpi.name}"`, message: msg('history.removeKpi', { name: kpi.name }) });
        const keys = (await db.measurements.where('kpiId').equals(id).primaryKeys()) as string[];
        for (const key of keys) await w.remove('measurements', key);
        await w.remove('kpis', id);
      });
    },

    async addMeasurement(kpiId: string, input: MeasurementInput): Promise<Measurement> {
      checkMeasurement(input);
      return runWork(db, {}, async (w) => {
        const kpi = await w.require('kpis', kpiId);
        const count = await db.measurements.where('kpiId').equals(kpiId).count();
        if (count >= MAX_MEASUREMENTS_PER_KPI) throw new Error(`A KPI keeps at most ${MAX_MEASUREMENTS_PER_KPI.toLocaleString('en-US')} measurements.`);
        w.describe({ workshopId: kpi.workshopId, label: `Add measurement to "${kpi.name}"`, message: msg('history.addMeasurement', { name: kpi.name }), summary: `${kpi.name}: ${formatValue(input.value, kpi.unit)} on ${input.date}`, summaryMessage: msg('history.summary.addMeasurement', { name: kpi.name, value: { number: input.value, unit: kpi.unit }, date: { date: input.date } }) });
        const m: Measurement = {
          id: newId(),
          workshopId: kpi.workshopId,
          kpiId,
          date: input.date,
          value: input.value,
          note: input.note?.trim() ?? '',
          createdAt: w.now,
          updatedAt: w.now,
        };
        await w.put('measurements', m);
        return m;
      });
    },

    /** Stores pasted measurements, all or none, as one undoable step. */
    async importMeasurements(kpiId: string, rows: MeasurementInput[]): Promise<Measurement[]> {
      if (rows.length === 0) throw new Error('There is nothing to import.');
      rows.forEach((r, i) => checkMeasurement(r, `Row ${i + 1}: `));
      return runWork(db, {}, async (w) => {
        const kpi = await w.require('kpis', kpiId);
        const count = await db.measurements.where('kpiId').equals(kpiId).count();
        if (count + rows.length > MAX_MEASUREMENTS_PER_KPI) throw new Error(`A KPI keeps at most ${MAX_MEASUREMENTS_PER_KPI.toLocaleString('en-US')} measurements.`);
        w.describe({ workshopId: kpi.workshopId, label: `Paste ${rows.length} ${rows.length === 1 ? 'measurement' : 'measurements'} into "${kpi.name}"`, message: msg('history.pasteMeasurements', { count: rows.length, name: kpi.name }) });
        const made = rows.map(
          (r): Measurement => ({
            id: newId(),
            workshopId: kpi.workshopId,
            kpiId,
            date: r.date,
            value: r.value,
            note: r.note?.trim() ?? '',
            createdAt: w.now,
            updatedAt: w.now,
          }),
        );
        await w.putMany('measurements', made);
        return made;
      });
    },

    async updateMeasurement(id: string, patch: Partial<MeasurementInput>): Promise<void> {
      const fields = Object.keys(patch).sort().join(',');
      await runWork(db, {}, async (w) => {
        const m = await w.require('measurements', id);
        checkMeasurement({ date: patch.date ?? m.date, value: patch.value ?? m.value, note: patch.note ?? m.note });
        const kpi = await w.require('kpis', m.kpiId);
        w.describe({ workshopId: m.workshopId, label: `Edit measurement of "${kpi.name}"`, message: msg('history.editMeasurement', { name: kpi.name }), coalesceKey: `measurement:${id}:${fields}` });
        await w.update('measurements', id, patch);
      });
    },

    async removeMeasurement(id: string): Promise<void> {
      await runWork(db, {}, async (w) => {
        const m = await w.get('measurements', id);
        if (!m) return;
        const kpi = await w.get('kpis', m.kpiId);
        const label = `Remove measurement of ${m.date}${kpi ? ` from "${kpi.name}"` : ''}`;
        w.describe({ workshopId: m.workshopId, label, message: kpi ? msg('history.removeMeasurement', { date: { date: m.date }, name: kpi.name }) : msg('history.removeMeasurementOn', { date: { date: m.date } }), summary: `${label}: ${formatValue(m.value, kpi?.unit ?? '')}`, summaryMessage: msg('history.summary.withValue', { action: kpi ? msg('history.removeMeasurement', { date: { date: m.date }, name: kpi.name }) : msg('history.removeMeasurementOn', { date: { date: m.date } }), value: { number: m.value, unit: kpi?.unit ?? '' } }) });
        await w.remove('measurements', id);
      });
    },
  };
}

/** A KPI field as the activity log names it: the label the KPI form shows for it. */
const KPI_FIELD_NAMES: Partial<Record<string, string>> = {
  name: 'kpis.name',
  unit: 'kpis.unit',
  direction: 'kpis.directionLabel',
  role: 'kpis.roleLabel',
  timing: 'kpis.timingLabel',
  owner: 'kpis.owner',
  layer: 'kpis.layerLabel',
  baseline: 'kpis.baseline',
  target: 'kpis.target',
  forecast: 'kpis.rolloutForecast',
  greenAt: 'kpis.greenAt',
  redAt: 'kpis.redAt',
  greenAction: 'kpis.responseGreen',
  amberAction: 'kpis.responseAmber',
  redAction: 'kpis.responseRed',
  tolerancePct: 'kpis.tolerance',
  stabilizationCount: 'kpis.stableAfter',
  definition: 'kpis.howMeasured',
};

function kpiFieldName(field: string, kpi: Pick<Kpi, 'direction'>): Message | string {
  const id = KPI_FIELD_NAMES[field];
  if (!id) return field;
  return field === 'greenAt' || field === 'redAt' ? msg(id, { higher: kpi.direction === 'higher-is-better' ? 'yes' : 'no' }) : msg(id);
}
