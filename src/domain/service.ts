// A service a structure offers. Eligibility and the fiche de liaison are structured data the matcher evaluates
// and the referral form is built from; free-text `precisions` only add nuance for people, never replace a rule.
import * as z from 'zod/mini';
import { offreAlimentaireSchema } from './food-offer.ts';
import { criteresSchema, notesProSchema } from './listing-annotations.ts';
import {
  codeInsee,
  codePostal,
  codeQpv,
  courriel,
  isoDate,
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
import { accessibilite } from './structure.ts';
import {
  ACCUEIL,
  CANAUX_LIAISON,
  FOOD_CATEGORY_VALUES,
  FREQUENCES_MAJ_MOIS,
  GENRES_ACCUEILLIS,
  INFOS_TEMPORAIRES,
  JUSTIFICATIFS,
  LANGUES,
  PERIODES_ADHESION,
  REGIMES,
  RESSOURCES,
  SATURATION,
  SITUATIONS_ADMINISTRATIVES,
  SITUATIONS_FAMILIALES,
  TYPES_CHAMP,
  UNITES_PRIX,
  VISIBILITES,
  valuesOf,
} from './vocabulary.ts';
import { MODES_ACCUEIL, PUBLICS, THEMATIQUES, TYPES_SERVICE } from './vocabulary-data-inclusion.ts';

const age = z.number().check(z.int(), z.minimum(0), z.maximum(120));

/** An amount in euros, to the cent. */
const euros = z.number().check(
  z.minimum(0),
  z.maximum(10000),
  z.refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, 'Montant au centime près attendu'),
);

// Amounts are optional members added to the existing shapes: records written before them still parse,
// and an app from before them drops the keys it does not know (zod's objects strip them), so the directory feed
// needs no new protocol version. `precisions` stays required for a solidarity price for that same older app.
const amounts = {
  /** What the person pays, e.g. 7 for « panier à 7 € ». */
  montant: z.optional(euros),
  /** The usual price, « au lieu de 18 € »; only with `montant`. */
  montant_reference: z.optional(euros),
  /** What `montant` is paid for (le panier, le repas, par mois…). */
  unite: z.optional(z.enum(UNITES_PRIX)),
  /** A membership paid on top of (or instead of) a price. */
  adhesion: z.optional(z.object({ montant: euros, periode: z.enum(PERIODES_ADHESION) })),
};

interface Amounts {
  montant?: number | undefined;
  montant_reference?: number | undefined;
}
const amountChecks = [
  z.refine<Amounts>((t) => t.montant_reference === undefined || t.montant !== undefined, {
    message: 'Indiquez le prix payé avec le prix habituel',
    path: ['montant'],
  }),
  z.refine<Amounts>(
    (t) => t.montant === undefined || t.montant_reference === undefined || t.montant <= t.montant_reference,
    { message: 'Le prix payé dépasse le prix habituel', path: ['montant'] },
  ),
];

export const tarifSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('gratuit'), precisions: z.optional(text(300)) }),
  z
    .object({
      type: z.literal('solidaire'),
      /** Share of the shop price paid, e.g. 10–30 % in an épicerie sociale. */
      pourcentage_min: z.optional(z.number().check(z.minimum(0), z.maximum(100))),
      pourcentage_max: z.optional(z.number().check(z.minimum(0), z.maximum(100))),
      ...amounts,
      precisions: text(300),
    })
    .check(...amountChecks),
  z.object({ type: z.literal('payant'), ...amounts, precisions: z.optional(text(300)) }).check(...amountChecks),
]);

export const eligibiliteSchema = z
  .object({
    publics: setOf(z.enum(valuesOf(PUBLICS))).check(z.minLength(1, 'Au moins un public')),
    accueil: z.enum(valuesOf(ACCUEIL)),
    age_min: z.optional(age),
    age_max: z.optional(age),
    genre: z.optional(z.enum(valuesOf(GENRES_ACCUEILLIS))),
    situations_familiales: z.optional(setOf(z.enum(valuesOf(SITUATIONS_FAMILIALES)))),
    situations_administratives: z.optional(setOf(z.enum(valuesOf(SITUATIONS_ADMINISTRATIVES)))),
    ressources: z.optional(setOf(z.enum(valuesOf(RESSOURCES)))),
    /** Épiceries sociales' ceilings (src/domain/budget.ts): reste à vivre in € per person per day, CAF QF in €. */
    reste_a_vivre_max: z.optional(z.number().check(z.minimum(0), z.maximum(1000))),
    quotient_familial_max: z.optional(z.number().check(z.minimum(0), z.maximum(10_000))),
    /** Where the person must live; absent means anywhere. Communes by INSEE code (Lyon's arrondissements too). */
    zone: z.optional(
      z
        .object({ communes: setOf(codeInsee), qpv: setOf(codeQpv) })
        .check(
          z.refine((zn) => zn.communes.length + zn.qpv.length > 0, 'Zone vide : retirez-la ou ajoutez une commune'),
        ),
    ),
    sur_orientation: z.boolean(),
    sur_rendez_vous: z.boolean(),
    sur_inscription: z.boolean(),
    justificatifs: setOf(z.enum(valuesOf(JUSTIFICATIFS))),
    precisions: z.optional(text(1000)),
  })
  .check(
    z.refine((e) => e.age_min === undefined || e.age_max === undefined || e.age_min <= e.age_max, {
      message: "L'âge minimum dépasse l'âge maximum",
      path: ['age_max'],
    }),
  );

export const champLiaisonSchema = z
  .object({
    id: z.string().check(z.regex(/^[a-z0-9_]{1,40}$/, 'Identifiant de champ attendu (a-z, 0-9, _)')),
    libelle: text(200),
    type: z.enum(valuesOf(TYPES_CHAMP)),
    requis: z.boolean(),
    options: z.optional(z.array(text(100)).check(z.minLength(2, 'Au moins deux choix'))),
  })
  .check(
    z.refine((c) => (c.type === 'choix') === (c.options !== undefined), {
      message: 'Les choix sont à donner pour un champ « choix », et seulement pour lui',
      path: ['options'],
    }),
  );

export const ficheLiaisonSchema = z
  .object({
    requise: z.boolean(),
    canaux: setOf(z.enum(valuesOf(CANAUX_LIAISON))).check(z.minLength(1, 'Au moins un moyen de transmission')),
    /** The partner's own fields; empty means Boussole's default form. */
    champs: z.array(champLiaisonSchema),
    contact_nom: z.optional(text(120)),
    courriel: z.optional(courriel),
    telephone: z.optional(telephone),
    /** The partner's printable form, when it has one. */
    modele_url: z.optional(url),
  })
  .check(
    z.refine((f) => new Set(f.champs.map((c) => c.id)).size === f.champs.length, {
      message: 'Deux champs ont le même identifiant',
      path: ['champs'],
    }),
    z.refine((f) => !f.canaux.includes('courriel') || f.courriel !== undefined, {
      message: 'Une adresse e-mail est nécessaire pour recevoir les fiches par courriel',
      path: ['courriel'],
    }),
    z.refine((f) => !f.canaux.includes('telephone') || f.telephone !== undefined, {
      message: 'Un numéro est nécessaire pour recevoir les orientations par téléphone',
      path: ['telephone'],
    }),
  );

export const capaciteSchema = z.object({
  etat: z.enum(valuesOf(SATURATION)),
  note: z.optional(text(300)),
});

export const infoTemporaireSchema = z
  .object({
    id: z.string().check(z.minLength(1), z.maxLength(60)),
    type: z.enum(valuesOf(INFOS_TEMPORAIRES)),
    debut: isoDate,
    /** Inclusive; absent means until further notice. */
    fin: z.optional(isoDate),
    /** For `horaires-exceptionnels`: the hours that replace the regular ones between the dates. */
    horaires: z.optional(osmOpeningHours),
    message: z.optional(text(500)),
  })
  .check(
    z.refine((i) => i.fin === undefined || i.fin >= i.debut, { message: 'La fin précède le début', path: ['fin'] }),
    z.refine((i) => (i.type === 'horaires-exceptionnels') === (i.horaires !== undefined), {
      message: 'Des horaires sont à donner pour des horaires exceptionnels, et seulement pour eux',
      path: ['horaires'],
    }),
    z.refine((i) => i.type !== 'message' || i.message !== undefined, {
      message: 'Le message est vide',
      path: ['message'],
    }),
  );

/** A service may take place elsewhere than its structure (a permanence hors les murs). */
export const lieuSchema = z.object({
  adresse: text(300),
  complement_adresse: z.optional(text(300)),
  code_postal: codePostal,
  commune: text(120),
  code_insee: codeInsee,
  code_qpv: z.optional(codeQpv),
  latitude: z.nullable(latitude),
  longitude: z.nullable(longitude),
  accessibilite: z.optional(accessibilite),
});

/**
 * A stop of a service that moves (a maraude, an épicerie mobile, a bus solidaire): where it stops and when, with
 * its own OSM hours. The place is an address, a position, or both, always in a commune (its INSEE code), so that
 * the matcher can measure a distance (the commune centre at worst) and coverage can count it there.
 */
export const arretSchema = z
  .object({
    id: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,60}$/, 'Identifiant d’arrêt attendu (lettres, chiffres, - et _)')),
    /** What people call the place: « place Guichard », « parking du marché ». */
    nom: z.optional(text(120)),
    adresse: z.optional(text(300)),
    code_postal: z.optional(codePostal),
    commune: text(120),
    code_insee: codeInsee,
    latitude: z.nullable(latitude),
    longitude: z.nullable(longitude),
    horaires: osmOpeningHours,
    precisions: z.optional(text(300)),
  })
  .check(
    z.refine((a) => (a.latitude === null) === (a.longitude === null), {
      message: 'Latitude et longitude vont ensemble',
      path: ['longitude'],
    }),
    z.refine((a) => a.adresse !== undefined || a.nom !== undefined || a.latitude !== null, {
      message: 'Indiquez l’adresse ou le nom du lieu de l’arrêt',
      path: ['adresse'],
    }),
  );

/** At most this many stops: a weekly round of a maraude or a bus, not a timetable of every street corner. */
export const MAX_ARRETS = 40;

export const serviceSchema = z.object({
  id: recordId,
  source: sourceId,
  structure_id: recordId,
  nom,
  description: text(10000),
  type: z.enum(valuesOf(TYPES_SERVICE)),
  thematiques: setOf(z.enum(valuesOf(THEMATIQUES))),
  categorie: z.optional(z.enum(FOOD_CATEGORY_VALUES)),
  tarif: tarifSchema,
  modes_accueil: setOf(z.enum(valuesOf(MODES_ACCUEIL))).check(z.minLength(1, "Au moins un mode d'accueil")),
  lieu: z.optional(lieuSchema),
  /** Own hours when they differ from the structure's. */
  horaires_accueil: z.optional(osmOpeningHours),
  horaires_note: z.optional(text(500)),
  /**
   * A service that moves: its stops, each with its place and hours, which replace `lieu` and `horaires_accueil`
   * for finding it (absent or empty: a fixed place). Optional, so records and apps from before stops parse.
   */
  arrets: z.optional(
    z.array(arretSchema).check(
      z.maxLength(MAX_ARRETS, `Au plus ${MAX_ARRETS} arrêts`),
      z.refine((as) => new Set(as.map((a) => a.id)).size === as.length, 'Deux arrêts ont le même identifiant'),
    ),
  ),
  eligibilite: eligibiliteSchema,
  fiche_liaison: ficheLiaisonSchema,
  capacite: z.optional(capaciteSchema),
  infos_temporaires: z.array(infoTemporaireSchema),
  regimes: setOf(z.enum(valuesOf(REGIMES))),
  /** What the food is like (src/domain/food-offer.ts); optional, so records from before it still parse. */
  offre_alimentaire: z.optional(offreAlimentaireSchema),
  langues: z.optional(setOf(z.enum(valuesOf(LANGUES)))),
  telephone: z.optional(telephone),
  courriel: z.optional(courriel),
  contact_nom: z.optional(text(120)),
  visibilite: z.enum(valuesOf(VISIBILITES)),
  /** Months after which the listing must be verified again (default 6). */
  frequence_maj_mois: z.literal(FREQUENCES_MAJ_MOIS),
  date_maj: isoDate,
  verification: z.nullable(verification),
  version: z.number().check(z.int(), z.minimum(1)),
  // What professionals add, read by professionals only (optional: stored rows and older clients parse without them).
  /** Professionals' notes ("adapté aux personnes non francophones"), with author and date. */
  notes_pro: z.optional(notesProSchema),
  /** Workers' own criteria (free tags), filters and matching hints for their colleagues. */
  criteres: z.optional(criteresSchema),
});

export type Service = z.infer<typeof serviceSchema>;
export type Tarif = z.infer<typeof tarifSchema>;
export type Eligibilite = z.infer<typeof eligibiliteSchema>;
export type FicheLiaison = z.infer<typeof ficheLiaisonSchema>;
export type ChampLiaison = z.infer<typeof champLiaisonSchema>;
export type InfoTemporaire = z.infer<typeof infoTemporaireSchema>;
export type Arret = z.infer<typeof arretSchema>;
