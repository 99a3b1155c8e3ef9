// The Métropole's quartiers prioritaires (QPV), reference data read from one file in a documented format
// (reference/qpv/README.md): each QPV's code, name, communes, and when the file has them a centre and outlines.
// The shipped file is the demonstration list (real names, `QNDEMO…` codes); replacing the file with the official
// list (ANCT) in the same format changes no code. Parsed when the module loads: a broken file fails the tests.
import * as z from 'zod/mini';
import file from '../../reference/qpv/qpv-metropole-lyon.json';
import { codeInsee, codeQpv, latitude, longitude, text } from './primitives.ts';
import { type Parsed, parse } from './validation.ts';

/** [longitude, latitude], WGS84 (checked as a pair of numbers: a tuple schema would weigh on the first load's zod). */
const point = z.array(z.number()).check(
  z.minLength(2),
  z.maxLength(2),
  z.refine(
    ([lon = Number.NaN, lat = Number.NaN]) => Math.abs(lon) <= 180 && Math.abs(lat) <= 90,
    'Position hors limites',
  ),
);
/** A ring of [longitude, latitude] points, as GeoJSON writes a polygon's rings. */
const ring = z.array(point).check(z.minLength(4));

export const qpvSchema = z.object({
  code: codeQpv,
  nom: text(200),
  /** Communes or Lyon arrondissements the QPV lies in (INSEE codes), the main one first. */
  communes: z.array(codeInsee).check(z.minLength(1)),
  centre: z.optional(z.object({ latitude, longitude })),
  /** Outlines (one or more rings), drawn on the coverage map when given. */
  contour: z.optional(z.array(ring).check(z.minLength(1))),
});
export type Qpv = z.infer<typeof qpvSchema>;

export const qpvFileSchema = z.object({
  format: z.literal('boussole-qpv/1'),
  source: text(2000),
  licence: text(500),
  /** True for the demonstration list: its codes are not the ANCT's. */
  demonstration: z.optional(z.boolean()),
  qpv: z.array(qpvSchema),
});
export type QpvFile = z.infer<typeof qpvFileSchema>;

export function parseQpvFile(value: unknown): Parsed<QpvFile> {
  return parse(qpvFileSchema, value);
}

const parsed = parseQpvFile(file);
if (!parsed.ok) throw new Error(`reference/qpv : fichier QPV invalide (${parsed.problems[0]?.path})`);

export const QPV_FILE: QpvFile = parsed.value;
export const QPV_LIST: readonly Qpv[] = QPV_FILE.qpv;

const byCode = new Map(QPV_LIST.map((q) => [q.code, q]));
export function qpvByCode(code: string): Qpv | undefined {
  return byCode.get(code);
}

/** The QPV lying (partly) in a commune or arrondissement, by name. */
export function qpvOfCommune(code: string): Qpv[] {
  return QPV_LIST.filter((q) => q.communes.includes(code)).sort((a, b) => a.nom.localeCompare(b.nom, 'fr'));
}

/** A QPV's name, or its code when the list does not know it (an older code kept by a listing). */
export function qpvName(code: string): string {
  return byCode.get(code)?.nom ?? code;
}
