import type { ReadonlySignal } from '@preact/signals';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { Account } from '../../domain/sync-protocol.ts';
import { roleBesideName } from '../../domain/vocabulary-roles.ts';
import { Icon } from '../components/Icon.tsx';
import { useDisclosure } from '../components/use-disclosure.ts';
import { fr } from '../strings.ts';
import type { PendingModel } from '../sync/pending-model.ts';

const A = fr.account;

/**
 * Who is signed in, and signing out. Signing out erases the account's data from the device, what waits to be sent
 * included: the warning counts it from the pending model (every queue), says when an orientation in progress will be
 * erased with it, and the person confirms in the panel.
 */
export function AccountMenu({
  account,
  pending,
  workKept,
  onSignOut,
}: {
  account: Account;
  pending: PendingModel;
  workKept: ReadonlySignal<boolean>;
  onSignOut: () => Promise<void>;
}) {
  const menu = useDisclosure();
  const location = useLocation();
  const [confirming, setConfirming] = useState(false);
  const warning = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (!menu.open) setConfirming(false);
  }, [menu.open]);
  useEffect(() => {
    if (confirming) warning.current?.focus();
    // Cancelled: back to « Se déconnecter », not to a button that is gone.
    else if (menu.open) menu.root.current?.querySelector<HTMLElement>('.menu-panel button')?.focus();
  }, [confirming]);
  const n = pending.items.value.length;
  const work = workKept.value;
  async function signOut() {
    await onSignOut();
    location.route('/');
    document.getElementById('contenu')?.focus();
  }
  return (
    <div class="menu account-menu" ref={menu.root} onFocusOut={menu.onFocusOut}>
      <button
        type="button"
        class="bar-button"
        ref={menu.button}
        aria-expanded={menu.open}
        aria-controls="account-panel"
        onClick={() => menu.setOpen(!menu.open)}
        data-testid="account"
      >
        <Icon d="M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21a8 8 0 0 1 16 0" />
        <span class="xl-only account-name">{account.nom}</span>
      </button>
      <div id="account-panel" class="menu-panel" hidden={!menu.open}>
        <p>
          <strong>{account.nom}</strong>
          {roleBesideName(account.nom, account.role) && (
            <>
              <br />
              {roleBesideName(account.nom, account.role)}
            </>
          )}
        </p>
        {confirming ? (
          <>
            {/* Focused when shown, so that it is read before the choice. */}
            <p ref={warning} tabIndex={-1} class={n > 0 || work ? 'notice warn' : ''} data-testid="sign-out-warning">
              {n > 0 ? A.loses(n) : A.erases}
              {work && ` ${A.work}`}
            </p>
            {n > 0 && (
              <p>
                <a href="/synchronisation">{A.seePending}</a>
              </p>
            )}
            <div class="actions">
              <button type="button" class="button" disabled={!pending.loaded.value} onClick={() => void signOut()}>
                {n > 0 ? A.anyway : A.signOut}
              </button>
              <button type="button" class="button" onClick={() => setConfirming(false)}>
                {A.cancel}
              </button>
            </div>
          </>
        ) : (
          <button type="button" class="button" onClick={() => setConfirming(true)}>
            {A.signOut}
          </button>
        )}
      </div>
    </div>
  );
}
