// What professionals add to listings besides their content ("criteria set by the MDM"): notes on a
// service, their own criteria as free tags, and the communes whose Maison de la Métropole recommends a partner.
// They are read by professionals only (never by partners, anonymous readers or exports: server/sync/visibility.ts),
// and they are collections several people add to at once, offline: a field-level merge that treated them as
// one value would make every two concurrent additions a conflict. `mergeCollection` merges them element-wise,
// the same on the server (decide-update) and on the device (replay under pending edits).
import * as z from 'zod/mini';
import { codeInsee, isoDateTime, setOf, text } from './primitives.ts';

/** An author as records carry it: the account (for permissions) and the name shown. */
export const auteurSchema = z.object({
  account_id: z.string().check(z.minLength(1), z.maxLength(64)),
  nom: text(120),
});
export type Auteur = z.infer<typeof auteurSchema>;

/** A professional note; `auteur` and `le` are stamped by the server when the note arrives. */
export const noteProSchema = z.object({
  id: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,60}$/, 'Identifiant de note attendu')),
  texte: text(1000),
  auteur: auteurSchema,
  le: isoDateTime,
});
export type NotePro = z.infer<typeof noteProSchema>;

export const notesProSchema = z.array(noteProSchema).check(
  z.maxLength(200),
  z.refine((notes) => new Set(notes.map((n) => n.id)).size === notes.length, 'Deux notes ont le même identifiant'),
);

/** A worker's own criterion ("bon accueil des familles monoparentales"): trimmed, lower-case, short. */
export const critere = z.string().check(
  z.minLength(2, 'Au moins 2 caractères'),
  z.maxLength(60, 'Au plus 60 caractères'),
  z.refine((s) => s === normaliseCritere(s), 'Critère en minuscules, sans espaces en trop'),
);
export const criteresSchema = setOf(critere).check(z.maxLength(30, 'Au plus 30 critères'));

/** Communes (INSEE codes, Lyon's arrondissements included) whose MDM recommends the partner. */
export const recommandeePourSchema = setOf(codeInsee);

/** A coordinator's refusal of a proposed partner; `par` and `le` are stamped by the server. */
export const refusSchema = z.object({ motif: text(500), par: text(120), le: isoDateTime });

/** Same criterion written twice differently ("Halal ", "halal") is one criterion. */
export function normaliseCritere(s: string): string {
  return s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('fr');
}

/** Fields read by professionals only, per record kind. */
export const PROFESSIONAL_FIELDS = {
  structure: ['recommandee_pour'],
  service: ['notes_pro', 'criteres'],
} as const satisfies Record<'structure' | 'service', readonly string[]>;

/** Fields merged element-wise: sets by value, notes by id. */
export const MERGED_FIELDS: Readonly<Record<string, 'set' | 'keyed'>> = {
  criteres: 'set',
  recommandee_pour: 'set',
  notes_pro: 'keyed',
};

const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const key = (v: unknown) => JSON.stringify(v);
const idOf = (v: unknown) => (v && typeof v === 'object' ? String((v as { id?: unknown }).id) : key(v));

/**
 * The value of a merged field once `mine` (a change made from `base`) is applied to `theirs` (what is held now):
 * what I added is added, what I removed is removed, what others added or removed meanwhile stays so. A note I
 * changed replaces the held one of the same id (unless someone removed it meanwhile). Absent (null) stays absent
 * when the result is empty and nothing was held.
 */
export function mergeCollection(field: string, base: unknown, mine: unknown, theirs: unknown): unknown {
  const rule = MERGED_FIELDS[field];
  const b = asArray(base);
  const m = asArray(mine);
  const id = rule === 'keyed' ? idOf : key;
  const baseById = new Map(b.map((v) => [id(v), v]));
  const mineIds = new Set(m.map(id));
  const removed = new Set([...baseById.keys()].filter((k) => !mineIds.has(k)));
  const changed = new Map(
    m.filter((v) => baseById.has(id(v)) && key(baseById.get(id(v))) !== key(v)).map((v) => [id(v), v]),
  );
  const result = asArray(theirs)
    .filter((v) => !removed.has(id(v)))
    .map((v) => changed.get(id(v)) ?? v);
  const held = new Set(result.map(id));
  for (const v of m) {
    if (!baseById.has(id(v)) && !held.has(id(v))) {
      result.push(v);
      held.add(id(v));
    }
  }
  return result.length === 0 && theirs == null ? null : result;
}
