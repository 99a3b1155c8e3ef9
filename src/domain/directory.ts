// The directory as it travels (the pull half of the sync protocol, docs/sync-protocol.md): entries tagged by
// kind, each with the server sequence number of its last change. A record the reader may no longer see (deleted,
// or turned "professionals only" for a partner account) comes as a tombstone; conflicts travel in the same feed.
import * as z from 'zod/mini';
import { actionSchema } from './action.ts';
import { campaignResponseSchema, campaignSchema } from './campaign.ts';
import { recordId } from './primitives.ts';
import { answerProtocolSchema, PROTOCOL_VERSION } from './protocol-version.ts';
import { reportSchema } from './report.ts';
import { serviceSchema } from './service.ts';
import { structureSchema } from './structure.ts';
import { conflictSchema, recordKindSchema } from './sync-protocol.ts';

export { PROTOCOL_VERSION };

const seq = z.number().check(z.int(), z.positive());

const structureEntry = z.object({ kind: z.literal('structure'), seq, record: structureSchema });
const serviceEntry = z.object({ kind: z.literal('service'), seq, record: serviceSchema });
/** Since protocol 3 (src/domain/record-kinds.ts): older clients never receive one. */
const actionEntry = z.object({ kind: z.literal('action'), seq, record: actionSchema });
/** Since protocol 4: reports of errors, update campaigns and partners' answers to them. */
const reportEntry = z.object({ kind: z.literal('signalement'), seq, record: reportSchema });
const campaignEntry = z.object({ kind: z.literal('campagne'), seq, record: campaignSchema });
const campaignResponseEntry = z.object({ kind: z.literal('reponse_campagne'), seq, record: campaignResponseSchema });
export const directoryEntrySchema = z.discriminatedUnion('kind', [
  structureEntry,
  serviceEntry,
  actionEntry,
  reportEntry,
  campaignEntry,
  campaignResponseEntry,
]);

export const tombstoneSchema = z.object({
  kind: z.literal('tombstone'),
  seq,
  record_kind: recordKindSchema,
  id: recordId,
});
export const conflictEntrySchema = z.object({ kind: z.literal('conflict'), seq, conflict: conflictSchema });

export const feedEntrySchema = z.discriminatedUnion('kind', [
  structureEntry,
  serviceEntry,
  actionEntry,
  reportEntry,
  campaignEntry,
  campaignResponseEntry,
  tombstoneSchema,
  conflictEntrySchema,
]);

/** The page without its entries: lets a reader check the envelope first and the entries in slices. */
export const directoryEnvelopeSchema = z.object({
  protocol: answerProtocolSchema,
  /** Identity of the server's database: a new epoch means "start over from cursor 0". */
  epoch: z.string().check(z.minLength(8)),
  cursor: z.number().check(z.int(), z.minimum(0)),
  hasMore: z.boolean(),
  /** Records in the whole directory, to show "n / N" during the first download. */
  total: z.number().check(z.int(), z.minimum(0)),
  entries: z.array(z.unknown()),
  /** The highest mutation id of the asking device the server has applied; null for an anonymous pull. */
  lastMutationId: z.nullable(z.number().check(z.int(), z.minimum(0))),
});

export const directoryPageSchema = z.object({ ...directoryEnvelopeSchema.shape, entries: z.array(feedEntrySchema) });

/** Query of GET /api/v1/directory: entries with seq > cursor, at most `limit`. */
export const directoryQuerySchema = z.object({
  cursor: z._default(z.coerce.number().check(z.int(), z.minimum(0)), 0),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(2000)), 500),
});

export type DirectoryEntry = z.infer<typeof directoryEntrySchema>;
export type FeedEntry = z.infer<typeof feedEntrySchema>;
export type Tombstone = z.infer<typeof tombstoneSchema>;
export type DirectoryPage = z.infer<typeof directoryPageSchema>;
export type DirectoryRecord = DirectoryEntry['record'];
