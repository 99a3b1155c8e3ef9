import { enCours } from '../../domain/campaign.ts';
import { parisDay } from '../../domain/time/paris-time.ts';
import { useLoadedModel } from '../components/use-loaded-model.ts';
import type { CampaignsReportsContext } from '../reports/ReportsScreen.tsx';
import { numericDate } from '../text/fr-format.ts';
import { frCampaignsReports } from '../text/strings-campaigns-reports.ts';

const B = frCampaignsReports.banner;

/**
 * The partner's banner: a running campaign that asks this partner and that it has not finished, with a
 * link to its checklist. Loaded as a chunk of its own for partner accounts only.
 */
export function CampaignBanner({ context }: { context: CampaignsReportsContext }) {
  const model = useLoadedModel(
    () => context.listings().then((a) => a.campaigns()),
    (m) => m.views.follow(),
    [],
  );
  const views = model?.views.value ?? [];
  const own = context.session.account.value?.structure_id;
  const today = parisDay(Date.now());
  const todo = views.filter(
    (v) =>
      enCours(v.campagne, today) && v.partners.some((p) => p.structureId === own && p.progression.etat !== 'termine'),
  );
  if (todo.length === 0) return null;
  return (
    <aside class="campaign-banner" aria-labelledby="campaign-banner-title" data-testid="campaign-banner">
      {todo.map((v, i) => (
        <div key={v.campagne.id}>
          <p id={i === 0 ? 'campaign-banner-title' : undefined}>
            <strong>{B.title(v.campagne.nom)}</strong>
          </p>
          <p>{B.text(numericDate(v.campagne.fin))}</p>
        </div>
      ))}
      <p>
        <a class="button primary" href="/campagnes">
          {B.open}
        </a>
      </p>
    </aside>
  );
}
