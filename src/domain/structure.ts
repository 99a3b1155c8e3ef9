// A partner (structure): the organisation people are sent to. Field names follow data·inclusion v1 where it has
// the concept, so import and export stay a mapping and not a translation; Boussole's additions are grouped
// (accessibilite, verification, visibilite, statut, version).
import * as z from 'zod/mini';
import { auteurSchema, recommandeePourSchema, refusSchema } from './listing-annotations.ts';
import {
  codeInsee,
  codePostal,
  codeQpv,
  courriel,
  isoDate,
  isoDateTime,
  latitude,
  longitude,
  nom,
  osmOpeningHours,
  recordId,
  setOf,
  sourceId,
  telephone,
  text,
  url,
  verification,
} from './primitives.ts';
import { LANGUES, STATUTS_STRUCTURE, VISIBILITES, valuesOf } from './vocabulary.ts';
import { RESEAUX_PORTEURS } from './vocabulary-data-inclusion.ts';
import { ROLES } from './vocabulary-roles.ts';

export const adresseFields = {
  adresse: text(300),
  complement_adresse: z.optional(text(300)),
  code_postal: codePostal,
  commune: text(120),
  code_insee: codeInsee,
  /** QPV the address lies in, when known. */
  code_qpv: z.optional(codeQpv),
  latitude: z.nullable(latitude),
  longitude: z.nullable(longitude),
};

export const accessibilite = z.object({
  /** Step-free access for wheelchair users. */
  pmr: z.optional(z.boolean()),
  /** The Accesslibre page (data·inclusion `accessibilite_lieu`). */
  lien_accesslibre: z.optional(url),
  note: z.optional(text(500)),
});

/** Who proposed a partner: the account as every author, with its role and its team (a worker's MDM, association). */
const proposantSchema = z.object({
  ...auteurSchema.shape,
  role: z.optional(z.enum(valuesOf(ROLES))),
  equipe_id: z.optional(recordId),
});

export const structureSchema = z.object({
  id: recordId,
  source: sourceId,
  nom,
  siret: z.optional(z.string().check(z.regex(/^\d{14}$/, 'SIRET attendu (14 chiffres)'))),
  description: z.optional(text(10000)),
  ...adresseFields,
  telephone: z.optional(telephone),
  courriel: z.optional(courriel),
  site_web: z.optional(url),
  horaires_accueil: z.optional(osmOpeningHours),
  /** What the OSM string cannot say ("hors vacances scolaires : sur rendez-vous"). */
  horaires_note: z.optional(text(500)),
  accessibilite: z.optional(accessibilite),
  langues: setOf(z.enum(valuesOf(LANGUES))),
  reseaux_porteurs: setOf(z.enum(valuesOf(RESEAUX_PORTEURS))),
  visibilite: z.enum(valuesOf(VISIBILITES)),
  statut: z.enum(valuesOf(STATUTS_STRUCTURE)),
  /** data·inclusion `date_maj`: last change of the content. */
  date_maj: isoDate,
  /** Last time someone confirmed the listing is true, changed or not. */
  verification: z.nullable(verification),
  /** Server-assigned, incremented on every accepted change. */
  version: z.number().check(z.int(), z.minimum(1)),
  // What professionals add (optional: stored rows and older clients parse without them).
  /** Communes whose Maison de la Métropole recommends this partner; coordinators curate it; professionals read it. */
  recommandee_pour: z.optional(recommandeePourSchema),
  /**
   * Set by the server: whether the partner can receive referrals in Boussole (an enabled partner account of this
   * structure has signed in). Absent or false: a referral would wait for nobody, the device offers the printed
   * fiche de liaison or the phone instead.
   */
  recoit_orientations: z.optional(z.boolean()),
  /** The worker who proposed it (set by the server on creation): a proposal is shown to its author and coordinators. */
  proposee_par: z.optional(proposantSchema),
  /** When the proposal reached the server, by its clock (set on creation; absent from proposals made before). */
  proposee_le: z.optional(isoDateTime),
  /** A coordinator refused the proposal, and why: the author reads it. */
  refus: z.optional(refusSchema),
  /**
   * A coordinator's instruction, never stored by the server: merge this proposal into that existing structure (its
   * services move there and the proposal is deleted). Held on the device until the deletion comes back.
   */
  fusion_vers: z.optional(recordId),
  /**
   * `false`: this structure's workers do not take part in the anonymous orientation statistics (docs/orientation-
   * events.md): their devices queue no event and the server keeps none. Absent means taking part.
   */
  statistiques_orientations: z.optional(z.boolean()),
});

export type Structure = z.infer<typeof structureSchema>;
