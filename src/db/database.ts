// The device's database. Version history is append-only: never edit or delete a `version()` block, add the next
// one with its upgrade (ENGINEERING.md principle 4). Rows are domain records as the server sent them (or as the
// person edited them); anything read back goes through the domain schemas before the app uses it.
import { Dexie, type EntityTable } from 'dexie';
import type { Action } from '../domain/action.ts';
import type { Campaign, CampaignResponse } from '../domain/campaign.ts';
import type { OrientationEvent } from '../domain/orientation-event.ts';
import type { Referral, ReferralDraft, StatusChange } from '../domain/referral.ts';
import type { Report } from '../domain/report.ts';
import type { Service } from '../domain/service.ts';
import type { Structure } from '../domain/structure.ts';
import type { Conflict, Mutation, Rejection } from '../domain/sync-protocol.ts';
import type { OutboxEntry } from '../sync/core/outbox.ts';
import type { AnyRecord } from '../sync/core/replay.ts';
import { directoryRevisionMiddleware } from './catalog-cache.ts';
import type { FeedPageKeysRow, FeedPageRow, MaskedKeyRow } from './feed-pages.ts';

/** Small key/value state of the device: the feed cursor and epoch, the session, the next mutation id. */
export interface MetaRow {
  key: string;
  value: unknown;
}

/** The server's copy of a record that has pending local changes; `record` null = absent on the server. */
export interface ShadowRow {
  recordKey: string;
  record: AnyRecord | null;
}

/** A change the server refused: kept for a person to review, never retried blindly. */
export interface RejectionRow {
  /** Local key: mutation ids are renumbered when the device signs in again, rejections keep their own. */
  rowId?: number;
  mutationId: number;
  recordKey: string;
  mutation: Mutation;
  reason: Rejection;
  /** Device clock, display only. */
  at: string;
}

export interface ConflictRow extends Conflict {
  recordKey: string;
}

/**
 * A referral on this device: what this device wrote and has not had acknowledged (`draft`, "en attente
 * d'envoi"), and/or the server's copy from the referral feed. Personal data: erased with the server's copy after
 * the retention period, removed at sign-out.
 */
export interface ReferralRow {
  id: string;
  draft: ReferralDraft | null;
  server: Referral | null;
  /** Why the server refused what this device sent (a French sentence without personal data). */
  refusal?: string;
  /** Device clock, for ordering the list and display only. */
  updatedAt: string;
}

/** A referral action waiting for the network: sending a referral, or changing its status. */
export interface ReferralOutboxEntry {
  key?: number;
  referralId: string;
  op: { kind: 'send'; draft: ReferralDraft } | { kind: 'status'; change: StatusChange };
  /** Device clock, display only. */
  createdAt: string;
}

/**
 * Work in progress on this device: the orientation being made (the person's situation and needs, the
 * step, the filters) and the sheet being prepared for them, so that a reload, a tab the tablet discarded or an
 * offline restart loses nothing. Personal data that stays here: no outbox entry, no request ever carries it;
 * erased at « Terminer », at sign-out, when another account signs in, and WORK_IN_PROGRESS_HOURS after its last
 * change (src/db/work-in-progress-expiry.ts).
 */
export interface WorkInProgressRow {
  key: string;
  /** Device clock (ms since 1970) of the last change: the expiry counts from it. */
  savedAt: number;
  /** Parsed on the way back (src/ui/orientation/work-in-progress-schema.ts): a row an older build wrote may not fit. */
  state: unknown;
}

/**
 * An anonymous orientation event waiting to be sent (POST /api/v1/orientation-events); deleted once the server
 * acknowledged it, or when the account signs out. Holds nothing but the event's fields.
 */
export interface OrientationEventRow {
  id: string;
  event: OrientationEvent;
  /** Device clock, for ordering and display only. */
  queuedAt: string;
}

export const DATABASE_NAME = 'boussole';

export class BoussoleDatabase extends Dexie {
  structures!: EntityTable<Structure, 'id'>;
  services!: EntityTable<Service, 'id'>;
  actions!: EntityTable<Action, 'id'>;
  signalements!: EntityTable<Report, 'id'>;
  campagnes!: EntityTable<Campaign, 'id'>;
  reponsesCampagne!: EntityTable<CampaignResponse, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;
  outbox!: EntityTable<OutboxEntry, 'mutationId'>;
  shadows!: EntityTable<ShadowRow, 'recordKey'>;
  conflicts!: EntityTable<ConflictRow, 'id'>;
  rejections!: EntityTable<RejectionRow, 'rowId'>;
  referrals!: EntityTable<ReferralRow, 'id'>;
  referralOutbox!: EntityTable<ReferralOutboxEntry, 'key'>;
  workInProgress!: EntityTable<WorkInProgressRow, 'key'>;
  orientationEvents!: EntityTable<OrientationEventRow, 'id'>;
  feedPages!: EntityTable<FeedPageRow, 'page'>;
  feedPageKeys!: EntityTable<FeedPageKeysRow, 'page'>;
  maskedKeys!: EntityTable<MaskedKeyRow, 'recordKey'>;

  constructor(name: string = DATABASE_NAME) {
    super(name);
    // Any write to the directory invalidates the catalog's start-up copy (catalog-cache.ts).
    this.use(directoryRevisionMiddleware());
    // v1 (foundation): the directory and the device's sync state. Indexes serve the filters the brief asks for
    // (commune, QPV, need via category and thematiques, price, reception, publics, languages, freshness).
    this.version(1).stores({
      structures: 'id, nom, code_insee, code_qpv, statut, date_maj, *langues, *reseaux_porteurs',
      services:
        'id, structure_id, categorie, type, *thematiques, tarif.type, eligibilite.accueil, *eligibilite.publics, lieu.code_insee, date_maj',
      meta: 'key',
    });
    // v2 (sync): local edits with their outbox, the server copies under pending edits, conflicts and
    // rejections to review. New tables only: v1 data is kept as is.
    this.version(2).stores({
      outbox: 'mutationId, recordKey',
      shadows: 'recordKey',
      conflicts: 'id, recordKey, statut',
      rejections: '++rowId, recordKey',
    });
    // v3 (speed of the first download): only the indexes the app queries — structures of a commune, services of a
    // structure. The orientation engine filters the whole directory in memory (src/matching), and every other index
    // makes each write of a first download slower. Add an index back in a new version when a query needs it.
    this.version(3).stores({
      structures: 'id, code_insee',
      services: 'id, structure_id',
    });
    // v4 (referrals): referrals written here or received, and their own outbox (they travel on their own
    // endpoints, not in the directory's mutation numbering). New tables only.
    this.version(4).stores({
      referrals: 'id',
      referralOutbox: '++key, referralId',
    });
    // v5 (programme of actions): actions, the third record kind of the feed (src/db/record-tables.ts). A
    // new table only; the agenda reads them all (a few hundred) and filters in memory.
    this.version(5).stores({
      actions: 'id',
    });
    // v6 (protocol 4): reports of errors (by the listing they are about), update campaigns and partners'
    // answers to them (by campaign). New tables only; a device holds the few its account may read.
    this.version(6).stores({
      signalements: 'id, structure_id',
      campagnes: 'id',
      reponsesCampagne: 'id, campagne_id',
    });
    // v7: the orientation in progress and its sheet, one row, kept on this device only (WorkInProgressRow).
    // A new table only; no index: the expiry reads the row's `savedAt` (a table of one row).
    this.version(7).stores({
      workInProgress: 'key',
    });
    // v8: the anonymous orientation events waiting to be sent (OrientationEventRow, docs/orientation-events.md).
    // A new table only, keyed by the event's id: ending an orientation again replaces its event.
    this.version(8).stores({
      orientationEvents: 'id',
    });
    // v9: the server's copy as page rows (src/db/feed-pages.ts) — one row per large feed page and one row of its
    // keys — under the record tables, and the keys masked since. New tables only: a copy stored before stays in the
    // record tables, which take precedence, until a new download replaces it.
    this.version(9).stores({
      feedPages: 'page',
      feedPageKeys: 'page',
      maskedKeys: 'recordKey',
    });
  }
}
