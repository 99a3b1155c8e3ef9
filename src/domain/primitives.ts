// Building blocks shared by the entity schemas. French error messages come from zod's `fr` locale, configured
// once in validation.ts, which every parse goes through.
import * as z from 'zod/mini';

/** Calendar date, ISO `YYYY-MM-DD` (data·inclusion `date_maj`, closures). */
export const isoDate = z.iso.date();
/** Instant, ISO 8601 with offset. Set by the server; a client clock is never trusted for ordering. */
export const isoDateTime = z.iso.datetime({ offset: true });

export const codeInsee = z.string().check(z.regex(/^(2[AB]|\d{2})\d{3}$/, 'Code INSEE attendu (5 caractères)'));
export const codePostal = z.string().check(z.regex(/^\d{5}$/, 'Code postal attendu (5 chiffres)'));
/** QPV codes (ANCT 2024 list `QN…`); the demo uses `QNDEMO…` codes, see reference/README.md. */
export const codeQpv = z.string().check(z.regex(/^QN[0-9A-Z]{5,8}$/, 'Code QPV attendu (QN…)'));

export const latitude = z.number().check(z.gte(-90), z.lte(90));
export const longitude = z.number().check(z.gte(-180), z.lte(180));

export const telephone = z
  .string()
  .check(z.regex(/^\+?[0-9 .()-]{6,20}$/, 'Numéro de téléphone attendu (chiffres, espaces, +)'));
export const courriel = z.email('Adresse e-mail invalide');
export const url = z.url({ protocol: /^https?$/, error: 'Adresse web invalide (http:// ou https://)' });

/** Free text with a visible length limit, trimmed by the forms before it reaches here. */
export const text = (max: number) => z.string().check(z.minLength(1, 'Ne doit pas être vide'), z.maxLength(max));

/**
 * OSM `opening_hours` string. Only its shape is checked here: the full grammar needs the `opening_hours` library
 * (155 kB gzip), which the app loads lazily and the server and importers run on every write. Outside comments,
 * the grammar's characters; inside a "quoted comment", anything but a quote or a line break, since partners write
 * French there (« l’après-midi », « n°3 », « 1 € »), which the grammar allows.
 */
export const osmOpeningHours = z
  .string()
  .check(
    z.minLength(2, 'Horaires vides'),
    z.maxLength(500),
    z.regex(
      /^(?:[\p{L}\p{N} :;,.\-+/[\]()'|!]|"[^"\n]*")+$/u,
      'Horaires au format OpenStreetMap attendus (ex. « Mo-Fr 09:00-12:00 »)',
    ),
  );

/** Name rule of data·inclusion: 3 to 150 characters, not ending with a full stop. */
export const nom = z.string().check(
  z.minLength(3, 'Au moins 3 caractères'),
  z.maxLength(150, 'Au plus 150 caractères'),
  z.refine((s) => !s.endsWith('.') || s.endsWith('etc.'), 'Ne doit pas se terminer par un point'),
);

/** Record identifier: `source--local-id`, as data·inclusion builds them. */
/** A record's id, « source--id ». */
export const RECORD_ID_PATTERN = /^[a-z0-9-]+--[A-Za-z0-9_.-]+$/;
export const recordId = z.string().check(z.regex(RECORD_ID_PATTERN, 'Identifiant « source--id » attendu'));
export const sourceId = z.string().check(z.regex(/^[a-z0-9-]{2,40}$/, 'Identifiant de source attendu'));

/** Who verified a listing, and when (server time). */
export const verification = z.object({
  le: isoDateTime,
  par: text(120),
});

/** A set of values: no duplicates, as data·inclusion's `uniqueItems`. */
export function setOf<T extends z.ZodMiniType>(item: T) {
  return z.array(item).check(z.refine((xs) => new Set(xs).size === xs.length, 'Valeurs en double'));
}
