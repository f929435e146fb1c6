// What the facilitator sets before exporting the pack: the cover's consultancy name, version and
// "Confidential" mark, the paper size, and for each decision the pack recommends, its wording in
// the facilitator's own words and what is asked of the sponsor (decision, people, budget). Every
// keystroke is stored at once on the workshop (audited like any other edit); the dialog keeps its
// own copy while open so fast typing never races the stored row.
import { useId, useRef, useState } from 'react';
import { repos } from '../../app/repos';
import { save } from '../../app/persist';
import type { SponsorAsk, SponsorPackSettings, Workshop } from '../../domain/model';
import type { DecisionRequest } from '../../domain/sponsor-pack';
import { useInterfaceT } from '../../i18n/react';

export const DEFAULT_PACK_SETTINGS: SponsorPackSettings = { consultancy: '', version: '', confidential: false, paper: 'a4', asks: {} };

const EMPTY_ASK: SponsorAsk = { wording: '', decision: '', people: '', budget: '' };

export function PackSettingsEditor({ workshop, decisions, disabled }: { workshop: Workshop; decisions: readonly DecisionRequest[]; disabled: boolean }) {
  const ids = useId();
  const { t } = useInterfaceT();
  const [settings, setSettings] = useState<SponsorPackSettings>(() => ({ ...DEFAULT_PACK_SETTINGS, ...workshop.sponsorPack }));
  const latest = useRef(settings);

  const store = (next: SponsorPackSettings, field: string) => {
    latest.current = next;
    setSettings(next);
    void save(() => repos.workshops.update(workshop.id, { sponsorPack: next }, { label: 'Edit the sponsor pack', coalesceKey: `sponsor-pack:${workshop.id}:${field}` }));
  };
  const setCover = <K extends Exclude<keyof SponsorPackSettings, 'asks'>>(key: K, value: SponsorPackSettings[K]) => store({ ...latest.current, [key]: value }, key);
  const setAsk = (useCaseId: string, key: keyof SponsorAsk, value: string) => {
    const current = latest.current;
    const ask = { ...EMPTY_ASK, ...current.asks[useCaseId], [key]: value };
    store({ ...current, asks: { ...current.asks, [useCaseId]: ask } }, `${useCaseId}:${key}`);
  };

  return (
    <div className="export-settings">
      <fieldset className="export-fieldset" disabled={disabled}>
        <legend>{t('export.cover')}</legend>
        <div className="export-cover-grid">
          <label htmlFor={`${ids}-consultancy`}>{t('export.consultancy')}</label>
          <input id={`${ids}-consultancy`} value={settings.consultancy} maxLength={200} onChange={(e) => setCover('consultancy', e.target.value)} />
          <label htmlFor={`${ids}-version`}>{t('export.version')}</label>
          <input id={`${ids}-version`} value={settings.version} maxLength={200} placeholder={t('export.versionPlaceholder')} onChange={(e) => setCover('version', e.target.value)} />
          <label htmlFor={`${ids}-paper`}>{t('export.paper')}</label>
          <select id={`${ids}-paper`} value={settings.paper} onChange={(e) => setCover('paper', e.target.value === 'letter' ? 'letter' : 'a4')}>
            <option value="a4">A4</option>
            <option value="letter">{t('export.letter')}</option>
          </select>
          <span />
          <label className="export-option">
            <input type="checkbox" checked={settings.confidential} onChange={(e) => setCover('confidential', e.target.checked)} />
            <span>{t('export.confidential')}</span>
          </label>
        </div>
      </fieldset>

      <fieldset className="export-fieldset" disabled={disabled}>
        <legend>{t('export.decisionsLegend')}</legend>
        {decisions.length === 0 ? (
          <p className="field-hint">{t('export.noDecisions')}</p>
        ) : (
          // What the pack says (stage, decision, facts, derived wording) is in the workshop's language,
          // the sponsor's, whatever the interface speaks: marked so, for hyphenation and screen readers.
          <ol className="export-decisions" aria-label={t('export.decisionsRequested')}>
            {decisions.map((d) => {
              const ask = settings.asks[d.useCaseId] ?? EMPTY_ASK;
              return (
                <li key={d.useCaseId} className="export-decision">
                  <p className="export-decision-head" lang={workshop.language}>
                    <strong>{d.title}</strong> · {d.stageLabel} · <span className={`export-decision-label is-${d.decision}`}>{d.label}</span>
                  </p>
                  <ul className="export-decision-facts" lang={workshop.language}>
                    {d.facts.map((f) => (
                      <li key={f}>{f}</li>
                    ))}
                  </ul>
                  <label htmlFor={`${ids}-${d.useCaseId}-wording`}>{t('export.wording')}</label>
                  <textarea
                    id={`${ids}-${d.useCaseId}-wording`}
                    rows={2}
                    lang={workshop.language}
                    maxLength={5000}
                    value={ask.wording}
                    placeholder={d.derived}
                    onChange={(e) => setAsk(d.useCaseId, 'wording', e.target.value)}
                  />
                  <div className="export-ask-grid">
                    <label>
                      <span>{t('export.decisionAsked')}</span>
                      <input value={ask.decision} lang={workshop.language} maxLength={2000} placeholder={d.label} onChange={(e) => setAsk(d.useCaseId, 'decision', e.target.value)} />
                    </label>
                    <label>
                      <span>{t('export.people')}</span>
                      <input value={ask.people} maxLength={2000} placeholder={t('export.peoplePlaceholder')} onChange={(e) => setAsk(d.useCaseId, 'people', e.target.value)} />
                    </label>
                    <label>
                      <span>{t('export.budget')}</span>
                      <input value={ask.budget} maxLength={2000} placeholder={t('export.budgetPlaceholder')} onChange={(e) => setAsk(d.useCaseId, 'budget', e.target.value)} />
                    </label>
                  </div>
                </li>
              );
            })}
          </ol>
        )}
      </fieldset>
    </div>
  );
}
