// Query and response schemas of the read endpoints that only the server and its tests use today. The directory
// page, which the app consumes, has its schemas in src/domain/directory.ts; move one of these there the day the
// app calls its endpoint.
import * as z from 'zod/mini';
import { directoryQuerySchema } from '../../src/domain/directory.ts';
import { codeInsee, recordId } from '../../src/domain/primitives.ts';
import { answerProtocolSchema } from '../../src/domain/protocol-version.ts';
import { serviceSchema } from '../../src/domain/service.ts';
import { structureSchema } from '../../src/domain/structure.ts';
import { recordKindSchema } from '../../src/domain/sync-protocol.ts';
import { FOOD_CATEGORY_VALUES } from '../../src/domain/vocabulary.ts';

/** GET /api/v1/directory: the shared query, refused when it carries unknown parameters. */
export const directoryStrictQuerySchema = z.strictObject(directoryQuerySchema.shape);

const listLimit = z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(500)), 100);

/** GET /api/v1/structures: keyset paging by id (`after` = `next` of the previous page). */
export const structuresQuerySchema = z.strictObject({
  after: z.optional(recordId),
  limit: listLimit,
  code_insee: z.optional(codeInsee),
});

/** GET /api/v1/services. */
export const servicesQuerySchema = z.strictObject({
  after: z.optional(recordId),
  limit: listLimit,
  structure_id: z.optional(recordId),
  categorie: z.optional(z.enum(FOOD_CATEGORY_VALUES)),
});

const protocol = answerProtocolSchema;

export const healthSchema = z.object({
  ok: z.literal(true),
  protocol,
  epoch: z.string(),
  counts: z.object({ structures: z.number(), services: z.number() }),
});

export const structuresPageSchema = z.object({
  protocol,
  structures: z.array(structureSchema),
  /** Id to pass as `after` for the next page; null on the last page. */
  next: z.nullable(recordId),
});

export const servicesPageSchema = z.object({
  protocol,
  services: z.array(serviceSchema),
  next: z.nullable(recordId),
});

export const structureDetailSchema = z.object({
  protocol,
  structure: structureSchema,
  services: z.array(serviceSchema),
});

export type Health = z.infer<typeof healthSchema>;
export type StructuresPage = z.infer<typeof structuresPageSchema>;
export type ServicesPage = z.infer<typeof servicesPageSchema>;
export type StructureDetail = z.infer<typeof structureDetailSchema>;

/** Endpoints without parameters still refuse unknown ones, like every other. */
export const emptyQuerySchema = z.strictObject({});

/** GET /api/v1/history: one record's accepted changes, newest first. */
export const historyQuerySchema = z.strictObject({
  kind: recordKindSchema,
  id: recordId,
  limit: listLimit,
});
