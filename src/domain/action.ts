// An action of the programme: an atelier cuisine, a distribution, a repas partagé… organised by one or
// more partners, in their walls or outside ("hors les murs"), once or recurring. It syncs as the record kind
// `action` (src/domain/record-kinds.ts), through the same mutations as structures and services.
//
// Dates are Paris wall-clock times (what the organiser writes on its poster), never instants: "every Tuesday at
// 14:00" stays at 14:00 across the change to summer time. Recurrence is an RFC 5545 RRULE, the language every
// calendar speaks (the .ics export copies it as is), restricted here to what the form writes and what devices
// expand: daily, weekly every N weeks on some days, monthly on the nth weekday. The end of a series is a Paris
// date (`jusqu_au`), not the RRULE's UNTIL, whose time-zone rules are a classic source of off-by-one-day bugs.
import * as z from 'zod/mini';
import {
  codeInsee,
  codePostal,
  codeQpv,
  isoDate,
  latitude,
  longitude,
  nom,
  recordId,
  setOf,
  sourceId,
  text,
} from './primitives.ts';
import { tarifSchema } from './service.ts';
import { MODES_INSCRIPTION, TYPES_ACTION, VISIBILITES, valuesOf } from './vocabulary.ts';
import { PUBLICS } from './vocabulary-data-inclusion.ts';

/** Paris wall-clock date and time, `YYYY-MM-DDTHH:mm`. */
export const localDateTime = z
  .string()
  .check(z.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d$/, 'Date et heure attendues'));

const DAY = '[+-]?[1-5]?(MO|TU|WE|TH|FR|SA|SU)';
/** The RRULE subset Boussole writes and expands (no DTSTART, UNTIL or COUNT inside: see the header). */
export const RRULE_PATTERN = new RegExp(
  `^FREQ=(DAILY|WEEKLY|MONTHLY)(;INTERVAL=([1-9]|[1-4]\\d|5[0-2]))?(;BYDAY=${DAY}(,${DAY}){0,6})?$`,
);

export const actionRrule = z
  .string()
  .check(
    z.regex(RRULE_PATTERN, 'Récurrence attendue au format RRULE (ex. « FREQ=WEEKLY;BYDAY=TU »)'),
    z.maxLength(120),
  );

export const calendrierSchema = z
  .object({
    /** First occurrence (or the only one), Paris wall clock. */
    debut: localDateTime,
    duree_minutes: z.number().check(z.int(), z.minimum(5, 'Au moins 5 minutes'), z.maximum(720, 'Au plus 12 h')),
    /** Absent: a one-off action. */
    rrule: z.optional(actionRrule),
    /** Last day a recurring action may take place (inclusive); absent: until further notice. */
    jusqu_au: z.optional(isoDate),
    /** Days a recurring action does not take place (holidays of the team, a room not available…). */
    exceptions: z.optional(setOf(isoDate)),
    /** French public holidays cancel the occurrences that fall on them (most structures are closed then). */
    sauf_jours_feries: z.boolean(),
  })
  .check(
    z.refine((c) => c.jusqu_au === undefined || c.jusqu_au >= c.debut.slice(0, 10), {
      message: 'La date de fin précède la première date',
      path: ['jusqu_au'],
    }),
    z.refine((c) => c.rrule !== undefined || (c.jusqu_au === undefined && c.exceptions === undefined), {
      message: 'Une date de fin ou des exceptions ne valent que pour une action qui se répète',
      path: ['rrule'],
    }),
  );

/** At a partner's address (kept up to date with it), or anywhere else: hors les murs. */
export const actionLieuSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('structure'), structure_id: recordId, precisions: z.optional(text(200)) }),
  z.object({
    type: z.literal('adresse'),
    /** Free address; a square or a market may have no street number. */
    adresse: text(300),
    precisions: z.optional(text(200)),
    code_postal: z.optional(codePostal),
    commune: text(120),
    code_insee: z.optional(codeInsee),
    code_qpv: z.optional(codeQpv),
    latitude: z.optional(latitude),
    longitude: z.optional(longitude),
  }),
]);

export const inscriptionSchema = z
  .object({
    requise: z.boolean(),
    modes: z.optional(setOf(z.enum(valuesOf(MODES_INSCRIPTION)))),
    /** Who to call or write to, as the organiser puts it ("Fatou, 04 00 00 00 00"). */
    contact: z.optional(text(200)),
    /** Places per occurrence. */
    capacite: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(10000))),
    precisions: z.optional(text(500)),
  })
  .check(
    z.refine((i) => !i.requise || (i.modes !== undefined && i.modes.length > 0), {
      message: 'Indiquez comment s’inscrire',
      path: ['modes'],
    }),
  );

export const actionSchema = z.object({
  id: recordId,
  source: sourceId,
  type: z.enum(valuesOf(TYPES_ACTION)),
  titre: nom,
  description: z.optional(text(2000)),
  /** The partners running it: each may edit it; the first is shown as the main organiser. */
  organisateurs: setOf(recordId).check(z.minLength(1, 'Au moins un organisateur'), z.maxLength(10)),
  lieu: actionLieuSchema,
  calendrier: calendrierSchema,
  publics: setOf(z.enum(valuesOf(PUBLICS))).check(z.minLength(1, 'Au moins un public')),
  /** What the form's public list cannot say ("parents avec enfants de 0 à 3 ans"). */
  precisions_public: z.optional(text(500)),
  inscription: inscriptionSchema,
  tarif: tarifSchema,
  visibilite: z.enum(valuesOf(VISIBILITES)),
  date_maj: isoDate,
  version: z.number().check(z.int(), z.minimum(1)),
});

export type Action = z.infer<typeof actionSchema>;
export type ActionLieu = z.infer<typeof actionLieuSchema>;
export type Calendrier = z.infer<typeof calendrierSchema>;
export type TypeAction = Action['type'];

/** Whether an action takes place outside its organisers' walls. */
export function horsLesMurs(action: Pick<Action, 'lieu'>): boolean {
  return action.lieu.type === 'adresse';
}
