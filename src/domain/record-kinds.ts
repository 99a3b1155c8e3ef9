// Every record kind that syncs through the directory feed and the mutations, declared once: its schema (parsed
// on both sides at every boundary), the protocol version that introduced it (older clients never receive it),
// and the structures that own a record (a partner account edits the records its structure owns). The server's
// rules per kind (who creates, who reads, storage columns) are in server/sync/record-kinds.ts, the device's table
// in src/db/record-tables.ts. How to add a kind: docs/sync-protocol.md, "Record kinds".
import type * as z from 'zod/mini';
import { type Action, actionSchema } from './action.ts';
import { type Campaign, type CampaignResponse, campaignResponseSchema, campaignSchema } from './campaign.ts';
import { type Report, reportSchema } from './report.ts';
import { type Service, serviceSchema } from './service.ts';
import { type Structure, structureSchema } from './structure.ts';
import type { RecordKind } from './sync-protocol.ts';
import { type Parsed, parse } from './validation.ts';

/** The record type of each kind. */
export interface RecordOfKind {
  structure: Structure;
  service: Service;
  action: Action;
  signalement: Report;
  campagne: Campaign;
  reponse_campagne: CampaignResponse;
}

export type AnyRecordOfKind = RecordOfKind[RecordKind];

/** A record tagged with its kind, as feed entries and server writes carry it. */
export type KindedRecord = { [K in RecordKind]: { kind: K; record: RecordOfKind[K] } }[RecordKind];

export interface RecordKindSpec<K extends RecordKind> {
  schema: z.ZodMiniType<RecordOfKind[K]>;
  /** First protocol version whose clients know this kind; the server leaves it out of older clients' feeds. */
  since: number;
  /** Structures that own the record: a partner of one of them may edit it. */
  owners(record: RecordOfKind[K]): readonly string[];
}

export const RECORD_KIND_SPECS: { readonly [K in RecordKind]: RecordKindSpec<K> } = {
  structure: { schema: structureSchema, since: 1, owners: (structure) => [structure.id] },
  service: { schema: serviceSchema, since: 1, owners: (service) => [service.structure_id] },
  action: { schema: actionSchema, since: 3, owners: (action) => action.organisateurs },
  // Since protocol 4. A report belongs to the partner it is about; a campaign to nobody (coordinators write it;
  // its partners are who it asks, not who edits it); a partner's answers to that partner.
  signalement: { schema: reportSchema, since: 4, owners: (s) => [s.structure_id] },
  campagne: { schema: campaignSchema, since: 4, owners: (c) => c.partenaires },
  reponse_campagne: { schema: campaignResponseSchema, since: 4, owners: (r) => [r.structure_id] },
};

/** Parses a record of a kind with that kind's schema; problems are paths inside the record. */
export function parseRecord<K extends RecordKind>(kind: K, value: unknown): Parsed<RecordOfKind[K]> {
  return parse(RECORD_KIND_SPECS[kind].schema, value) as Parsed<RecordOfKind[K]>;
}

/** Fields a record of this kind may have (top-level keys of its schema). */
export function fieldsOfKind(kind: RecordKind): ReadonlySet<string> {
  const schema = RECORD_KIND_SPECS[kind].schema as unknown as { shape: Record<string, unknown> };
  return new Set(Object.keys(schema.shape));
}

/** The structures owning a record of `kind`. */
export function ownersOf<K extends RecordKind>(kind: K, record: RecordOfKind[K]): readonly string[] {
  return RECORD_KIND_SPECS[kind].owners(record);
}

/** Whether clients of protocol `protocol` know this kind. */
export function kindKnownBy(kind: RecordKind, protocol: number): boolean {
  return RECORD_KIND_SPECS[kind].since <= protocol;
}
