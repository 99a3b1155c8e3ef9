import { useLocation } from 'preact-iso';
import type { Account } from '../../domain/sync-protocol.ts';
import { Icon } from '../components/Icon.tsx';
import { useDisclosure } from '../components/use-disclosure.ts';
import { fr } from '../strings.ts';

const N = fr.nav;
const toPage = () => document.getElementById('contenu')?.focus();

/** Every screen the account's role works with, in the order of a day's work; sub-screens open from these. */
export function navItems(account: Account | null): Array<[href: string, label: string]> {
  const role = account?.role;
  const own = role === 'partenaire' && account?.structure_id;
  return [
    ['/', N.home],
    ...(own ? [[`/partenaires/${encodeURIComponent(own)}`, fr.listings.ownListing] as [string, string]] : []),
    ['/annuaire', N.directory],
    ['/orientation', N.orientation],
    ['/fiche', N.handout],
    ['/agenda', N.agenda],
    ...(role
      ? ([
          ['/orientations', fr.referral.navLabel],
          ...(role !== 'partenaire' ? [['/propositions', fr.listings.proposalsNav]] : []),
          ['/signalements', N.reports],
          ...(role !== 'travailleur' ? [['/campagnes', N.campaigns]] : []),
          ...(role === 'coordinateur'
            ? [
                ['/couverture', N.coverage],
                ['/evaluation', N.evaluation],
                ['/administration', N.admin],
              ]
            : []),
        ] as Array<[string, string]>)
      : []),
    ['/donnees', N.data],
    ['/synchronisation', N.sync],
  ];
}

/**
 * The main navigation behind one « Menu » button, at every width: a coordinator's eleven screens never fit a 64 px
 * bar, and one place to look is simpler than a bar that changes with the width. Counts say what waits.
 */
export function NavMenu({
  account,
  counts,
}: {
  account: Account | null;
  /** Words shown beside a screen's link: what waits to be sent, partners in the sheet. */
  counts: Record<string, string>;
}) {
  const menu = useDisclosure();
  const { path } = useLocation();
  return (
    <div class="menu" ref={menu.root} onFocusOut={menu.onFocusOut}>
      <button
        type="button"
        class="bar-button"
        ref={menu.button}
        aria-expanded={menu.open}
        aria-controls="nav-panel"
        onClick={() => menu.setOpen(!menu.open)}
      >
        <Icon d="M4 7h16M4 12h16M4 17h16" />
        <span class="wide-only">{N.menu}</span>
      </button>
      <nav id="nav-panel" class="menu-panel" aria-label={N.label} hidden={!menu.open}>
        <ul>
          {navItems(account).map(([href, label]) => (
            <li key={href}>
              {/* Followed: the menu closes (new address) and focus goes to the page, not to a hidden link. */}
              <a href={href} aria-current={href === path ? 'page' : undefined} onClick={toPage}>
                {label}
                {counts[href] && <span class="count">{counts[href]}</span>}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
