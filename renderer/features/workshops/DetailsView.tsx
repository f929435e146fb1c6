import { repos } from '../../app/repos';
import { LONG_TEXT_MAX, SHORT_TEXT_MAX, type Workshop } from '../../domain/model';
import { AutosaveField } from '../../shared/AutosaveField';
import type { WorkshopPatch } from '../../db/workshops-repo';
import { LogoField } from './LogoField';
import './details.css';
import type { Language } from '../../domain/languages';
import { save } from '../../app/persist';
import { loadAppCatalog } from '../../i18n/app-catalog';
import { useInterfaceT } from '../../i18n/react';
import { WorkshopLanguageField } from '../../shared/LanguageSelect';

export function DetailsView({ workshop }: { workshop: Workshop }) {
  const { t } = useInterfaceT();
  const saveField = (k: keyof WorkshopPatch) => (v: string) => repos.workshops.update(workshop.id, { [k]: v });
  // The catalog first, so the projector switches language in one step rather than via English.
  const setLanguage = (language: Language) =>
    void save(async () => {
      await loadAppCatalog(language).catch(() => undefined);
      return repos.workshops.setLanguage(workshop.id, language);
    });
  return (
    <section className="details" aria-labelledby="details-title">
      <h1 id="details-title" className="section-title">
        {t('details.title')}
      </h1>
      <div className="form-grid details-grid">
        <AutosaveField label={t('form.name')} value={workshop.name} onSave={saveField('name')} maxLength={SHORT_TEXT_MAX} required />
        <AutosaveField label={t('form.client')} value={workshop.client} onSave={saveField('client')} maxLength={SHORT_TEXT_MAX} />
        <AutosaveField label={t('form.facilitator')} value={workshop.facilitator} onSave={saveField('facilitator')} maxLength={SHORT_TEXT_MAX} />
        <LogoField workshop={workshop} />
        <div className="form-row">
          <AutosaveField label={t('form.workshopDate')} type="date" value={workshop.workshopDate} onSave={saveField('workshopDate')} maxLength={10} />
          <AutosaveField
            label={t('form.roadmapStart')}
            type="date"
            value={workshop.roadmapStartDate}
            onSave={saveField('roadmapStartDate')}
            maxLength={10}
            hint={t('form.roadmapHint')}
          />
        </div>
        <WorkshopLanguageField id="details-language" value={workshop.language} onChange={setLanguage} />
        <AutosaveField label={t('form.notes')} multiline value={workshop.notes} onSave={saveField('notes')} maxLength={LONG_TEXT_MAX} />
      </div>
    </section>
  );
}
