import { enCours } from '../../../domain/campagne.ts';
import { parisDay } from '../../../matching/hours/paris-time.ts';
import { frSuivi } from '../../strings-suivi.ts';
import { useLoadedModel } from '../use-loaded-model.ts';
import type { SuiviContext } from './SignalementsScreen.tsx';

const B = frSuivi.banner;
const fmt = (iso: string) => new Date(`${iso}T12:00:00Z`).toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' });

/**
 * The partner's banner (issue 7): a running campaign that asks this partner and that it has not finished, with a
 * link to its checklist. Loaded as a chunk of its own for partner accounts only.
 */
export function CampaignBanner({ context }: { context: SuiviContext }) {
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
          <p>{B.text(fmt(v.campagne.fin))}</p>
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
