// The amber range of a KPI as its reader sees it while typing the boundaries: the green and red
// boundaries read as the reader types numbers ("1.234,5" in German) and written back as they write
// them ("unter 1.234,5 h und über 800 h").
import type { Kpi } from '../../domain/model';
import { formatValueIn } from '../../domain/kpi';
import { parseDecimal } from '../../domain/measurement-paste';
import type { AppTranslator } from '../../i18n/app-catalog';

/** What the form shows for a field: its draft or its stored value as text. */
type Typed = { value(key: 'greenAt' | 'redAt' | 'direction'): string };

export function amberText(t: AppTranslator['t'], lang: string, kpi: Pick<Kpi, 'unit' | 'direction'>, form: Typed): string {
  const read = (key: 'greenAt' | 'redAt') => {
    const parsed = parseDecimal(form.value(key), lang);
    return parsed.ok ? formatValueIn(lang, parsed.value, kpi.unit) : null;
  };
  const g = read('greenAt');
  const r = read('redAt');
  const higher = (form.value('direction') || kpi.direction) === 'higher-is-better' ? 'yes' : 'no';
  if (g && r) return t('kpis.amberBetween', { higher, green: g, red: r });
  if (g) return t('kpis.amberShort', { higher, green: g });
  if (r) return t('kpis.amberNone');
  return t('kpis.amberUnset');
}
