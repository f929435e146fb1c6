import { repos } from '../../app/repos';
import { LONG_TEXT_MAX, SHORT_TEXT_MAX, type Workshop } from '../../domain/model';
import { AutosaveField } from '../../shared/AutosaveField';
import type { WorkshopPatch } from '../../db/workshops-repo';
import { LogoField } from './LogoField';
import './details.css';

export function DetailsView({ workshop }: { workshop: Workshop }) {
  const saveField = (k: keyof WorkshopPatch) => (v: string) => repos.workshops.update(workshop.id, { [k]: v });
  return (
    <section className="details" aria-labelledby="details-title">
      <h1 id="details-title" className="section-title">
        Workshop details
      </h1>
      <div className="form-grid details-grid">
        <AutosaveField label="Workshop name" value={workshop.name} onSave={saveField('name')} maxLength={SHORT_TEXT_MAX} required />
        <AutosaveField label="Client" value={workshop.client} onSave={saveField('client')} maxLength={SHORT_TEXT_MAX} />
        <AutosaveField label="Facilitator" value={workshop.facilitator} onSave={saveField('facilitator')} maxLength={SHORT_TEXT_MAX} />
        <LogoField workshop={workshop} />
        <div className="form-row">
          <AutosaveField label="Workshop date" type="date" value={workshop.workshopDate} onSave={saveField('workshopDate')} maxLength={10} />
          <AutosaveField
            label="Roadmap starts (day 1)"
            type="date"
            value={workshop.roadmapStartDate}
            onSave={saveField('roadmapStartDate')}
            maxLength={10}
            hint="The 120-day roadmap counts its days from this date."
          />
        </div>
        <AutosaveField label="Notes" multiline value={workshop.notes} onSave={saveField('notes')} maxLength={LONG_TEXT_MAX} />
      </div>
    </section>
  );
}
