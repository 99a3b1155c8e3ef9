import { useState } from 'preact/hooks';
import type { CampaignSection } from '../../domain/campaign.ts';
import { frCampaignsReports } from '../text/strings-campaigns-reports.ts';
import type { CampaignModel, CampaignView } from './campaign-model.ts';

const K = frCampaignsReports.checklist;

/**
 * A partner's checklist for one campaign: per section, « C'est à jour » (confirmed) or « Corriger la
 * fiche » then « J'ai corrigé » (edited), each answer saved offline with channel « app ». When every section is
 * answered the listing is confirmed too (« Les informations sont à jour »), and the progress reads « Terminé ».
 */
export function PartnerChecklist({
  view,
  structureId,
  model,
}: {
  view: CampaignView;
  structureId: string;
  model: CampaignModel;
}) {
  const [status, setStatus] = useState('');
  const mine = view.partners.find((p) => p.structureId === structureId);
  if (!mine) return null;
  const answer = async (section: CampaignSection, etat: 'confirmee' | 'modifiee') => {
    const saved = await model.answerFromApp(view, structureId, section, etat);
    const answered = view.campagne.sections.filter((s) => s === section || mine.reponse?.[s]).length;
    setStatus(
      saved.ok ? (answered === view.campagne.sections.length ? K.complete : '') : frCampaignsReports.report.failed,
    );
  };
  const editHref = `/partenaires/${encodeURIComponent(structureId)}/modifier`;
  return (
    <section class="card" aria-labelledby={`checklist-${view.campagne.id}`} data-testid="checklist">
      <h2 id={`checklist-${view.campagne.id}`}>{view.campagne.nom}</h2>
      <p>{K.intro}</p>
      <p class="badge" data-testid="checklist-state">
        {frCampaignsReports.etats[mine.progression.etat]} ({mine.progression.faites}/{mine.progression.total})
      </p>
      <ul class="plain">
        {view.campagne.sections.map((s) => {
          const done = mine.reponse?.[s];
          const label = frCampaignsReports.sections[s];
          return (
            <li key={s} class="checklist-item">
              <h3>{label}</h3>
              {done ? (
                <p data-testid="checklist-done">
                  {done.etat === 'confirmee'
                    ? frCampaignsReports.campaigns.confirmed
                    : frCampaignsReports.campaigns.edited}{' '}
                  — {frCampaignsReports.canaux[done.canal]}
                </p>
              ) : (
                <div class="form-actions">
                  <button
                    type="button"
                    class="button primary"
                    aria-label={K.confirmNamed(label)}
                    onClick={() => void answer(s, 'confirmee')}
                  >
                    {K.confirm}
                  </button>
                  <a class="button" href={editHref}>
                    {K.edit}
                  </a>
                  <button
                    type="button"
                    class="button"
                    aria-label={K.markEditedNamed(label)}
                    onClick={() => void answer(s, 'modifiee')}
                  >
                    {K.markEdited}
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      <p role="status">{status}</p>
    </section>
  );
}
