// The directory as it travels: records tagged by kind, each with the server sequence number that ordered its
// last change. The same shape feeds the first download now and the pull of the sync protocol (issue 4), where a
// record may also be a tombstone.
import * as z from 'zod/mini';
import { serviceSchema } from './service.ts';
import { structureSchema } from './structure.ts';

export const PROTOCOL_VERSION = 1;

export const directoryEntrySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('structure'), seq: z.number().check(z.int(), z.positive()), record: structureSchema }),
  z.object({ kind: z.literal('service'), seq: z.number().check(z.int(), z.positive()), record: serviceSchema }),
]);

export const directoryPageSchema = z.object({
  protocol: z.literal(PROTOCOL_VERSION),
  /** Identity of the server's database: a new epoch means "start over from cursor 0". */
  epoch: z.string().check(z.minLength(8)),
  cursor: z.number().check(z.int(), z.minimum(0)),
  hasMore: z.boolean(),
  /** Records in the whole directory, to show "n / N" during the first download. */
  total: z.number().check(z.int(), z.minimum(0)),
  entries: z.array(directoryEntrySchema),
});

/** Query of GET /api/v1/directory: entries with seq > cursor, at most `limit`. */
export const directoryQuerySchema = z.object({
  cursor: z._default(z.coerce.number().check(z.int(), z.minimum(0)), 0),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(2000)), 500),
});

export type DirectoryEntry = z.infer<typeof directoryEntrySchema>;
export type DirectoryPage = z.infer<typeof directoryPageSchema>;
export type DirectoryRecord = DirectoryEntry['record'];
