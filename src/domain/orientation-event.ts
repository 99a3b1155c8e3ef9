// An anonymous orientation event: what a coordinator may learn of an orientation, and nothing else. The person's
// profile never leaves the device; when a worker ends an orientation (sheet printed or shared, referral sent,
// « Terminer »), the device keeps only these fields, queues them, and sends them when online
// (POST /api/v1/orientation-events). docs/orientation-events.md is the register of processing: each field's purpose
// and retention. A field added here must be added there, and to the property test that scans events for every
// value of random profiles (src/matching/orientation-event.test.ts).
import * as z from 'zod/mini';
import { codeInsee, codeQpv, setOf } from './primitives.ts';
import { BESOINS, valuesOf } from './vocabulary.ts';

/** Household size bands: exact sizes of large households would single them out in a small commune. */
export const BANDES_FOYER = ['1', '2', '3-4', '5+'] as const;
export type BandeFoyer = (typeof BANDES_FOYER)[number];

/** The most frequent excluding reasons kept per event. */
export const MOTIFS_MAX = 3;

/** ISO 8601 week, `2026-W49`: the week rather than the day, so that an event cannot be matched to an appointment. */
export const isoWeek = z
  .string()
  .check(z.regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, 'Semaine ISO attendue (ex. 2026-W49)'));

const count = z.number().check(z.int(), z.minimum(0), z.maximum(100_000));
/** A reason code of the matcher (src/matching/reasons.ts): data, never a sentence or a value. */
const reasonCode = z.string().check(z.regex(/^[a-z][a-z_]{1,39}$/, 'Code de motif attendu (a-z, _)'));

/** Made on the device (random), one per orientation: sending it again replaces it, never counts it twice. */
export const orientationEventIdSchema = z
  .string()
  .check(z.regex(/^[A-Za-z0-9_-]{16,64}$/, 'Identifiant d’événement invalide'));

export const orientationEventSchema = z.strictObject({
  id: orientationEventIdSchema,
  semaine: isoWeek,
  /** Commune or Lyon arrondissement where the person lives or is; absent when not given. */
  commune: z.optional(codeInsee),
  qpv: z.optional(codeQpv),
  besoins: setOf(z.enum(valuesOf(BESOINS))).check(z.minLength(1, 'Au moins un besoin')),
  foyer: z.optional(z.enum(BANDES_FOYER)),
  /** How many services got each verdict. */
  resultats: z.strictObject({ eligibles: count, a_verifier: count, exclus: count }),
  /** The reason codes that excluded the most services, most frequent first. */
  motifs_exclusion: z.array(reasonCode).check(z.maxLength(MOTIFS_MAX)),
  orientation_envoyee: z.boolean(),
});
export type OrientationEvent = z.infer<typeof orientationEventSchema>;

/** Every field an event may carry: the register (docs/orientation-events.md) documents exactly these. */
export const ORIENTATION_EVENT_FIELDS = Object.keys(orientationEventSchema.shape) as (keyof OrientationEvent)[];

export const EVENTS_PER_PUSH = 100;

/** POST /api/v1/orientation-events. */
export const orientationEventsBodySchema = z.strictObject({
  protocol: z.number(),
  events: z.array(orientationEventSchema).check(z.minLength(1), z.maxLength(EVENTS_PER_PUSH)),
});

export const orientationEventsAnswerSchema = z.object({
  protocol: z.number(),
  /** Events stored or replaced; `ignores`: the sender's structure does not take part (it opted out). */
  enregistres: z.number(),
  ignores: z.number(),
});
export type OrientationEventsAnswer = z.infer<typeof orientationEventsAnswerSchema>;

export function bandOfHousehold(persons: number): BandeFoyer {
  if (persons <= 1) return '1';
  if (persons === 2) return '2';
  if (persons <= 4) return '3-4';
  return '5+';
}
