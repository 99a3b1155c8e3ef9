// The one place where a decision runs against a store, whatever the store: « check the mutation order → decide →
// apply → store the answer » for a device's mutation, the import's decision, a referral's send, status change and
// sweep, the sign-in with an invitation code. Each runs in ONE `transaction` of the store (store-port.ts): the
// store only reads and writes, the pure modules decide (sync/, referrals/decide.ts, auth/invitations.ts).
// storage/ imports those pure modules; they never import storage/.
import type { ReferralPolicy } from '../../src/domain/referral.ts';
import type { RecordKind } from '../../src/domain/sync-protocol.ts';
import { accountFromInvitation, invitationFailure } from '../auth/invitations.ts';
import { decideSend, decideStatus, sweepCutoffs, sweepOne } from '../referrals/decide.ts';
import { decide } from '../sync/decide.ts';
import { decideImport, type ImportItemOutcome } from '../sync/decide-import.ts';
import type { DirectoryRecord, SyncView } from '../sync/decision.ts';
import { type ApplyOutcome, checkOrder, earlierAnswer } from '../sync/mutation-order.ts';
import { isoInstant } from '../sync/server-clock.ts';
import type { DirectoryStore } from './directory-store.ts';
import type { SendInput, SendOutcome, StatusInput, StatusOutcome } from './referral-store.ts';
import type { StorePort, StoreTransaction } from './store-port.ts';
import type { ApplyInput, ImportInput, RedeemInput, RedeemOutcome } from './sync-store.ts';

export async function runMutation(tx: StoreTransaction, input: ApplyInput): Promise<ApplyOutcome> {
  const { actor, id, hash, parsed, now, sentBefore = [] } = input;
  const { clientId } = actor;
  // Every statement of a decision waits for the write lock to be free (storage/postgres-connection.ts): the record
  // it changes is asked for with the client's row, and the answer is stored with the decision's writes, each in the
  // same round trip to the database.
  const view = keptReads(tx.view);
  const changed = changedRecord(input);
  const [client] = await Promise.all([tx.client(clientId), changed && view.record(changed.kind, changed.id)]);
  if (!client) return { kind: 'unknown-client' };
  const stored = id <= client.last ? await tx.storedAnswer(clientId, id) : undefined;
  const order = checkOrder(client, id, hash, stored);
  if (order.kind !== 'next') return order;
  const earlier = await earlierAnswer(id, actor.account.id, sentBefore, (c, mutation) => tx.storedAnswer(c, mutation));
  if (earlier) {
    await tx.storeAnswer(clientId, id, hash, earlier.result);
    return { kind: 'answered', result: earlier.result, lastMutationId: id, replayed: true, from: earlier.from };
  }
  const decision = await decide(view, { id, parsed, actor, now });
  await Promise.all([
    tx.apply(decision.operations, { account_id: actor.account.id, client_id: clientId, mutation_id: id }, now),
    tx.storeAnswer(clientId, id, hash, decision.result),
  ]);
  return { kind: 'answered', result: decision.result, lastMutationId: id, replayed: false };
}

/**
 * Consecutive mutations of one client in ONE transaction, in order, each decided after the writes of those before
 * it, as it would be alone; stops after the first that answers nothing (a gap, an unknown client), whose outcome is
 * the last. A commit is what a write waits longest for under the store's write lock (a disk flush on a durable
 * PostgreSQL): a push's mutations share one instead of taking the lock once each.
 */
export async function runMutations(tx: StoreTransaction, inputs: readonly ApplyInput[]): Promise<ApplyOutcome[]> {
  const outcomes: ApplyOutcome[] = [];
  for (const input of inputs) {
    const outcome = await runMutation(tx, input);
    outcomes.push(outcome);
    if (outcome.kind === 'gap' || outcome.kind === 'unknown-client') break;
  }
  return outcomes;
}

/** The record an update or a deletion changes: every decision about it reads it first. */
function changedRecord({ parsed }: ApplyInput): { kind: RecordKind; id: string } | undefined {
  if (!parsed.ok) return undefined;
  const { mutation } = parsed;
  return mutation.name === 'record.update' || mutation.name === 'record.delete'
    ? { kind: mutation.args.kind, id: mutation.args.id }
    : undefined;
}

/** `view`, each record read once for one decision: nothing is written while it decides. */
function keptReads(view: SyncView): SyncView {
  const records = new Map<string, Promise<DirectoryRecord | undefined>>();
  return {
    ...view,
    record(kind, id) {
      const key = `${kind}:${id}`;
      const kept = records.get(key);
      if (kept) return kept;
      const read = view.record(kind, id);
      records.set(key, read);
      return read;
    },
  };
}

export async function runImport(
  tx: StoreTransaction,
  { items, author, now }: ImportInput,
): Promise<ImportItemOutcome[]> {
  // decideImport computes every operation before the first write: the transaction writes all or nothing.
  const decision = await decideImport(tx.view, items);
  await tx.apply(decision.operations, { account_id: author, client_id: null, mutation_id: null }, now);
  return decision.outcomes;
}

export async function runSendReferral(tx: StoreTransaction, input: SendInput): Promise<SendOutcome> {
  const found = await tx.referral(input.draft.id);
  // A row this server cannot read is never overwritten: the send is refused as if the id were taken.
  const existing = found === 'unreadable' ? undefined : found;
  const decision = found === 'unreadable' ? ({ kind: 'reused' } as const) : decideSend(existing, input);
  if (decision.kind === 'replay' && existing) {
    return { kind: 'replayed', referral: { ...existing.referral, seq: existing.seq } };
  }
  if (decision.kind === 'reused' || decision.kind === 'replay') {
    await tx.flagReusedReferral(input.draft.id);
    return { kind: 'reused' };
  }
  if (decision.kind === 'unknown-service' || decision.kind === 'unreachable') return decision;
  return { kind: 'created', referral: await tx.insertReferral(decision.row) };
}

export async function runReferralStatus(tx: StoreTransaction, input: StatusInput): Promise<StatusOutcome> {
  const found = await tx.referral(input.referralId);
  const row = found === 'unreadable' ? undefined : found;
  const decision = decideStatus(row, await tx.referralChange(input.change.id), input);
  if (!row || decision.kind === 'not-found') return { kind: 'not-found' };
  if (decision.kind === 'replay') return { kind: 'replayed', referral: { ...row.referral, seq: row.seq } };
  if (decision.kind !== 'apply') return decision;
  await tx.recordReferralChange(input.change.id, input.referralId, input.hash);
  return { kind: 'changed', referral: await tx.updateReferral(decision.referral) };
}

/** Expires and erases what is due at `now`, each changed referral at a new seq (referrals/decide.ts `sweepOne`). */
export async function runReferralSweep(
  tx: StoreTransaction,
  now: Date,
  policy: ReferralPolicy,
): Promise<{ expired: number; erased: number }> {
  let expired = 0;
  let erased = 0;
  for (const row of await tx.referralsToSweep(sweepCutoffs(now, policy))) {
    const next = sweepOne(row.referral, now, policy);
    if (!next) continue;
    if (next.statut === 'expiree' && row.referral.statut !== 'expiree') expired++;
    if (next.effacee_le && !row.referral.effacee_le) erased++;
    await tx.updateReferral(next);
  }
  return { expired, erased };
}

export async function runRedeem(tx: StoreTransaction, input: RedeemInput): Promise<RedeemOutcome> {
  const invitation = await tx.invitation(input.codeHash);
  const failure = invitationFailure(invitation, input.now, input.allowReusable);
  if (failure || !invitation) return { ok: false, reason: failure ?? 'inconnue' };
  let account = accountFromInvitation(input.newAccountId, invitation);
  if (invitation.account_id !== null) {
    const existing = await tx.account(invitation.account_id);
    if (!existing) return { ok: false, reason: 'inconnue' };
    if (existing.disabled) return { ok: false, reason: 'compte-desactive' };
    account = existing.account;
  }
  const isNew = invitation.account_id === null;
  await tx.signIn({ codeHash: input.codeHash, account, isNew, device: input.device, at: isoInstant(input.now) });
  return { ok: true, account };
}

/** A store as the server uses it: the port's queries, and the decisions above, each in one of its transactions. */
export function withDecisions(port: StorePort): DirectoryStore {
  const { transaction: _transaction, ...queries } = port;
  return {
    ...queries,
    applyMutations: (inputs) => port.transaction((tx) => runMutations(tx, inputs)),
    importRecords: (input) => port.transaction((tx) => runImport(tx, input)),
    sendReferral: (input) => port.transaction((tx) => runSendReferral(tx, input)),
    changeReferralStatus: (input) => port.transaction((tx) => runReferralStatus(tx, input)),
    sweepReferrals: (now, policy) => port.transaction((tx) => runReferralSweep(tx, now, policy)),
    redeemInvitation: (input) => port.transaction((tx) => runRedeem(tx, input)),
  };
}
