import { MOTIFS_REJET } from '../../domain/vocabulary.ts';
import type { AppContext } from '../boot.ts';
import { fr } from '../strings.ts';
import { ConflictCard } from './ConflictCard.tsx';
import { describePending } from './describe-change.ts';

export function SyncScreen({ context }: { context: AppContext }) {
  const { review, syncModel } = context;
  const phase = syncModel.status.value.phase;

  return (
    <section aria-labelledby="sync-title">
      <h1 id="sync-title">{fr.review.title}</h1>
      {phase === 'unauthenticated' && (
        <p class="notice" role="alert">
          {fr.review.unauthenticated} <a href="/connexion">{fr.nav.signIn}</a>
        </p>
      )}
      {phase === 'outdated' && (
        <p class="notice" role="alert">
          {fr.review.outdated}
        </p>
      )}

      {/* Until the device is read, "nothing pending" would be a claim, and sign-out would skip its warning. */}
      {review.loaded.value ? <ReviewLists context={context} /> : <p aria-busy="true">{fr.review.loading}</p>}
    </section>
  );
}

function ReviewLists({ context }: { context: AppContext }) {
  const { review, session } = context;
  const pending = review.pending.value;
  const conflicts = review.conflicts.value;
  const rejections = review.rejections.value;
  const names = review.names.value;
  const signedIn = session.signedIn.value;

  async function signOut() {
    const edits = pending.length > 0 ? fr.review.signOutWarning(pending.length) : fr.review.signOutConfirm;
    const unsent = context.unsentReferrals.value;
    // Unsent referrals and the orientation in progress would be lost with the rest: say so first, in the same
    // confirmation.
    const message = `${unsent > 0 ? fr.referral.signOutWarning(unsent) : ''}${context.workKept.value ? fr.review.signOutWork : ''}${edits}`;
    if (window.confirm(message)) await context.signOut();
  }
  return (
    <>
      <h2>{fr.review.conflictsTitle}</h2>
      {conflicts.length === 0 ? (
        <p>{fr.review.conflictsNone}</p>
      ) : (
        <ul class="plain stack" data-testid="conflicts">
          {conflicts.map((c) => (
            <li key={c.id}>
              <ConflictCard conflict={c} nom={names[c.recordKey] ?? c.record_id} onResolve={review.resolve} />
            </li>
          ))}
        </ul>
      )}

      <h2>{fr.review.pendingTitle}</h2>
      {pending.length === 0 ? (
        <p data-testid="pending-none">{fr.review.pendingNone}</p>
      ) : (
        <>
          {!signedIn && <p class="notice">{fr.review.pendingNeedsSignIn}</p>}
          <ul class="plain" data-testid="pending">
            {pending.map((p) => (
              <li key={p.mutationId}>{fr.review.pendingItem(names[p.recordKey] ?? p.recordKey, describePending(p))}</li>
            ))}
          </ul>
        </>
      )}

      <h2>{fr.review.rejectionsTitle}</h2>
      {rejections.length === 0 ? (
        <p>{fr.review.rejectionsNone}</p>
      ) : (
        <ul class="plain stack" data-testid="rejections">
          {rejections.map((r) => (
            <li key={r.rowId} class="card">
              <p>
                <strong>{names[r.recordKey] ?? r.recordKey}</strong> — {describePending(r)}
              </p>
              <p>{fr.review.rejectionReason(MOTIFS_REJET[r.reason.code], r.reason.message)}</p>
              {r.reason.problems?.map((p) => (
                <p key={p.path} class="hint">
                  {p.path} : {p.message}
                </p>
              ))}
              <div class="actions">
                {r.recordKey.startsWith('structure:') && (
                  <a class="button" href={`/partenaires/${encodeURIComponent(r.recordKey.slice(10))}`}>
                    {fr.review.openRecord}
                  </a>
                )}
                <button type="button" class="button" onClick={() => r.rowId && void review.dismissRejection(r.rowId)}>
                  {fr.review.dismiss}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}

      {signedIn && (
        <p>
          <button type="button" class="button" onClick={() => void signOut()}>
            {fr.review.signOut}
          </button>
        </p>
      )}
    </>
  );
}
