// The sync protocol's messages (see docs/sync-protocol.md for the rules). Parsed on both sides: the server
// parses every request with these schemas, the client every response. Mutation names are versioned contracts:
// the server keeps decoding every name it ever accepted, even after the client stops sending it.
import * as z from 'zod/mini';
import { accountSchema, clientIdSchema } from './account.ts';
import { isoDateTime, recordId, text } from './primitives.ts';
import { answerProtocolSchema, MIN_CLIENT_PROTOCOL } from './protocol-version.ts';
import { RECORD_KINDS } from './record-keys.ts';
import { MOTIFS_REJET, STATUTS_CONFLIT, valuesOf } from './vocabulary.ts';
import { ROLES } from './vocabulary-roles.ts';

export { MIN_CLIENT_PROTOCOL };
/** Most mutations one push may carry; the client sends larger outboxes in several pushes. */
export const MAX_MUTATIONS_PER_PUSH = 100;
/**
 * Largest push body the server reads, in bytes of its JSON (413 `payload_too_large` above). The device fills its
 * batches up to a margin below it (src/sync/core/push-size.ts); a single change larger than that is never sent.
 */
export const MAX_PUSH_BODY_BYTES = 1024 * 1024;

export const recordKindSchema = z.enum(RECORD_KINDS);
export type RecordKind = z.infer<typeof recordKindSchema>;

export type Account = z.infer<typeof accountSchema>;

// --- Session -------------------------------------------------------------------------------------------------

export const signInRequestSchema = z.object({
  protocol: z.number().check(z.int()),
  code: z.string().check(z.regex(/^[A-Z0-9-]{6,40}$/, "Code d'invitation invalide (lettres, chiffres et tirets)")),
  appareil: text(80),
});
export const signInResponseSchema = z.object({
  protocol: answerProtocolSchema,
  token: z.string().check(z.minLength(32)),
  clientId: clientIdSchema,
  account: accountSchema,
});
export const demoCodesSchema = z.object({
  codes: z.array(z.object({ role: z.enum(valuesOf(ROLES)), nom: z.string(), code: z.string() })),
});
export type SignInResponse = z.infer<typeof signInResponseSchema>;
export type DemoCodes = z.infer<typeof demoCodesSchema>;

// --- Mutations -----------------------------------------------------------------------------------------------

/** Top-level record fields: an update names the fields it changes, with their values before and after. */
const fieldValues = z.record(z.string().check(z.regex(/^[a-z_]{1,40}$/)), z.unknown());

const mutationId = z.number().check(z.int(), z.positive());

/** Most earlier sends a mutation names: one per re-sign-in while it waited (the device keeps the latest). */
export const MAX_SENT_BEFORE = 20;

/**
 * Where a mutation was sent before a re-sign-in renumbered it for a new client id (oldest first): the server
 * answers it with the decision stored for one of these sends of the same content by the same account, if any,
 * instead of deciding it a second time (a creation would be refused as existing, a resolution as unknown, an edit
 * overtaken since would conflict with itself). Absent for a mutation never sent under another client id.
 */
export const sentBeforeSchema = z
  .array(z.object({ clientId: clientIdSchema, id: mutationId }))
  .check(z.minLength(1), z.maxLength(MAX_SENT_BEFORE));
export type SentBefore = z.infer<typeof sentBeforeSchema>;

/** What every mutation carries besides its name and arguments. */
const envelope = { id: mutationId, sentBefore: z.optional(sentBeforeSchema) };

export const mutationSchema = z.discriminatedUnion('name', [
  /** A new structure or service; the server sets version, date_maj and (for workers) statut « proposée ». */
  z.object({
    ...envelope,
    name: z.literal('record.create'),
    args: z.object({ kind: recordKindSchema, record: z.record(z.string(), z.unknown()) }),
  }),
  /**
   * Changes some fields of a record. `base` holds each changed field's value as the device last saw it from the
   * server: a field the server still has at `base` takes the new value; one the server changed meanwhile to
   * something else becomes a conflict.
   */
  z.object({
    ...envelope,
    name: z.literal('record.update'),
    args: z.object({ kind: recordKindSchema, id: recordId, base: fieldValues, changes: fieldValues }),
  }),
  /** Deletes a record last seen at `baseVersion`; a record changed since is a conflict, never a silent delete. */
  z.object({
    ...envelope,
    name: z.literal('record.delete'),
    args: z.object({ kind: recordKindSchema, id: recordId, baseVersion: z.number().check(z.int(), z.positive()) }),
  }),
  /** Settles an open conflict with the chosen (or merged) value of its field. */
  z.object({
    ...envelope,
    name: z.literal('conflict.resolve'),
    args: z.object({ conflictId: z.string().check(z.minLength(1), z.maxLength(64)), value: z.unknown() }),
  }),
]);
export type Mutation = z.infer<typeof mutationSchema>;
export type MutationName = Mutation['name'];

export const pushRequestSchema = z.object({
  protocol: z.number().check(z.int()),
  clientId: clientIdSchema,
  mutations: z.array(z.unknown()).check(z.minLength(1), z.maxLength(MAX_MUTATIONS_PER_PUSH)),
});

export const rejectionSchema = z.object({
  code: z.enum(valuesOf(MOTIFS_REJET)),
  /** A French sentence for the person; never quotes personal data. */
  message: z.string(),
  problems: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
});
export type Rejection = z.infer<typeof rejectionSchema>;

export const mutationResultSchema = z.discriminatedUnion('status', [
  z.object({ id: mutationId, status: z.literal('applied') }),
  /** Some fields merged (`applied`), others conflicted: each conflict is a record that syncs to both parties. */
  z.object({
    id: mutationId,
    status: z.literal('conflict'),
    applied: z.array(z.string()),
    conflicts: z.array(z.string()),
  }),
  z.object({ id: mutationId, status: z.literal('rejected'), reason: rejectionSchema }),
]);
export type MutationResult = z.infer<typeof mutationResultSchema>;

export const pushResponseSchema = z.object({
  protocol: answerProtocolSchema,
  /** Highest mutation id of this client the server has applied (or answered), after this push. */
  lastMutationId: z.number().check(z.int(), z.minimum(0)),
  results: z.array(mutationResultSchema),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

// --- Conflicts -----------------------------------------------------------------------------------------------

const author = z.object({ account_id: z.string(), nom: z.string() });

export const conflictSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  record_kind: recordKindSchema,
  record_id: recordId,
  /** A top-level field, or `*` for a delete against a concurrent edit. */
  field: z.string(),
  base: z.unknown(),
  /** The value of the device whose mutation arrived second (and was not applied). */
  mine: z.unknown(),
  /** The value the server held, written by someone else since `base`. */
  theirs: z.unknown(),
  mine_by: author,
  theirs_by: author,
  created_at: isoDateTime,
  statut: z.enum(valuesOf(STATUTS_CONFLIT)),
  resolved_by: z.optional(author),
  resolved_at: z.optional(isoDateTime),
  resolution: z.optional(z.unknown()),
});
export type Conflict = z.infer<typeof conflictSchema>;

// --- Server answers added with the server side -------------------------------------------------------

/** GET /api/v1/session: who this device's token speaks for. */
export const sessionSchema = z.object({
  protocol: answerProtocolSchema,
  clientId: clientIdSchema,
  account: accountSchema,
});
export type Session = z.infer<typeof sessionSchema>;

/**
 * HTTP 409 of POST /api/v1/push: mutation `error.expected` is missing (an ApiError with that extra field).
 * `results` answers the mutations handled before the gap (they are applied: they may leave the outbox); nothing
 * after the gap was looked at.
 */
export const mutationGapSchema = z.object({
  error: z.object({ code: z.literal('mutation_gap'), message: z.string(), expected: mutationId }),
  lastMutationId: z.number().check(z.int(), z.minimum(0)),
  results: z.array(mutationResultSchema),
});
export type MutationGap = z.infer<typeof mutationGapSchema>;

export const historyActionSchema = z.enum(['creation', 'modification', 'suppression', 'restauration']);

/** One accepted change of a record: who, when (server clock), and each changed field's old and new value. */
export const historyEntrySchema = z.object({
  seq: z.number().check(z.int(), z.positive()),
  at: isoDateTime,
  by: author,
  action: historyActionSchema,
  /** Top-level fields; `*` holds the whole record for a creation, deletion or restoration. Absent = null. */
  changes: z.record(z.string(), z.object({ old: z.unknown(), new: z.unknown() })),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

/** GET /api/v1/history?kind=&id=: newest first. */
export const historyResponseSchema = z.object({
  protocol: answerProtocolSchema,
  record_kind: recordKindSchema,
  record_id: recordId,
  entries: z.array(historyEntrySchema),
});
export type HistoryResponse = z.infer<typeof historyResponseSchema>;
