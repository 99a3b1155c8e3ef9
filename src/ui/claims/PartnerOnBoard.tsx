import { useState } from 'preact/hooks';
import { apiErrorSchema } from '../../domain/api-error.ts';
import { PROTOCOL_VERSION } from '../../domain/protocol-version.ts';
import type { Structure } from '../../domain/structure.ts';
import type { Account } from '../../domain/sync-protocol.ts';
import { parse } from '../../domain/validation.ts';
import { frClaim as T } from './strings-claim.ts';

/**
 * Partners on board, on a sheet whose partner has no active account: a coordinator invites it (Administration,
 * structure chosen); anyone else — the person running the place, not signed in — asks for an account (« Je gère
 * ce lieu »), a claim a coordinator accepts. Needs the network: the claim is not queued (it is not an edit of the
 * directory, and the person may be on a borrowed device). Once the partner has an active account, signed-in readers
 * are told that it receives referrals in Boussole.
 */
export function PartnerOnBoard({ structure, account }: { structure: Structure; account: Account | null }) {
  const [open, setOpen] = useState(false);
  const [nom, setNom] = useState('');
  const [contact, setContact] = useState('');
  const [status, setStatus] = useState('');
  const [errors, setErrors] = useState<{ nom?: string; contact?: string }>({});
  // Professionals and partners write referrals: they are told this partner reads them here (the public is not).
  if (structure.recoit_orientations === true) {
    return account === null ? null : (
      <p class="partner-on-board" data-testid="partner-reach">
        {T.receives}
      </p>
    );
  }
  if (structure.statut !== 'publiee') return null;
  if (account?.role === 'coordinateur') {
    return (
      <p class="partner-on-board">
        <a class="button" href={`/administration?inviter=${encodeURIComponent(structure.id)}`}>
          {T.invite}
        </a>
      </p>
    );
  }
  if (account !== null) return null;

  async function send(event: Event) {
    event.preventDefault();
    const found = { ...(nom.trim() ? {} : { nom: T.required }), ...(contact.trim() ? {} : { contact: T.required }) };
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    if (!navigator.onLine) return setStatus(T.offline);
    try {
      const response = await fetch('/api/v1/claims', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ protocol: PROTOCOL_VERSION, structure_id: structure.id, nom, contact }),
      });
      if (!response.ok) {
        const error = parse(apiErrorSchema, await response.json().catch(() => null));
        // The server's reason beside the field it names (a contact nobody can call, a name too short).
        const problems = error.ok ? (error.value.error.problems ?? []) : [];
        const byField = Object.fromEntries(
          problems.filter((p) => p.path === 'nom' || p.path === 'contact').map((p) => [p.path, p.message]),
        );
        if (Object.keys(byField).length > 0) {
          setErrors(byField);
          return setStatus('');
        }
        throw new Error(error.ok ? (problems[0]?.message ?? error.value.error.message) : `HTTP ${response.status}`);
      }
      setOpen(false);
      setStatus(T.sent);
    } catch (error) {
      setStatus(error instanceof TypeError ? T.offline : T.failed(error instanceof Error ? error.message : ''));
    }
  }

  return (
    <section class="partner-on-board no-print" aria-labelledby="claim-title">
      {!open ? (
        <button type="button" class="button" onClick={() => setOpen(true)}>
          {T.claimOpen}
        </button>
      ) : (
        <form noValidate onSubmit={(e) => void send(e)}>
          <h2 id="claim-title">{T.claimTitle}</h2>
          <p>{T.claimIntro}</p>
          <div class="field">
            <label for="claim-nom">{T.nom}</label>
            <input
              id="claim-nom"
              autocomplete="name"
              maxLength={120}
              value={nom}
              aria-invalid={errors.nom ? true : undefined}
              aria-describedby={errors.nom ? 'claim-nom-err' : undefined}
              onInput={(e) => setNom(e.currentTarget.value)}
            />
            {errors.nom && (
              <p id="claim-nom-err" class="field-error">
                {errors.nom}
              </p>
            )}
          </div>
          <div class="field">
            <label for="claim-contact">{T.contact}</label>
            <input
              id="claim-contact"
              maxLength={160}
              value={contact}
              aria-invalid={errors.contact ? true : undefined}
              aria-describedby={errors.contact ? 'claim-contact-err' : undefined}
              onInput={(e) => setContact(e.currentTarget.value)}
            />
            {errors.contact && (
              <p id="claim-contact-err" class="field-error">
                {errors.contact}
              </p>
            )}
          </div>
          <div class="actions">
            <button type="submit" class="button primary">
              {T.send}
            </button>
            <button type="button" class="button" onClick={() => setOpen(false)}>
              {T.cancel}
            </button>
          </div>
        </form>
      )}
      <p role="status" aria-live="polite">
        {status}
      </p>
    </section>
  );
}
