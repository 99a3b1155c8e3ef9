// Boussole records to data·inclusion v1 and back (the fields themselves are in data-inclusion-lenses.ts).
//
// Export: every data·inclusion field Boussole has, nulls where it has nothing, and Boussole's own fields under
// `extension_boussole` (ignored by other readers; lets a Boussole re-import the listing whole). Never exported:
// `verification` (it names the person who verified) and `version` (the server's counter).
//
// Import: an incoming record is merged into the existing listing (same id), or into a new one built from
// Boussole's defaults and, for a new one only, its `extension_boussole`. Fields data·inclusion lacks keep the
// listing's values. Ids follow data·inclusion's `source--id`; an id without `--` is prefixed with its source.

import { effectiveHours, inheritsHours } from '../domain/effective-hours.ts';
import type { Service } from '../domain/service.ts';
import { serviceSchema } from '../domain/service.ts';
import type { Structure } from '../domain/structure.ts';
import { structureSchema } from '../domain/structure.ts';
import { type Problem, parse } from '../domain/validation.ts';
import type { DiFileRecord } from './data-inclusion-files.ts';
import {
  type Lens,
  orNull,
  type Rec,
  SERVICE_LENSES,
  STRUCTURE_LENSES,
  UNKNOWN_PRICE,
} from './data-inclusion-lenses.ts';
import { DI_SERVICE_FIELDS, DI_STRUCTURE_FIELDS, type DiKind, EXTENSION_FIELD } from './data-inclusion-schema.ts';

/** Boussole fields without a data·inclusion equivalent, carried in `extension_boussole`. */
export const EXTENSION_KEYS: Record<DiKind, readonly string[]> = {
  structure: ['code_qpv', 'horaires_note', 'accessibilite', 'langues', 'visibilite', 'statut'],
  service: [
    'categorie',
    'tarif',
    'eligibilite',
    'fiche_liaison',
    'capacite',
    'infos_temporaires',
    'regimes',
    'offre_alimentaire',
    'langues',
    'lieu',
    'horaires_note',
    // A service that moves stays one service with its stops (README, « Import and export »).
    'arrets',
    'visibilite',
    'frequence_maj_mois',
  ],
};

const LENSES: Record<DiKind, readonly Lens[]> = { structure: STRUCTURE_LENSES, service: SERVICE_LENSES };
const FIELDS: Record<DiKind, readonly string[]> = { structure: DI_STRUCTURE_FIELDS, service: DI_SERVICE_FIELDS };

function toDi(kind: DiKind, record: Rec, extra: Rec = {}): Rec {
  const values: Rec = { source: record.source, id: record.id };
  if (kind === 'service') values.structure_id = record.structure_id;
  for (const lens of LENSES[kind]) Object.assign(values, lens.toDi(record));
  Object.assign(values, extra);
  const out: Rec = {};
  for (const field of FIELDS[kind]) out[field] = orNull(values[field]);
  const extension = Object.fromEntries(EXTENSION_KEYS[kind].flatMap((k) => (k in record ? [[k, record[k]]] : [])));
  out[EXTENSION_FIELD] = extension;
  return out;
}

export const structureToDi = (structure: Structure): Rec => toDi('structure', structure);

/**
 * A service as data·inclusion has it: `horaires_accueil` is the hours that apply to it (its own, else its
 * structure's), since other readers know no inheritance; `extension_boussole.horaires_herites` tells a Boussole
 * re-import that they are the structure's.
 */
export function serviceToDi(service: Service, structure: Pick<Structure, 'horaires_accueil'> | undefined): Rec {
  const out = toDi('service', service, { horaires_accueil: effectiveHours(service, structure) });
  if (inheritsHours(service)) (out[EXTENSION_FIELD] as Rec)[INHERITED_HOURS] = true;
  return out;
}

/** The `extension_boussole` flag of a service that shares its structure's reception hours. */
export const INHERITED_HOURS = 'horaires_herites';

/** The hours of each structure of an import, by Boussole id (null: none), for `MergeOptions.structureHours`. */
export function importedStructureHours(records: readonly DiFileRecord[]): Map<string, string | null> {
  const hours = new Map<string, string | null>();
  for (const r of records) {
    if (!r.ok || r.kind !== 'structure') continue;
    const value = r.record.horaires_accueil;
    hours.set(boussoleId(String(r.record.source), String(r.record.id)), typeof value === 'string' ? value : null);
  }
  return hours;
}

/** `source--id` as Boussole and data·inclusion build ids. */
export function boussoleId(source: string, id: string): string {
  return id.includes('--') ? id : `${source}--${id}`;
}

export interface MergeOptions {
  /** The `opening_hours` grammar check; an incoming string it refuses becomes "horaires à vérifier". */
  isValidHours(osm: string): boolean;
  /** `statut` of a new structure (an import of unverified data may ask for `proposee`). */
  statutNouvelle?: 'publiee' | 'proposee';
  /**
   * For a service: the `horaires_accueil` of its structure in the same import (null: the structure has none),
   * undefined when the structure is not in the import. Equal hours mean the service shares them.
   */
  structureHours?: string | null | undefined;
}

export type MergeResult =
  | { ok: true; kind: 'structure'; record: Structure; hoursToCheck: boolean }
  | { ok: true; kind: 'service'; record: Service; hoursToCheck: boolean }
  | { ok: false; problems: Problem[] };

function newRecord(kind: DiKind, incoming: Rec, options: MergeOptions): Rec {
  const common = { visibilite: 'public', verification: null, version: 1 };
  if (kind === 'structure') {
    return {
      ...common,
      latitude: null,
      longitude: null,
      langues: [],
      reseaux_porteurs: [],
      statut: options.statutNouvelle ?? 'publiee',
    };
  }
  const food =
    Array.isArray(incoming.thematiques) && incoming.thematiques.includes('equipement-et-alimentation--alimentation');
  return {
    ...common,
    type: food ? 'aide-materielle' : 'information',
    thematiques: [],
    tarif: { type: 'payant', precisions: UNKNOWN_PRICE },
    modes_accueil: ['en-presentiel'],
    eligibilite: {
      publics: ['tous-publics'],
      accueil: 'inconditionnel',
      sur_orientation: false,
      sur_rendez_vous: false,
      sur_inscription: false,
      justificatifs: [],
    },
    fiche_liaison: { requise: false, canaux: ['sur-place'], champs: [] },
    infos_temporaires: [],
    regimes: [],
    frequence_maj_mois: 6,
  };
}

/** Same content for every field of the lens, key order aside (absent = null, as JSON has it). */
function sameValues(a: Rec, b: Rec, fields: readonly string[]): boolean {
  return fields.every((f) => JSON.stringify(canonical(orNull(a[f]))) === JSON.stringify(canonical(orNull(b[f]))));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Rec).filter(([, v]) => v !== undefined);
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, canonical(v)]));
}

const HOURS_NOTE_MAX = 500;

/** A text kept for a person to check, within the note's length. */
export function hoursToCheckNote(original: string): string {
  const note = `Horaires à vérifier : ${original.replace(/\s+/g, ' ').trim()}`;
  return note.length <= HOURS_NOTE_MAX ? note : `${note.slice(0, HOURS_NOTE_MAX - 1)}…`;
}

/**
 * Inheritance kept where the files allow it: the service's hours equal its structure's in the same import (any
 * source), or, its structure not being in the import, a Boussole export said so of a service that already shares
 * them here. Otherwise the hours become the service's own: never a guess that could change what people are told.
 */
function sharesStructureHours(
  incoming: Rec,
  extension: Rec | undefined,
  existing: Service | undefined,
  options: MergeOptions,
): boolean {
  const hours = orNull(incoming.horaires_accueil);
  if (options.structureHours !== undefined) return hours !== null && hours === options.structureHours;
  return extension?.[INHERITED_HOURS] === true && existing !== undefined && inheritsHours(existing);
}

/**
 * Merges one parsed data·inclusion record into `existing` (or a new listing) and validates the result with the
 * domain schema. `extension` is used for a new listing only: an existing one keeps its own Boussole fields.
 */
export function mergeDiRecord(
  kind: DiKind,
  incoming: Rec,
  extension: Rec | undefined,
  existing: Structure | Service | undefined,
  options: MergeOptions,
): MergeResult {
  const source = String(incoming.source);
  let record: Rec = existing
    ? { ...existing }
    : {
        ...newRecord(kind, incoming, options),
        ...Object.fromEntries(
          EXTENSION_KEYS[kind].flatMap((k) => (extension && k in extension ? [[k, extension[k]]] : [])),
        ),
      };
  record.id = boussoleId(source, String(incoming.id));
  record.source = source;
  if (kind === 'service') record.structure_id = boussoleId(source, String(incoming.structure_id));
  for (const lens of LENSES[kind]) {
    if (sameValues(lens.toDi(record), incoming, lens.di)) continue;
    record = { ...record, ...lens.fromDi(incoming, record) };
  }
  for (const [k, v] of Object.entries(record)) if (v === undefined) delete record[k];

  if (kind === 'service' && sharesStructureHours(incoming, extension, existing as Service | undefined, options)) {
    delete record.horaires_accueil;
  }
  let hoursToCheck = false;
  const hours = record.horaires_accueil;
  if (
    typeof hours === 'string' &&
    hours !== (existing as Rec | undefined)?.horaires_accueil &&
    !options.isValidHours(hours)
  ) {
    delete record.horaires_accueil;
    record.horaires_note = hoursToCheckNote(hours);
    hoursToCheck = true;
  }
  if (kind === 'structure') {
    const parsed = parse(structureSchema, record);
    return parsed.ok ? { ok: true, kind, record: parsed.value, hoursToCheck } : parsed;
  }
  const parsed = parse(serviceSchema, record);
  if (!parsed.ok) return parsed;
  // A stop's hours are all that says when to be there: unreadable ones are refused, never kept « à vérifier ».
  const stops = parsed.value.arrets ?? [];
  const own = (existing as Service | undefined)?.arrets ?? [];
  const problems = stops.flatMap((a, i) =>
    own.some((o) => o.horaires === a.horaires) || options.isValidHours(a.horaires)
      ? []
      : [{ path: `arrets[${i}].horaires`, message: `Horaires de l’arrêt illisibles (${a.horaires})` }],
  );
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, kind, record: parsed.value, hoursToCheck };
}
