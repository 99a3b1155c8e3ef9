// The person being oriented. A profile lives only on the device that made it: no endpoint accepts it, and a
// referral carries only the fields the partner's form asks for (with consent). Every field is optional: the
// matcher works with what it is given and says what missing information would change.
import * as z from 'zod/mini';
import { budgetSchema } from './budget.ts';
import { codeInsee, codeQpv, latitude, longitude, setOf } from './primitives.ts';
import {
  BESOINS,
  CRENEAUX,
  GENRES,
  JOURS,
  LANGUES,
  MOBILITES,
  RECONNAISSANCES_HANDICAP,
  REGIMES,
  RESSOURCES,
  SITUATIONS_ADMINISTRATIVES,
  SITUATIONS_EMPLOI,
  SITUATIONS_FAMILIALES,
  URGENCES,
  valuesOf,
} from './vocabulary.ts';

const age = z.number().check(z.int(), z.minimum(0), z.maximum(120));

export const profileSchema = z.object({
  lieu: z.optional(
    z.object({
      code_insee: z.optional(codeInsee),
      code_qpv: z.optional(codeQpv),
      position: z.optional(z.object({ latitude, longitude })),
    }),
  ),
  age: z.optional(age),
  genre: z.optional(z.enum(valuesOf(GENRES))),
  foyer: z.optional(
    z
      .object({
        adultes: z.number().check(z.int(), z.minimum(1), z.maximum(20)),
        ages_enfants: z.array(z.number().check(z.int(), z.minimum(0), z.maximum(25))).check(z.maxLength(20)),
        /** Children with a recognised disability (AEEH): half a CAF part more each. */
        enfants_handicapes: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(20))),
      })
      .check(
        z.refine((f) => (f.enfants_handicapes ?? 0) <= f.ages_enfants.length, {
          message: 'Plus d’enfants en situation de handicap que d’enfants',
          path: ['enfants_handicapes'],
        }),
      ),
  ),
  situation_familiale: z.optional(z.enum(valuesOf(SITUATIONS_FAMILIALES))),
  situation_administrative: z.optional(z.enum(valuesOf(SITUATIONS_ADMINISTRATIVES))),
  /**
   * No fixed address (sans domicile stable). `lieu` is then where the person is, not a residence: zones reserved to
   * residents cannot be checked as usual, and a proof of address (justificatif de domicile) is likely missing.
   */
  sans_domicile_fixe: z.optional(z.boolean()),
  ressources: z.optional(z.enum(valuesOf(RESSOURCES))),
  /** Monthly resources and charges, from which the reste à vivre and the quotient familial are computed. */
  budget: z.optional(budgetSchema),
  emploi: z.optional(z.enum(valuesOf(SITUATIONS_EMPLOI))),
  /** A disability of the person; `reconnaissances_handicap` says which recognitions they hold (they imply it). */
  handicap: z.optional(z.boolean()),
  reconnaissances_handicap: z.optional(setOf(z.enum(valuesOf(RECONNAISSANCES_HANDICAP)))),
  mobilite: z.optional(
    z.object({
      mode: z.enum(valuesOf(MOBILITES)),
      distance_max_km: z.optional(z.number().check(z.positive(), z.maximum(100))),
    }),
  ),
  langues: z.optional(setOf(z.enum(valuesOf(LANGUES)))),
  regimes: z.optional(setOf(z.enum(valuesOf(REGIMES)))),
  peut_cuisiner: z.optional(z.boolean()),
  /** The worker asks to favour quality food for the person: fresh, organic, local, a choice of products. */
  alimentation_qualite: z.optional(z.boolean()),
  disponibilites: z.optional(
    z.object({
      jours: setOf(z.enum(valuesOf(JOURS))),
      creneaux: setOf(z.enum(valuesOf(CRENEAUX))),
    }),
  ),
  urgence: z.optional(z.enum(valuesOf(URGENCES))),
  besoins: setOf(z.enum(valuesOf(BESOINS))),
});

export type Profile = z.infer<typeof profileSchema>;
