// Everything this device holds for the server and has not had acknowledged, from EVERY queue, read as one list:
// the directory outbox (listings, services, actions, reports, campaigns and partners' answers — every record
// kind's edits travel there, src/db/record-tables.ts) and the referral outbox (referrals and their status changes
// travel on their own endpoints). The header's count, the Synchronisation list and the sign-out warning all read
// this one list, so they cannot disagree: a new queue is added here, or it is invisible.

import { splitRecordKey } from '../domain/record-keys.ts';
import type { RecordKind } from '../domain/sync-protocol.ts';
import type { AnyRecord } from '../sync/replay.ts';
import type { BoussoleDatabase, OutboxEntry, ReferralOutboxEntry } from './database.ts';
import { recordTables, tableOfKind } from './record-tables.ts';

export interface PendingItem {
  /** Unique in the list: the queue and the entry's key there. */
  key: string;
  /** The record kind of a directory edit, `referral`, or `statistique` (an anonymous orientation event). */
  kind: RecordKind | 'referral' | 'statistique';
  /**
   * What waits: a record created, changed (`fields`), deleted, a conflict settled; a referral sent, answered; an
   * orientation's anonymous figures (`count`).
   */
  change: 'create' | 'update' | 'delete' | 'resolve' | 'send' | 'status' | 'count';
  /** The fields an update changes; the status a referral's change sets. */
  fields: string[];
  /** The record's key as the outbox has it (`structure:<id>`), or `referral:<id>`. */
  recordKey: string;
  /** The name a person knows it by: the partner, service, action or campaign (for a report or a referral, the partner it is about); '' when the device no longer holds it. */
  label: string;
  /** Sent at least once, the server's answer not received yet (lost with the network): sent again, harmlessly. */
  sent: boolean;
  /** Device clock, for ordering and display only. */
  createdAt: string;
}

export interface DeviceQueue {
  /** Oldest first. */
  pending: PendingItem[];
  /** Open conflicts and refused changes, for a person to look at. */
  toReview: number;
}

type Lookup = (kind: RecordKind, id: string) => Promise<AnyRecord | undefined>;

/** The name of what a record is about: its own (`nom`, an action's `titre`), or the partner or campaign it concerns. */
async function labelOf(record: AnyRecord | undefined, kind: RecordKind, lookup: Lookup): Promise<string> {
  let named = record;
  if (record && kind === 'signalement') named = await lookup('structure', String(record.structure_id));
  if (record && kind === 'reponse_campagne') named = await lookup('campagne', String(record.campagne_id));
  return String(named?.nom ?? named?.titre ?? '');
}

function editItem(entry: OutboxEntry): Omit<PendingItem, 'label'> {
  const { mutation } = entry;
  const base = {
    key: `edit:${entry.mutationId}`,
    recordKey: entry.recordKey,
    sent: entry.sent,
    createdAt: entry.createdAt,
  };
  const kind = splitRecordKey(entry.recordKey).kind;
  switch (mutation.name) {
    case 'record.update':
      return { ...base, kind, change: 'update', fields: Object.keys(mutation.args.changes) };
    case 'record.create':
      return { ...base, kind, change: 'create', fields: [] };
    case 'record.delete':
      return { ...base, kind, change: 'delete', fields: [] };
    case 'conflict.resolve':
      return { ...base, kind, change: 'resolve', fields: entry.resolves ? [entry.resolves.field] : [] };
  }
}

function referralItem(entry: ReferralOutboxEntry): Omit<PendingItem, 'label'> {
  const { op } = entry;
  return {
    key: `referral:${entry.key}`,
    kind: 'referral',
    change: op.kind,
    fields: op.kind === 'status' ? [op.change.statut] : [],
    recordKey: `referral:${entry.referralId}`,
    // The referral outbox keeps no such flag: an unanswered send is simply sent again (its id makes that harmless).
    sent: false,
    createdAt: entry.createdAt,
  };
}

/** Reads every queue in one transaction, so that the list is one consistent moment of the device. */
export async function readDeviceQueue(db: BoussoleDatabase): Promise<DeviceQueue> {
  const tables = [
    db.outbox,
    db.referralOutbox,
    db.referrals,
    db.shadows,
    db.conflicts,
    db.rejections,
    db.orientationEvents,
  ];
  return db.transaction('r', [...tables, ...recordTables(db)], async () => {
    const [edits, referrals, conflicts, rejections] = await Promise.all([
      db.outbox.orderBy('mutationId').toArray(),
      db.referralOutbox.orderBy('key').toArray(),
      db.conflicts.where('statut').equals('ouvert').count(),
      db.rejections.count(),
    ]);
    const lookup: Lookup = (kind, id) => tableOfKind(db, kind).get(id);
    const pending: PendingItem[] = [];
    for (const entry of edits) {
      const item = editItem(entry);
      const { kind, id } = splitRecordKey(entry.recordKey);
      // A record deleted on the device is named from the server's copy kept under the pending change.
      const record = (await lookup(kind, id)) ?? (await db.shadows.get(entry.recordKey))?.record ?? undefined;
      pending.push({ ...item, label: await labelOf(record, kind, lookup) });
    }
    for (const entry of referrals) {
      const row = await db.referrals.get(entry.referralId);
      const structureId =
        entry.op.kind === 'send' ? entry.op.draft.structure_id : (row?.draft ?? row?.server)?.structure_id;
      const partner = structureId ? await lookup('structure', structureId) : undefined;
      pending.push({ ...referralItem(entry), label: await labelOf(partner, 'structure', lookup) });
    }
    for (const row of await db.orientationEvents.toArray()) {
      pending.push({
        key: `statistique:${row.id}`,
        kind: 'statistique',
        change: 'count',
        fields: [],
        recordKey: `statistique:${row.id}`,
        label: '',
        sent: false,
        createdAt: row.queuedAt,
      });
    }
    pending.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    return { pending, toReview: conflicts + rejections };
  });
}

/** How many anonymous orientation events wait to be sent (their sync step runs only when some do). */
export function orientationEventsWaiting(db: BoussoleDatabase): Promise<number> {
  return db.orientationEvents.count();
}
