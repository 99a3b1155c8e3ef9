import { ROLES } from '../../domain/vocabulary.ts';
import type { AppContext } from '../boot.ts';
import { fr } from '../strings.ts';
import { SyncBar } from './SyncBar.tsx';

export function Header({ context }: { context: AppContext }) {
  const account = context.session.account.value;
  const { pending, conflicts, rejections } = context.syncModel.queue.value;
  const toReview = conflicts + rejections;
  return (
    <header class="app-header">
      <div class="brand">
        <img src="/icons/icon.svg" alt="" width="40" height="40" />
        <div>
          <p class="brand-name">{fr.appName}</p>
          <p class="brand-tagline">{fr.tagline}</p>
        </div>
      </div>
      <nav aria-label={fr.nav.label} class="main-nav">
        <a href="/">{fr.nav.home}</a>
        <a href="/annuaire">{fr.nav.directory}</a>
        <a href="/agenda">{fr.nav.agenda}</a>
        {account && <a href="/orientations">{fr.referral.navLabel}</a>}
        {account && account.role !== 'partenaire' && <a href="/propositions">{fr.listings.proposalsNav}</a>}
        {account && <a href="/signalements">{fr.nav.reports}</a>}
        {account && account.role !== 'travailleur' && <a href="/campagnes">{fr.nav.campaigns}</a>}
        <a href="/synchronisation">
          {fr.nav.sync}
          {pending > 0 && <span class="count">{fr.nav.pending(pending)}</span>}
          {toReview > 0 && <span class="count alert">{fr.nav.toReview(toReview)}</span>}
        </a>
        {account ? (
          <span class="account" data-testid="account">
            {account.nom} · {ROLES[account.role]}
          </span>
        ) : (
          <a href="/connexion">{fr.nav.signIn}</a>
        )}
      </nav>
      <SyncBar model={context.syncModel} directory={context.directory} onSync={context.syncNow} />
    </header>
  );
}
