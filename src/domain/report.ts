// « Signaler une erreur »: anyone using the directory flags a listing — wrong hours, closed, moved, wrong
// phone, or something else with a comment — from the sheet, offline too. It syncs as the record kind `signalement`
// (src/domain/record-kinds.ts) through the ordinary mutations: created by its author, closed (with an optional
// answer) by the partner concerned or a coordinator. Who reads one is the server's rule (server/sync/visibility.ts:
// the author, the partner concerned, coordinators). The only personal data is the author's account name.
import * as z from 'zod/mini';
import { auteurSchema } from './listing-annotations.ts';
import { isoDate, isoDateTime, recordId, sourceId, text } from './primitives.ts';

/**
 * Why a report is made, and its states. Keys only: the French labels are read by the lazy screens alone
 * (src/ui/text/strings-campaigns-reports.ts), so that they stay off the first load, which parses these schemas.
 */
export const REPORT_REASONS = ['horaires', 'ferme', 'demenage', 'telephone', 'autre'] as const;
export const REPORT_STATES = ['ouvert', 'clos'] as const;

/** Closing a report: the answer is optional; who and when are stamped by the server. */
export const clotureSchema = z.object({
  reponse: z.optional(text(1000)),
  par: text(120),
  le: isoDateTime,
});

export const reportSchema = z
  .object({
    id: recordId,
    source: sourceId,
    /** The partner concerned (its accounts see and close the report); never changes. */
    structure_id: recordId,
    /** When the report is about one service of that partner. */
    service_id: z.optional(recordId),
    motif: z.enum(REPORT_REASONS),
    commentaire: z.optional(text(1000)),
    /** Set by the server from the session. */
    auteur: auteurSchema,
    /** Server clock. */
    signale_le: isoDateTime,
    etat: z.enum(REPORT_STATES),
    cloture: z.optional(clotureSchema),
    date_maj: isoDate,
    version: z.number().check(z.int(), z.minimum(1)),
  })
  .check(
    z.refine((s) => s.motif !== 'autre' || s.commentaire !== undefined, {
      message: 'Précisez l’erreur en quelques mots',
      path: ['commentaire'],
    }),
    z.refine((s) => (s.etat === 'clos') === (s.cloture !== undefined), {
      message: 'Un signalement clos porte sa clôture, un signalement ouvert n’en a pas',
      path: ['cloture'],
    }),
  );

export type Report = z.infer<typeof reportSchema>;
export type ReportReason = Report['motif'];

/** Fields a report may change after its creation: closing it (the rest is what its author said). */
export const REPORT_EDITABLE: ReadonlySet<string> = new Set(['etat', 'cloture']);
