import type { AppContext } from '../boot.ts';
import { Icon } from '../components/Icon.tsx';
import { fr } from '../strings.ts';
import { SyncStatus } from '../sync/SyncStatus.tsx';
import { AccountMenu } from './AccountMenu.tsx';
import { NavMenu } from './NavMenu.tsx';

export type ShellContext = Pick<
  AppContext,
  'session' | 'syncModel' | 'pending' | 'work' | 'workKept' | 'syncNow' | 'signOut'
>;

/**
 * The shell's one bar, at most 64 px at every width (a phone's screen is for the work): the menu, the app's name,
 * the connection and what waits to be sent, the manual sync, the account. Its height never changes as the status
 * arrives, so nothing below it moves.
 */
export function Header({ context }: { context: ShellContext }) {
  const account = context.session.account.value;
  const { pending } = context;
  // The sheet's count once the orientation in progress is read back (its screens read it; the first one does not).
  const onSheet = context.work.value?.recap.count.value ?? 0;
  const n = pending.items.value.length;
  const toReview = pending.toReview.value;
  const sync = [n > 0 && `${n}${fr.nav.pending}`, toReview > 0 && `${toReview}${fr.nav.toReview}`].filter(Boolean);
  return (
    <header class="app-bar">
      <NavMenu
        account={account}
        counts={{ '/synchronisation': sync.join(' · '), '/fiche': onSheet ? String(onSheet) : '' }}
      />
      <a href="/" class="brand">
        <img src="/icons/icon.svg" alt="" width="32" height="32" />
        {fr.appName}
      </a>
      <SyncStatus model={context.syncModel} pending={pending} onSync={context.syncNow} />
      {account ? (
        <AccountMenu account={account} pending={pending} workKept={context.workKept} onSignOut={context.signOut} />
      ) : (
        <a href="/connexion" class="bar-button">
          <Icon d="M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21a8 8 0 0 1 16 0" />
          <span class="wide-only">{fr.nav.signIn}</span>
        </a>
      )}
    </header>
  );
}
