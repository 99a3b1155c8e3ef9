import { useEffect, useMemo, useState } from 'preact/hooks';
import type { AccountSummary, AuditEntry, Claim, InvitationAnswer } from '../../domain/admin.ts';
import type { AppContext } from '../boot.ts';
import { numericDateTime } from '../text/fr-format.ts';
import { adminClient } from './admin-client.ts';
import { InvitationLetter } from './InvitationLetter.tsx';
import { InviteForm } from './InviteForm.tsx';
import { frAdmin as A } from './strings-admin.ts';

/**
 * « Administration » (coordinators): accounts of the territory with their devices, invitations with a printable
 * letter, disabling, device revocation, partners' claims and the audit trail. Everything is decided by the server
 * (/api/v1/admin): this screen needs the network and says so offline.
 */
export function AdminScreen({ context, fetchImpl }: { context: AppContext; fetchImpl?: typeof fetch }) {
  const getToken = context.session.token;
  const client = useMemo(() => adminClient({ getToken, ...(fetchImpl ? { fetchImpl } : {}) }), [getToken, fetchImpl]);
  const online = context.syncModel.online.value;
  const isCoordinator = context.session.account.value?.role === 'coordinateur';
  const [accounts, setAccounts] = useState<AccountSummary[] | null>(null);
  const [claims, setClaims] = useState<Claim[]>([]);
  const [journal, setJournal] = useState<AuditEntry[]>([]);
  const [status, setStatus] = useState('');
  const [letter, setLetter] = useState<InvitationAnswer | null>(null);
  const structures = context.catalog.value?.snapshot.value?.structures;
  const preset = new URLSearchParams(globalThis.location?.search ?? '').get('inviter') ?? undefined;

  async function reload() {
    try {
      const [a, c, j] = await Promise.all([client.accounts(), client.claims(), client.audit()]);
      setAccounts(a);
      setClaims(c);
      setJournal(j);
    } catch (error) {
      setStatus(A.failed(error instanceof Error ? error.message : String(error)));
    }
  }

  useEffect(() => {
    if (online && isCoordinator) void reload();
  }, [online, isCoordinator]);

  async function act(run: () => Promise<unknown>, confirmText?: string) {
    if (confirmText && !globalThis.confirm(confirmText)) return;
    setStatus(A.loading);
    try {
      const answer = await run();
      if (answer && typeof answer === 'object' && 'code' in answer) setLetter(answer as InvitationAnswer);
      setStatus(A.done);
      await reload();
    } catch (error) {
      setStatus(A.failed(error instanceof Error ? error.message : String(error)));
    }
  }

  const placeName = (id: string | undefined) => (id === undefined ? undefined : (structures?.get(id)?.nom ?? id));

  return (
    <section aria-labelledby="admin-title" class="admin-screen">
      <h1 id="admin-title">{A.title}</h1>
      <p>{A.intro}</p>
      {!isCoordinator && <p class="notice">{A.forbidden}</p>}
      {isCoordinator && !online && (
        <p id="admin-offline" class="notice" role="status">
          {A.offline}
        </p>
      )}
      <p role="status" aria-live="polite">
        {status}
      </p>
      {letter && (
        <InvitationLetter
          answer={letter}
          place={placeName(letter.compte.structure_id ?? letter.compte.equipe_id)}
          onClose={() => setLetter(null)}
        />
      )}
      {isCoordinator && online && (
        <>
          <InviteForm
            structures={structures}
            preset={preset}
            onInvite={(request) => act(() => client.invite(request))}
          />
          <section aria-labelledby="claims-title">
            <h2 id="claims-title">{A.claimsTitle}</h2>
            {claims.filter((c) => c.etat === 'ouverte').length === 0 ? (
              <p>{A.noClaims}</p>
            ) : (
              <ul class="admin-list">
                {claims
                  .filter((c) => c.etat === 'ouverte')
                  .map((c) => (
                    <li key={c.id} class="admin-card">
                      <h3>{c.structure_nom}</h3>
                      <p>{A.claimBy(c.nom, c.contact ?? '')}</p>
                      <div class="actions">
                        <button type="button" class="button" onClick={() => void act(() => client.acceptClaim(c.id))}>
                          {A.accept}
                        </button>
                        <button type="button" class="button" onClick={() => void act(() => client.refuseClaim(c.id))}>
                          {A.refuse}
                        </button>
                      </div>
                    </li>
                  ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="accounts-title">
            <h2 id="accounts-title">{A.accountsTitle}</h2>
            {accounts === null ? (
              <p aria-busy="true">{A.loading}</p>
            ) : accounts.length === 0 ? (
              <p>{A.noAccounts}</p>
            ) : (
              <ul class="admin-list">
                {accounts.map((a) => (
                  <AccountCard
                    key={a.id}
                    account={a}
                    place={placeName(a.structure_id ?? a.equipe_id)}
                    self={a.id === context.session.account.value?.id}
                    act={act}
                    client={client}
                  />
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="journal-title">
            <h2 id="journal-title">{A.journalTitle}</h2>
            {journal.length === 0 ? (
              <p>{A.noJournal}</p>
            ) : (
              <ol class="admin-journal">
                {journal.map((l) => (
                  <li key={l.seq}>
                    <time dateTime={l.le}>{numericDateTime(Date.parse(l.le))}</time> — {l.acteur} {A.actions[l.action]}{' '}
                    {l.cible}
                  </li>
                ))}
              </ol>
            )}
          </section>
        </>
      )}
    </section>
  );
}

function AccountCard({
  account: a,
  place,
  self,
  act,
  client,
}: {
  account: AccountSummary;
  place: string | undefined;
  self: boolean;
  act: (run: () => Promise<unknown>, confirmText?: string) => Promise<void>;
  client: ReturnType<typeof adminClient>;
}) {
  const active = a.appareils.filter((d) => d.revoque_le === null);
  return (
    <li class="admin-card" data-account={a.id}>
      <h3>{a.nom}</h3>
      <p>
        {A.roles[a.role]} · <strong>{A.states[a.etat]}</strong>
        {place !== undefined && (
          <>
            {' '}
            · {a.role === 'partenaire' ? A.structure : A.team} : {place}
          </>
        )}
        {a.role === 'coordinateur' && <> · {a.communes ? A.territory(a.communes.length) : A.metropole}</>}
      </p>
      <p>
        {A.lastSync} : {a.derniere_synchro ? numericDateTime(Date.parse(a.derniere_synchro)) : A.never} ·{' '}
        {A.devices(active.length)}
      </p>
      {a.appareils.length > 0 && (
        <ul class="admin-devices">
          {a.appareils.map((d) => (
            <li key={d.client_id}>
              {d.label}
              {d.revoque_le !== null ? (
                <> ({A.deviceRevoked})</>
              ) : (
                <button
                  type="button"
                  class="button button-small"
                  onClick={() => void act(() => client.revokeDevice(d.client_id), A.confirmRevoke(d.label))}
                >
                  {A.revoke}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!self && (
        <div class="actions">
          {a.etat !== 'desactive' && (
            <button type="button" class="button" onClick={() => void act(() => client.reissue(a.id))}>
              {A.reissue}
            </button>
          )}
          {a.etat === 'desactive' ? (
            <button type="button" class="button" onClick={() => void act(() => client.setDisabled(a.id, false))}>
              {A.enable}
            </button>
          ) : (
            <button
              type="button"
              class="button"
              onClick={() => void act(() => client.setDisabled(a.id, true), A.confirmDisable(a.nom))}
            >
              {A.disable}
            </button>
          )}
        </div>
      )}
    </li>
  );
}
