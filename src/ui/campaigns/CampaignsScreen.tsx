import { enCours } from '../../domain/campaign.ts';
import { parisDay } from '../../domain/time/paris-time.ts';
import { useLoadedModel } from '../components/use-loaded-model.ts';
import type { CampaignsReportsContext } from '../reports/ReportsScreen.tsx';
import { frCampaignsReports } from '../text/strings-campaigns-reports.ts';
import { frDirectory } from '../text/strings-directory.ts';
import { CampaignProgress } from './CampaignProgress.tsx';
import { PartnerChecklist } from './PartnerChecklist.tsx';

const C = frCampaignsReports.campaigns;

/**
 * « Campagnes de mise à jour »: a coordinator launches campaigns and follows each partner's progress; a
 * partner gets the checklists of the campaigns that ask it. Read from the device, offline.
 */
export function CampaignsScreen({ context }: { context: CampaignsReportsContext }) {
  const model = useLoadedModel(
    () => context.listings().then((a) => a.campaigns()),
    (m) => m.views.follow(),
    [],
  );
  const views = model?.views.value ?? null;
  const account = context.session.account.value;
  const coordinator = account?.role === 'coordinateur';
  const own = account?.role === 'partenaire' ? account.structure_id : undefined;
  const today = parisDay(Date.now());
  const shown = coordinator ? views : views?.filter((v) => enCours(v.campagne, today));
  return (
    <section aria-labelledby="campaigns-title">
      <h1 id="campaigns-title">{coordinator ? C.title : frCampaignsReports.checklist.title}</h1>
      <p>{coordinator ? C.intro : frCampaignsReports.checklist.intro}</p>
      {coordinator && (
        <p>
          <a class="button primary" href="/campagnes/nouvelle">
            {C.launch}
          </a>
        </p>
      )}
      {shown === null || shown === undefined || model === null ? (
        <p aria-busy="true">{frDirectory.loading}</p>
      ) : shown.length === 0 ? (
        <p>{C.none}</p>
      ) : (
        shown.map((view) =>
          coordinator ? (
            <CampaignProgress key={view.campagne.id} view={view} model={model} />
          ) : own ? (
            <PartnerChecklist key={view.campagne.id} view={view} structureId={own} model={model} />
          ) : null,
        )
      )}
    </section>
  );
}
