// The outbox side of the device's database: what push sends and how acknowledgements land. Every step is one
// transaction, so a crash between sending and acknowledging leaves the entries in place, and the retry gets the
// server's stored answers (mutation ids make it idempotent).

import { splitRecordKey } from '../domain/record-keys.ts';
import type { MutationResult, Rejection } from '../domain/sync-protocol.ts';
import { asTaken, closeIdGap, type OutboxEntry, renumberForClient } from '../sync/core/outbox.ts';
import { fittingCount, PUSH_BODY_BUDGET } from '../sync/core/push-size.ts';
import { type PendingChange, replay } from '../sync/core/replay.ts';
import type { BoussoleDatabase } from './database.ts';
import { outboxFrom, writeOutboxChange } from './local-edits.ts';
import { recordTables, tableOfKind } from './record-tables.ts';

/**
 * The oldest pending entries, as many as one push body of `maxBytes` holds (at most `limit`), marked sent first:
 * from now on later edits of their records make new mutations. An oldest entry that no push could carry is set
 * aside and the next one comes in its place, so that one change never holds back all the others.
 */
export async function takeOutboxBatch(
  db: BoussoleDatabase,
  limit: number,
  maxBytes: number = PUSH_BODY_BUDGET,
): Promise<OutboxEntry[]> {
  return db.transaction('rw', [...landingTables(db), db.meta], async () => {
    for (;;) {
      const pending = await db.outbox.orderBy('mutationId').limit(limit).toArray();
      const count = fittingCount(
        pending.map((e) => e.mutation),
        maxBytes,
      );
      const head = pending[0];
      if (head && count === 0) {
        await setAsideTooLarge(db, head);
        continue;
      }
      const batch = pending.slice(0, count);
      const unsent = batch.filter((e) => !e.sent);
      for (const entry of unsent) entry.sent = true;
      await db.outbox.bulkPut(unsent);
      return batch;
    }
  });
}

const TOO_LARGE: Rejection = {
  code: 'trop-volumineux',
  message:
    'Elle dépasse ce qu’un envoi au serveur peut contenir : elle n’a pas été envoyée et a été annulée sur cet appareil. Raccourcissez les textes ou les listes modifiés, puis refaites-la.',
};

/**
 * A change too large for any push becomes a rejection as if the server had refused it (in the review list, the
 * record back to the server's copy with the other pending changes on top), and the later entries take its id: the
 * server never saw it. (Were it a change the server took once under a higher limit, its answer lost, the next
 * entry would come back `identifiant-reutilise`: shown too, never silent.)
 */
async function setAsideTooLarge(db: BoussoleDatabase, entry: OutboxEntry): Promise<void> {
  await acknowledge(db, [{ id: entry.mutationId, status: 'rejected', reason: TOO_LARGE }]);
  await writeOutboxChange(db, closeIdGap(await outboxFrom(db, entry.mutationId), entry.mutationId));
}

/** What landing an answer writes: the outbox, the review lists, the server copies and the records. */
const landingTables = (db: BoussoleDatabase) => [
  db.outbox,
  db.rejections,
  db.shadows,
  ...recordTables(db),
  db.conflicts,
];

/**
 * Lands the server's answers: answered entries leave the outbox, rejected ones move to the review list. A record
 * whose change was rejected, or whose field conflicted (the server kept the other value), goes back to the
 * server's copy — with what the server did take and the remaining pending changes replayed on top — since no later
 * pull brings that copy again when the server wrote nothing (the conflict itself arrives as a conflict entry).
 */
export async function acknowledge(db: BoussoleDatabase, results: readonly MutationResult[]): Promise<void> {
  await db.transaction('rw', landingTables(db), async () => {
    const touched = new Map<string, { notTaken: boolean; taken: PendingChange[] }>();
    for (const result of results) {
      const entry = await db.outbox.get(result.id);
      if (!entry) continue; // answered twice (a duplicated response): already landed
      await db.outbox.delete(result.id);
      const seen = touched.get(entry.recordKey) ?? { notTaken: false, taken: [] };
      if (result.status !== 'applied') seen.notTaken = true;
      const taken = asTaken(entry, result);
      if (taken) seen.taken.push(taken);
      if (result.status === 'rejected') {
        await db.rejections.add({
          mutationId: entry.mutationId,
          recordKey: entry.recordKey,
          mutation: entry.mutation,
          reason: result.reason,
          at: new Date().toISOString(),
        });
        if (entry.mutation.name === 'conflict.resolve') await reopenConflict(db, entry.mutation.args.conflictId);
      }
      touched.set(entry.recordKey, seen);
    }
    for (const [key, { notTaken, taken }] of touched) {
      const remaining = await db.outbox.where('recordKey').equals(key).sortBy('mutationId');
      const shadow = await db.shadows.get(key);
      if (notTaken && shadow) {
        const { kind, id } = splitRecordKey(key);
        const server = replay(shadow.record, taken);
        const local = replay(server, remaining);
        const table = tableOfKind(db, kind);
        if (local) await table.put(local);
        else await table.delete(id);
        if (remaining.length > 0) await db.shadows.put({ recordKey: key, record: server });
      }
      // Accepted changes stay as the person sees them; the next pull brings the server's version of the record.
      if (remaining.length === 0) await db.shadows.delete(key);
    }
  });
}

/**
 * The device marks a conflict settled as soon as the person chooses (local-edits.ts `resolveConflict`); when the
 * server refuses that choice the conflict is still open there, and must be again here — unless the server's own
 * settlement (by the other party: it carries `resolved_at`) has already arrived.
 */
async function reopenConflict(db: BoussoleDatabase, conflictId: string): Promise<void> {
  const conflict = await db.conflicts.get(conflictId);
  if (conflict?.statut !== 'resolu' || conflict.resolved_at !== undefined) return;
  const { resolution: _chosen, ...open } = conflict;
  await db.conflicts.put({ ...open, statut: 'ouvert' });
}

/**
 * A new session has a new client id whose mutation ids start at 1: pending entries are renumbered in order, and
 * those sent under the previous client id name that send (src/sync/core/outbox.ts `renumberForClient`).
 */
export async function renumberOutbox(db: BoussoleDatabase, previousClientId: string | null): Promise<void> {
  await db.transaction('rw', db.outbox, db.meta, async () => {
    const entries = await db.outbox.orderBy('mutationId').toArray();
    await writeOutboxChange(db, renumberForClient(entries, previousClientId));
  });
}
