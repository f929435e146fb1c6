// The register's controls: the 1–5 pickers with their wording, quick add, and the filters.
import { useId, useRef, useState, type FormEvent } from 'react';
import { repos } from '../../app/repos';
import { save } from '../../app/persist';
import { isolateBidi } from '../../domain/labels';
import { RISK_CATEGORIES, SHORT_TEXT_MAX, type UseCase } from '../../domain/model';
import { useT } from '../../i18n/react';
import type { AppMessageId } from '../../i18n/app-catalog';
import { riskCategoryLabel, riskStatusLabel } from '../../shared/stage-words';
import {
  RISK_LEVELS,
  RISK_STATUSES,
  type RiskCategory,
  type RiskFilter,
  type RiskLevel,
  type RiskScope,
} from '../../domain/risks';

type T = ReturnType<typeof useT>['t'];
/** Likelihood or impact words for the five levels, in the reader's language. */
export const levelWords = (t: T, kind: 'likelihood' | 'impact'): Record<RiskLevel, string> =>
  Object.fromEntries(RISK_LEVELS.map((l) => [l, t(`risks.${kind}.${l}` as AppMessageId)])) as Record<RiskLevel, string>;

/** The select value that stands for "the whole workshop" (ids are UUIDs, so it cannot clash). */
export const WORKSHOP_VALUE = '__workshop__';
const ALL_VALUE = '__all__';

/** Which use case a risk belongs to, or the whole workshop. */
export function UseCaseSelect({ id, value, useCases, onChange, className }: { id: string; value: string | null; useCases: UseCase[]; onChange: (v: string | null) => void; className?: string }) {
  const { t } = useT();
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>{t('risks.useCase')}</label>
      <select id={id} value={value ?? WORKSHOP_VALUE} onChange={(e) => onChange(e.target.value === WORKSHOP_VALUE ? null : e.target.value)}>
        <option value={WORKSHOP_VALUE}>{t('risks.workshopWide')}</option>
        {useCases.map((u) => (
          <option key={u.id} value={u.id}>
            {isolateBidi(u.title)}
          </option>
        ))}
      </select>
    </div>
  );
}

export function CategorySelect({ id, value, onChange, className }: { id: string; value: RiskCategory; onChange: (v: RiskCategory) => void; className?: string }) {
  const { t } = useT();
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>{t('risks.category')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as RiskCategory)}>
        {RISK_CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {riskCategoryLabel(t, c)}
          </option>
        ))}
      </select>
    </div>
  );
}

export function LevelSelect({
  id,
  label,
  labels,
  value,
  onChange,
}: {
  id: string;
  label: string;
  labels: Record<RiskLevel, string>;
  value: number;
  onChange: (v: RiskLevel) => void;
}) {
  return (
    <div className="field rk-level">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(Number(e.target.value) as RiskLevel)}>
        {RISK_LEVELS.map((n) => (
          <option key={n} value={n}>
            {n} · {labels[n]}
          </option>
        ))}
      </select>
    </div>
  );
}

export type AddedRisk = { id: string; title: string };

/** Type a title and press Enter; the pickers beside it keep their choice for the next risk. */
export function QuickAddRisk({
  workshopId,
  useCases,
  defaultUseCaseId,
  onAdded,
}: {
  workshopId: string;
  useCases: UseCase[];
  defaultUseCaseId: string | null;
  onAdded: (risk: AddedRisk) => void;
}) {
  const id = useId();
  const { t } = useT();
  const titleRef = useRef<HTMLInputElement>(null);
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [useCaseId, setUseCaseId] = useState<string | null>(defaultUseCaseId);
  const [seenDefault, setSeenDefault] = useState(defaultUseCaseId);
  if (defaultUseCaseId !== seenDefault) {
    // Filtering the register to a use case makes it the new risks' use case too.
    setSeenDefault(defaultUseCaseId);
    setUseCaseId(defaultUseCaseId);
  }
  const [category, setCategory] = useState<RiskCategory>('operational');
  const [likelihood, setLikelihood] = useState<RiskLevel>(3);
  const [impact, setImpact] = useState<RiskLevel>(3);
  const known = useCaseId === null || useCases.some((u) => u.id === useCaseId);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) {
      setError(t('risks.typeFirst'));
      titleRef.current?.focus();
      return;
    }
    setError(null);
    const added = await save(() => repos.risks.add(workshopId, { title, useCaseId: known ? useCaseId : null, category, likelihood, impact }));
    if (added) {
      setTitle('');
      onAdded({ id: added.id, title: added.title });
    }
    titleRef.current?.focus();
  };

  return (
    <form className="rk-add" aria-label={t('risks.addRisk')} onSubmit={(e) => void submit(e)}>
      <div className="field rk-add-title">
        <label htmlFor={`${id}-title`}>{t('risks.newRisk')}</label>
        <input
          ref={titleRef}
          id={`${id}-title`}
          value={title}
          maxLength={SHORT_TEXT_MAX}
          autoComplete="off"
          placeholder={t('risks.newRiskPlaceholder')}
          aria-label={t('risks.newRiskTitle')}
          onChange={(e) => {
            setTitle(e.target.value);
            if (error) setError(null);
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
      </div>
      <UseCaseSelect id={`${id}-uc`} value={known && useCaseId ? useCaseId : null} useCases={useCases} onChange={setUseCaseId} />
      <CategorySelect id={`${id}-cat`} value={category} onChange={setCategory} />
      <LevelSelect id={`${id}-l`} label={t('risks.likelihood')} labels={levelWords(t, 'likelihood')} value={likelihood} onChange={setLikelihood} />
      <LevelSelect id={`${id}-i`} label={t('risks.impact')} labels={levelWords(t, 'impact')} value={impact} onChange={setImpact} />
      <button type="submit" className="btn btn-primary rk-add-button">
        {t('risks.addButton')}
      </button>
      {error ? (
        <p id={`${id}-error`} className="field-error rk-add-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}

function scopeValue(scope: RiskScope): string {
  if (scope.kind === 'all') return ALL_VALUE;
  if (scope.kind === 'workshop') return WORKSHOP_VALUE;
  return scope.useCaseId;
}

function scopeOf(value: string): RiskScope {
  if (value === ALL_VALUE) return { kind: 'all' };
  if (value === WORKSHOP_VALUE) return { kind: 'workshop' };
  return { kind: 'use-case', useCaseId: value };
}

export function RiskFilters({ filter, onChange, useCases }: { filter: RiskFilter; onChange: (f: RiskFilter) => void; useCases: UseCase[] }) {
  const id = useId();
  const { t } = useT();
  return (
    <fieldset className="rk-filters">
      <legend>{t('risks.filterLegend')}</legend>
      <div className="rk-filters-grid">
        <div className="field">
          <label htmlFor={`${id}-uc`}>{t('risks.useCase')}</label>
          <select id={`${id}-uc`} value={scopeValue(filter.scope)} onChange={(e) => onChange({ ...filter, scope: scopeOf(e.target.value) })}>
            <option value={ALL_VALUE}>{t('risks.allRisks')}</option>
            <option value={WORKSHOP_VALUE}>{t('risks.workshopWideOnlyOption')}</option>
            {useCases.map((u) => (
              <option key={u.id} value={u.id}>
                {isolateBidi(u.title)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-cat`}>{t('risks.category')}</label>
          <select id={`${id}-cat`} value={filter.category} onChange={(e) => onChange({ ...filter, category: e.target.value as RiskFilter['category'] })}>
            <option value="all">{t('risks.allCategories')}</option>
            {RISK_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {riskCategoryLabel(t, c)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-st`}>{t('risks.statusLabel')}</label>
          <select id={`${id}-st`} value={filter.status} onChange={(e) => onChange({ ...filter, status: e.target.value as RiskFilter['status'] })}>
            <option value="all">{t('risks.anyStatus')}</option>
            <option value="active">{t('risks.activeStatus')}</option>
            {RISK_STATUSES.map((s) => (
              <option key={s} value={s}>
                {riskStatusLabel(t, s)}
              </option>
            ))}
          </select>
        </div>
        <label className="rk-check">
          <input type="checkbox" checked={filter.overdueOnly} onChange={(e) => onChange({ ...filter, overdueOnly: e.target.checked })} />
          {t('risks.overdueOnly')}
        </label>
      </div>
    </fieldset>
  );
}
