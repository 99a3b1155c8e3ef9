import type { PendingItem } from '../../db/pending-repo.ts';
import { MOTIFS_REJET, STATUTS_ORIENTATION } from '../../domain/vocabulary.ts';
import type { AppContext } from '../boot.ts';
import { useLoadedModel } from '../components/use-loaded-model.ts';
import { formatWhen, fr } from '../strings.ts';
import { ConflictCard } from './ConflictCard.tsx';
import { describePending, fieldLabel } from './describe-change.ts';
import type { ReviewModel } from './review-model.ts';
import { syncStateText } from './SyncStatus.tsx';
import { frSync as S } from './strings-sync.ts';

export type SyncScreenContext = Pick<AppContext, 'syncModel' | 'pending' | 'review' | 'session' | 'directory'>;

/**
 * « Synchronisation »: the device's state (connection, last sync, what it holds, how its storage is kept), then
 * everything that waits to be sent — from every queue, the same list the header counts — each with its state, then
 * what a person must settle or look at.
 */
export function SyncScreen({ context }: { context: SyncScreenContext }) {
  const { syncModel, pending } = context;
  const phase = syncModel.status.value.phase;
  const review = useLoadedModel(context.review, (m) => m.follow(), []);
  const { structures, services } = context.directory.totals.value;
  const persistence = syncModel.persistence.value;
  return (
    <section aria-labelledby="sync-title">
      <h1 id="sync-title">{S.title}</h1>
      {phase === 'unauthenticated' && (
        <p class="notice" role="alert">
          {S.unauthenticated} <a href="/connexion">{fr.nav.signIn}</a>
        </p>
      )}
      {phase === 'outdated' && (
        <p class="notice" role="alert">
          {S.outdated}
        </p>
      )}
      <ul class="plain device-state">
        <li>
          {syncModel.online.value ? fr.sync.online : fr.sync.offline} · {syncStateText(syncModel)}
        </li>
        <li data-testid="device-count">{S.onDevice(structures, services)}</li>
        {persistence && (
          <li data-testid="storage">
            {persistence === 'persistent'
              ? S.storagePersistent
              : persistence === 'best-effort'
                ? fr.sync.storageBestEffort
                : S.storageUnsupported}
          </li>
        )}
      </ul>

      <h2>
        {S.pendingTitle}
        {pending.items.value.length > 0 && ` (${pending.items.value.length})`}
      </h2>
      {/* Until the device is read, "nothing pending" would be a claim. */}
      {!pending.loaded.value ? (
        <p aria-busy="true">{S.loading}</p>
      ) : pending.items.value.length === 0 ? (
        <p data-testid="pending-none">{S.pendingNone}</p>
      ) : (
        <>
          {!context.session.signedIn.value ? (
            <p class="notice">{S.pendingNeedsSignIn}</p>
          ) : (
            !syncModel.online.value && <p class="notice">{S.pendingOffline}</p>
          )}
          <ul class="plain stack" data-testid="pending">
            {pending.items.value.map((item) => (
              <li key={item.key} class="pending-item">
                <PendingLine item={item} />
              </li>
            ))}
          </ul>
        </>
      )}
      {review ? <ReviewLists review={review} /> : <p aria-busy="true">{S.loading}</p>}
    </section>
  );
}

/** The name (a link to it when it has a screen), what waits — « Fiche partenaire : Téléphone » — and its state. */
function PendingLine({ item }: { item: PendingItem }) {
  const what =
    item.change === 'update'
      ? item.fields.map(fieldLabel).join(', ')
      : item.change === 'status'
        ? S.changes.status(STATUTS_ORIENTATION[item.fields[0] as keyof typeof STATUTS_ORIENTATION] ?? '')
        : S.changes[item.change];
  const id = item.recordKey.slice(item.recordKey.indexOf(':') + 1);
  const href =
    item.kind === 'referral'
      ? `/orientations/${encodeURIComponent(id)}`
      : item.kind === 'structure' && item.change !== 'delete'
        ? `/partenaires/${encodeURIComponent(id)}`
        : null;
  const name = item.label || (item.kind === 'statistique' ? S.statisticName : S.unnamed);
  return (
    <>
      <p>
        <strong>{href ? <a href={href}>{name}</a> : name}</strong>
        <br />
        {S.what(S.kinds[item.kind], what)}
      </p>
      <p class="hint">
        {item.sent ? S.sent : S.waiting} · {S.since(formatWhen(item.createdAt, new Date()))}
      </p>
    </>
  );
}

function ReviewLists({ review }: { review: ReviewModel }) {
  const conflicts = review.conflicts.value;
  const rejections = review.rejections.value;
  const names = review.names.value;
  return (
    <>
      <h2>{S.conflictsTitle}</h2>
      {conflicts.length === 0 ? (
        <p>{S.conflictsNone}</p>
      ) : (
        <ul class="plain stack" data-testid="conflicts">
          {conflicts.map((c) => (
            <li key={c.id}>
              <ConflictCard conflict={c} nom={names[c.recordKey] ?? c.record_id} onResolve={review.resolve} />
            </li>
          ))}
        </ul>
      )}

      <h2>{S.rejectionsTitle}</h2>
      {rejections.length === 0 ? (
        <p>{S.rejectionsNone}</p>
      ) : (
        <ul class="plain stack" data-testid="rejections">
          {rejections.map((r) => (
            <li key={r.rowId} class="card">
              <p>
                <strong>{names[r.recordKey] ?? r.recordKey}</strong> — {describePending(r)}
              </p>
              <p>{S.rejectionReason(MOTIFS_REJET[r.reason.code], r.reason.message)}</p>
              {r.reason.problems?.map((p) => (
                <p key={p.path} class="hint">
                  {p.path} : {p.message}
                </p>
              ))}
              <div class="actions">
                {r.recordKey.startsWith('structure:') && (
                  <a class="button" href={`/partenaires/${encodeURIComponent(r.recordKey.slice(10))}`}>
                    {S.openRecord}
                  </a>
                )}
                <button type="button" class="button" onClick={() => r.rowId && void review.dismissRejection(r.rowId)}>
                  {S.dismiss}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
