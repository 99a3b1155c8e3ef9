// data·inclusion v1 structures and services as zod schemas: the trust boundary of an import (a file from anywhere
// is parsed with these before anything is mapped). They follow reference/data-inclusion/v1/*.json field by field —
// types, lengths, patterns, formats, enumerations — so a record they accept is one the published JSON Schema
// accepts; the export test checks our output against the JSON Schemas themselves with an independent validator.
// Unknown properties are allowed, as in the JSON Schemas; `extension_boussole` is read separately.
import * as z from 'zod/mini';
import modesAccueil from '../../reference/data-inclusion/v1/extra/modes-accueil.json';
import modesMobilisation from '../../reference/data-inclusion/v1/extra/modes-mobilisation.json';
import personnesMobilisatrices from '../../reference/data-inclusion/v1/extra/personnes-mobilisatrices.json';
import publics from '../../reference/data-inclusion/v1/extra/publics.json';
import reseauxPorteurs from '../../reference/data-inclusion/v1/extra/reseaux-porteurs.json';
import thematiques from '../../reference/data-inclusion/v1/extra/thematiques.json';
import typesDeServices from '../../reference/data-inclusion/v1/extra/types-de-services.json';

type Entries = ReadonlyArray<{ value: string }>;
const oneOf = (entries: Entries) => z.enum(entries.map((e) => e.value) as [string, ...string[]]);
const nullable = <T extends z.ZodMiniType>(schema: T) => z.optional(z.nullable(schema));
const uniqueList = <T extends z.ZodMiniType>(item: T, min = 0) =>
  z.array(item).check(
    z.minLength(min),
    z.refine((xs) => new Set(xs).size === xs.length, 'Valeurs en double'),
  );

const uri = z.url().check(z.minLength(1), z.maxLength(2083));
const codeInsee = z.string().check(z.regex(/^\w{5}$/, 'Code INSEE attendu (5 caractères)'));
const codePostal = z.string().check(z.regex(/^\d{5}$/, 'Code postal attendu (5 chiffres)'));
const nom = z.string().check(z.minLength(3), z.maxLength(150));
const zoneCode = z
  .string()
  .check(z.regex(/^(\w{5}|\w{2,3}|\d{9}|99[0-5]\d{2}|france)$/, 'Code commune, département, EPCI ou pays attendu'));

const addressFields = {
  adresse: nullable(z.string()),
  complement_adresse: nullable(z.string()),
  code_postal: nullable(codePostal),
  commune: nullable(z.string()),
  code_insee: nullable(codeInsee),
  latitude: nullable(z.number()),
  longitude: nullable(z.number()),
};

export const diStructureSchema = z.looseObject({
  source: z.string(),
  id: z.string(),
  nom,
  date_maj: z.iso.date(),
  siret: nullable(z.string().check(z.regex(/^\d{14}$/, 'SIRET attendu (14 chiffres)'))),
  description: nullable(z.string().check(z.minLength(5), z.maxLength(10000))),
  ...addressFields,
  telephone: nullable(z.string()),
  courriel: nullable(z.email()),
  site_web: nullable(uri),
  lien_source: nullable(uri),
  horaires_accueil: nullable(z.string()),
  accessibilite_lieu: nullable(uri),
  reseaux_porteurs: nullable(uniqueList(oneOf(reseauxPorteurs))),
});

export const diServiceSchema = z.looseObject({
  source: z.string(),
  id: z.string(),
  structure_id: z.string(),
  nom,
  description: z.string().check(z.minLength(5), z.maxLength(10000)),
  date_maj: z.iso.date(),
  type: nullable(oneOf(typesDeServices)),
  thematiques: nullable(uniqueList(oneOf(thematiques))),
  frais: nullable(z.enum(['gratuit', 'payant'])),
  frais_precisions: nullable(z.string()),
  publics: nullable(uniqueList(oneOf(publics), 1)),
  publics_precisions: nullable(z.string()),
  conditions_acces: nullable(z.string()),
  ...addressFields,
  telephone: nullable(z.string()),
  courriel: nullable(z.email()),
  contact_nom_prenom: nullable(z.string()),
  lien_source: nullable(uri),
  horaires_accueil: nullable(z.string()),
  modes_accueil: nullable(uniqueList(oneOf(modesAccueil))),
  zone_eligibilite: nullable(z.array(zoneCode).check(z.minLength(1))),
  lien_mobilisation: nullable(uri),
  modes_mobilisation: nullable(uniqueList(oneOf(modesMobilisation), 1)),
  mobilisable_par: nullable(uniqueList(oneOf(personnesMobilisatrices), 1)),
  mobilisation_precisions: nullable(z.string()),
  volume_horaire_hebdomadaire: nullable(z.number().check(z.minimum(0))),
  nombre_semaines: nullable(z.number().check(z.int(), z.minimum(1))),
});

export type DiStructure = z.infer<typeof diStructureSchema>;
export type DiService = z.infer<typeof diServiceSchema>;
export type DiKind = 'structure' | 'service';

/** Field order of the CSV files, as the JSON Schemas list them, and of the JSON records we write. */
export const DI_STRUCTURE_FIELDS = [
  'source',
  'id',
  'nom',
  'date_maj',
  'siret',
  'description',
  'adresse',
  'complement_adresse',
  'code_postal',
  'commune',
  'code_insee',
  'latitude',
  'longitude',
  'telephone',
  'courriel',
  'site_web',
  'lien_source',
  'horaires_accueil',
  'accessibilite_lieu',
  'reseaux_porteurs',
] as const;

export const DI_SERVICE_FIELDS = [
  'source',
  'id',
  'structure_id',
  'nom',
  'description',
  'date_maj',
  'type',
  'thematiques',
  'frais',
  'frais_precisions',
  'publics',
  'publics_precisions',
  'conditions_acces',
  'adresse',
  'complement_adresse',
  'code_postal',
  'commune',
  'code_insee',
  'latitude',
  'longitude',
  'telephone',
  'courriel',
  'contact_nom_prenom',
  'lien_source',
  'horaires_accueil',
  'modes_accueil',
  'zone_eligibilite',
  'lien_mobilisation',
  'modes_mobilisation',
  'mobilisable_par',
  'mobilisation_precisions',
  'volume_horaire_hebdomadaire',
  'nombre_semaines',
] as const;

/** Columns holding lists (written `a,b` in CSV: no value of these enumerations or codes contains a comma). */
export const DI_LIST_FIELDS: ReadonlySet<string> = new Set([
  'reseaux_porteurs',
  'thematiques',
  'publics',
  'modes_accueil',
  'zone_eligibilite',
  'modes_mobilisation',
  'mobilisable_par',
]);
export const DI_NUMBER_FIELDS: ReadonlySet<string> = new Set([
  'latitude',
  'longitude',
  'volume_horaire_hebdomadaire',
  'nombre_semaines',
]);

/** Boussole's own fields travel in this property (JSON) or column (CSV, as JSON text), ignored by other readers. */
export const EXTENSION_FIELD = 'extension_boussole';
