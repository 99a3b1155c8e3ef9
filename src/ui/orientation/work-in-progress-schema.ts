// The orientation in progress as read back from IndexedDB: a trust boundary like any other, parsed before
// the screens see it. A row that does not parse (written by an older build whose fields differ) is dropped, never
// half-trusted; a row without a field that was added since takes that field's value in a new orientation, so an
// app update — which reloads the page — does not lose the orientation.
//
// Each shape is typed against the model's own type (ShapeOf): a field added to Draft, SavedOrientation, RecapItem or
// SavedRecap without its schema here does not compile, and a schema that could produce another type neither. The
// values the form can hold are accepted as they are (a number being typed, an empty list), not the profile's rules.
import * as z from 'zod/mini';
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
} from '../../domain/vocabulary.ts';
import { AMOUNT_KEYS, type Amounts, EMPTY_AMOUNTS } from './budget-draft.ts';
import type { SavedOrientation } from './orientation-model.ts';
import { type Draft, EMPTY_DRAFT } from './profile-draft.ts';
import type { RecapItem, SavedRecap } from './recap-model.ts';
import { NO_FILTERS, type ResultFilters } from './result-filters.ts';

/** One schema per field of T, each producing that field's type. */
type ShapeOf<T> = { [K in keyof T]-?: z.ZodMiniType<T[K]> };

const oneOf = <T extends Readonly<Record<string, unknown>>>(table: T) => z.enum(valuesOf(table));
const maybe = <T extends Readonly<Record<string, unknown>>>(table: T) => z.nullable(oneOf(table));
const number = z.number();

/** An object whose missing fields take their value in `empty` (the state of a new orientation). */
function withDefaults<T extends object>(shape: ShapeOf<T>, empty: T): z.ZodMiniType<T> {
  const fields = Object.entries(shape).map(([key, schema]) => [
    key,
    z._default(schema as z.ZodMiniType, () => structuredClone(empty[key as keyof T]) as never),
  ]);
  return z.object(Object.fromEntries(fields)) as unknown as z.ZodMiniType<T>;
}

const amounts = withDefaults(
  Object.fromEntries(AMOUNT_KEYS.map((key) => [key, z.string()])) as unknown as ShapeOf<Amounts>,
  EMPTY_AMOUNTS,
);

const draftShape = {
  communeText: z.string(),
  commune: z.nullable(z.string()),
  position: z.nullable(z.object({ latitude: number, longitude: number })),
  qpv: z.string(),
  adults: z.nullable(number),
  ages: z.array(z.nullable(number)),
  age: z.nullable(number),
  genre: maybe(GENRES),
  situation_familiale: maybe(SITUATIONS_FAMILIALES),
  situation_administrative: maybe(SITUATIONS_ADMINISTRATIVES),
  ressources: maybe(RESSOURCES),
  amounts,
  disabledChildren: z.string(),
  emploi: maybe(SITUATIONS_EMPLOI),
  handicap: z.nullable(z.boolean()),
  reconnaissances: z.array(oneOf(RECONNAISSANCES_HANDICAP)),
  criteres: z.array(z.string()),
  sans_domicile_fixe: z.nullable(z.boolean()),
  mobilite: maybe(MOBILITES),
  distanceMaxKm: z.nullable(number),
  langues: z.array(oneOf(LANGUES)),
  regimes: z.array(oneOf(REGIMES)),
  peut_cuisiner: z.nullable(z.boolean()),
  alimentation_qualite: z.boolean(),
  jours: z.array(oneOf(JOURS)),
  creneaux: z.array(oneOf(CRENEAUX)),
  urgence: maybe(URGENCES),
  besoins: z.array(oneOf(BESOINS)),
} satisfies ShapeOf<Draft>;

const filtersShape = {
  besoin: maybe(BESOINS),
  ouvert: z.nullable(z.enum(['maintenant', 'semaine'])),
  prix: z.nullable(z.enum(['gratuit', 'solidaire'])),
  sansOrientation: z.boolean(),
  maxKm: z.nullable(number),
} satisfies ShapeOf<ResultFilters>;

const orientationShape = {
  draft: withDefaults(draftShape, EMPTY_DRAFT),
  step: z.enum(['profil', 'besoins', 'resultats']),
  filters: withDefaults(filtersShape, NO_FILTERS),
  moreOpen: z.boolean(),
  budgetOpen: z.boolean(),
  handoutLanguage: maybe(LANGUES),
  fin: z.nullable(z.object({ id: z.string(), referral: z.boolean() })),
} satisfies ShapeOf<SavedOrientation>;

const NEW_ORIENTATION: SavedOrientation = {
  draft: EMPTY_DRAFT,
  step: 'profil',
  filters: NO_FILTERS,
  moreOpen: false,
  budgetOpen: false,
  handoutLanguage: null,
  fin: null,
};

const recapItemShape = {
  serviceId: z.string(),
  structureId: z.string(),
  distanceKm: z.nullable(number),
  distanceApproximate: z.boolean(),
  stopId: z.optional(z.string()),
} satisfies ShapeOf<RecapItem>;

const recapShape = {
  items: z.array(z.object(recapItemShape)),
  firstName: z.string(),
} satisfies ShapeOf<SavedRecap>;

export interface SavedWork {
  orientation: SavedOrientation;
  recap: SavedRecap;
}

export const savedWorkSchema = z.object({
  orientation: withDefaults(orientationShape, NEW_ORIENTATION),
  recap: withDefaults<SavedRecap>(recapShape, { items: [], firstName: '' }),
} satisfies ShapeOf<SavedWork>);
