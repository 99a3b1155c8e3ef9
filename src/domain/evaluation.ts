// The pilot's evaluation (GET /api/v1/stats/evaluation, coordinators): per team (a Maison de la Métropole, or a
// partner orienting its own public) and month, figures whose definitions the evaluation screen writes out
// (src/ui/strings-evaluation.ts). Counts drawn from orientations and referrals are protected like the coverage's
// cells (« < 5 »); the directory's figures (listings, campaigns) describe partners, not people, and are given
// for the whole Métropole only, since a listing belongs to no team.
import * as z from 'zod/mini';

/** How long the server keeps orientation events (by their ISO week): the pilot's year and a year to compare. */
export const ORIENTATION_EVENT_RETENTION_MONTHS = 24;

export const SUPPRESSED = '< 5';
const protectedCount = z.union([z.number().check(z.int(), z.minimum(5)), z.literal(SUPPRESSED)]);
const month = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Mois attendu (AAAA-MM)'));

export const evaluationRowSchema = z.object({
  /** null: the whole Métropole (every team, and orientations by workers without a team). */
  equipe_id: z.nullable(z.string()),
  equipe: z.string(),
  mois: month,
  orientations: protectedCount,
  orientations_sans_reponse: protectedCount,
  fiches_envoyees: protectedCount,
  fiches_acceptees: protectedCount,
  fiches_refusees: protectedCount,
  motifs_refus: z.record(z.string(), protectedCount),
  /** Median days from sending to the partner's first answer, one decimal; null under 5 answers. */
  delai_reponse_median_jours: z.nullable(z.number()),
  /** Métropole only: published partners verified in the six months up to the month's end, and how many there are. */
  fiches_verifiees_6_mois: z.nullable(z.number()),
  fiches_publiees: z.nullable(z.number()),
  /** Métropole only: share (%) of the partners asked by campaigns running that month who answered every section. */
  campagnes_completion: z.nullable(z.number()),
  signalements_ouverts: z.number(),
  signalements_clos: z.number(),
});
export type EvaluationRow = z.infer<typeof evaluationRowSchema>;

export const evaluationSchema = z.object({
  protocol: z.number(),
  mois: z.array(month),
  lignes: z.array(evaluationRowSchema),
});
export type Evaluation = z.infer<typeof evaluationSchema>;

const cellCount = z.union([z.number(), z.literal(SUPPRESSED)]);
export const orientationCellSchema = z.object({
  commune: z.nullable(z.string()),
  qpv: z.optional(z.nullable(z.string())),
  need: z.string(),
  month,
  orientations: cellCount,
  sans_reponse: cellCount,
});
export type OrientationCellView = z.infer<typeof orientationCellSchema>;
export const orientationStatsSchema = z.object({ cells: z.array(orientationCellSchema) });
export type OrientationStats = z.infer<typeof orientationStatsSchema>;
