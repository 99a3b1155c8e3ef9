import { useState } from 'preact/hooks';
import { enCours } from '../../domain/campaign.ts';
import { parisDay } from '../../domain/time/paris-time.ts';
import { Icon } from '../components/Icon.tsx';
import { useLoadedModel } from '../components/use-loaded-model.ts';
import { useWideEnough } from '../components/use-wide-enough.ts';
import type { CampaignsReportsContext } from '../reports/ReportsScreen.tsx';
import { numericDate } from '../text/fr-format.ts';
import { frCampaignsReports } from '../text/strings-campaigns-reports.ts';

const B = frCampaignsReports.banner;

/**
 * The partner's banner: a running campaign that asks this partner and that it has not finished, with a
 * link to its checklist. Loaded as a chunk of its own for partner accounts only. On a phone, or when several
 * campaigns ask at once, it is one line: the link and a button that shows each campaign's name and end date, so that
 * Accueil's search and « Nouvelle orientation » stay in the first screen; the banner is named by a campaign all the
 * same.
 */
export function CampaignBanner({ context }: { context: CampaignsReportsContext }) {
  const model = useLoadedModel(
    () => context.listings().then((a) => a.campaigns()),
    (m) => m.views.follow(),
    [],
  );
  const wide = useWideEnough();
  const [open, setOpen] = useState(false);
  const views = model?.views.value ?? [];
  const own = context.session.account.value?.structure_id;
  const today = parisDay(Date.now());
  const todo = views.filter(
    (v) =>
      enCours(v.campagne, today) && v.partners.some((p) => p.structureId === own && p.progression.etat !== 'termine'),
  );
  if (todo.length === 0) return null;
  const folded = !wide || todo.length > 1;
  const details = (
    <div id="campaign-banner-details" class="campaign-details" hidden={folded && !open}>
      {todo.map((v, i) => (
        <div key={v.campagne.id}>
          <p id={i === 0 ? 'campaign-banner-title' : undefined}>
            <strong>{B.title(v.campagne.nom)}</strong>
          </p>
          <p>{B.text(numericDate(v.campagne.fin))}</p>
        </div>
      ))}
    </div>
  );
  const action = (
    <a class="button primary" href="/campagnes">
      {B.open}
    </a>
  );
  return (
    <aside
      class={folded ? 'campaign-banner compact' : 'campaign-banner'}
      aria-labelledby="campaign-banner-title"
      data-testid="campaign-banner"
    >
      {!folded ? (
        <>
          {details}
          {action}
        </>
      ) : (
        <>
          <div class="campaign-line">
            {action}
            <button
              type="button"
              class="button campaign-toggle"
              aria-expanded={open}
              aria-controls="campaign-banner-details"
              onClick={() => setOpen(!open)}
            >
              <Icon d="M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM12 16v-5M12 8h.01" />
              <span class="sr-only">{B.details}</span>
            </button>
          </div>
          {details}
        </>
      )}
    </aside>
  );
}
