// The numbers of a KPI (baseline, target, thresholds, forecast…) and its direction are edited
// as one form: what is typed is checked together with everything else the KPI holds, and stored
// only when the KPI as a whole makes sense. A threshold that contradicts the direction stays on
// screen, marked, until the other boundary is fixed too, and then both are stored in one step.
import { useRef, useState } from 'react';
import { save } from '../../app/persist';
import { repos } from '../../app/repos';
import type { Kpi, KpiDirection } from '../../domain/model';
import { formatValue, validateKpi, type FieldCatalogMessages, type FieldMessages, type KpiNumberField } from '../../domain/kpi';
import { parseDecimal } from '../../domain/measurement-paste';
import { msg } from '../../domain/message';
import type { KpiPatch } from '../../db/kpis-repo';

export type DraftKey = KpiNumberField | 'direction';
type Drafts = Partial<Record<DraftKey, string>>;

const REQUIRED: readonly DraftKey[] = ['tolerancePct', 'stabilizationCount'];

/**
 * The stored value of a field as the text its input shows, without thousands separators, with
 * the reader's decimal mark: "1234.5" in English, "1234,5" in German and French.
 */
export function storedText(kpi: Kpi, key: DraftKey, lang = 'en'): string {
  if (key === 'direction') return kpi.direction;
  const v = kpi[key];
  if (v === null) return '';
  const text = formatValue(v).replace(/,/g, '');
  return lang.startsWith('de') || lang.startsWith('fr') ? text.replace('.', ',') : text;
}

function evaluate(kpi: Kpi, drafts: Drafts, lang: string): { patch: KpiPatch; errors: FieldMessages; warnings: FieldMessages; messages: FieldCatalogMessages } {
  const patch: KpiPatch = {};
  const parseErrors: FieldMessages = {};
  const parseMessages: FieldCatalogMessages = {};
  for (const [key, text] of Object.entries(drafts) as [DraftKey, string][]) {
    if (key === 'direction') {
      patch.direction = text as KpiDirection;
      continue;
    }
    if (text.trim() === '') {
      if (REQUIRED.includes(key)) {
        parseErrors[key] = 'Enter a number.';
        parseMessages[key] = msg('kpiText.check.number');
      }
      else (patch as Record<string, number | null>)[key] = null;
      continue;
    }
    const n = parseDecimal(text, lang);
    if (n.ok) patch[key] = n.value;
    else {
      parseErrors[key] = n.error;
      parseMessages[key] = n.errorText;
    }
  }
  const issues = validateKpi({ ...kpi, ...patch });
  // A field that does not read as a number reports that, not a consequence of it.
  const messages: FieldCatalogMessages = { ...issues.warningMessages, ...issues.errorMessages };
  for (const key of Object.keys(parseErrors) as DraftKey[]) delete messages[key];
  Object.assign(messages, parseMessages);
  return { patch, errors: { ...issues.errors, ...parseErrors }, warnings: issues.warnings, messages };
}

/** Text on its way to a number ("-", "12,"): not an error while it is being typed. */
export function looksUnfinished(text: string): boolean {
  return /^[-+−]?$|[.,]$/.test(text.trim());
}

export type KpiDraftForm = {
  /** The field being typed in, if any. */
  focusedKey: DraftKey | null;
  value(key: DraftKey): string;
  change(key: DraftKey, text: string): void;
  focus(key: DraftKey): void;
  blur(key: DraftKey): void;
  /** Errors of the KPI as typed (nothing with an error is stored). */
  errors: FieldMessages;
  warnings: FieldMessages;
  /** The KPI's own checks of a field, and a number that does not parse, as catalog messages. */
  messages: FieldCatalogMessages;
  /** Fields typed but not stored because the KPI would contradict itself. */
  unsaved: DraftKey[];
  discard(): void;
};

/** `lang` is the reader's: what they type is read, and stored values shown, with their decimal mark. */
export function useKpiDrafts(kpi: Kpi, lang = 'en'): KpiDraftForm {
  const [drafts, setDrafts] = useState<Drafts>({});
  const focused = useRef<DraftKey | null>(null);
  const [focusedKey, setFocusedKey] = useState<DraftKey | null>(null);
  const pending = useRef(0);

  // The stored KPI changed (our write's echo, an undo, another window): a draft that was fine is
  // done with, so the field shows the stored value again. Drafts with a problem stay on screen.
  const [seen, setSeen] = useState(kpi.updatedAt);
  if (kpi.updatedAt !== seen) {
    setSeen(kpi.updatedAt);
    const problems = evaluate(kpi, drafts, lang).errors;
    const keep = Object.fromEntries(Object.entries(drafts).filter(([k]) => problems[k as DraftKey] !== undefined || k === focusedKey));
    if (Object.keys(keep).length !== Object.keys(drafts).length) setDrafts(keep);
  }

  const { errors, warnings, messages } = evaluate(kpi, drafts, lang);
  const unsaved = (Object.keys(drafts) as DraftKey[]).filter(
    (k) => (errors[k] !== undefined && !(k === focusedKey && looksUnfinished(drafts[k] ?? ''))) || (k === 'direction' && (errors.greenAt || errors.redAt)),
  );

  const write = (patch: KpiPatch, written: Drafts) => {
    pending.current++;
    void save(() => repos.kpis.update(kpi.id, patch)).then((stored) => {
      pending.current--;
      if (!stored) return;
      // Forget what was stored, unless it is still being typed or was changed since.
      setDrafts((d) => {
        const next = { ...d };
        for (const [k, text] of Object.entries(written) as [DraftKey, string][]) {
          if (focused.current !== k && next[k] === text) delete next[k];
        }
        return next;
      });
    });
  };

  const change = (key: DraftKey, text: string) => {
    const next = { ...drafts, [key]: text };
    setDrafts(next);
    const all = evaluate(kpi, next, lang);
    if (Object.keys(all.errors).length === 0) {
      if (Object.keys(all.patch).length > 0) write(all.patch, next);
      return;
    }
    // Something else is still wrong: store this field alone if it is fine on its own.
    const alone = evaluate(kpi, { [key]: text }, lang);
    if (Object.keys(alone.errors).length === 0) write(alone.patch, { [key]: text });
  };

  return {
    focusedKey,
    value: (key) => drafts[key] ?? storedText(kpi, key, lang),
    change,
    focus: (key) => {
      focused.current = key;
      setFocusedKey(key);
    },
    blur: (key) => {
      focused.current = null;
      setFocusedKey(null);
      const text = drafts[key];
      if (text === undefined || errors[key] !== undefined) return;
      const { patch } = evaluate(kpi, { [key]: text }, lang);
      const same = key === 'direction' ? patch.direction === kpi.direction : (patch[key] ?? null) === kpi[key];
      if (same && pending.current === 0) {
        setDrafts((d) => {
          const next = { ...d };
          delete next[key];
          return next;
        });
      }
    },
    errors,
    warnings,
    messages,
    unsaved,
    discard: () => {
      setDrafts({});
    },
  };
}
