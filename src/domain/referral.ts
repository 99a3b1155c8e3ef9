// A referral (orientation with its fiche de liaison), as the device writes it and as the server keeps and shows it
// (docs/sync-protocol.md, "Referrals"). Personal data lives only in `reponses`, `message`, the consent's
// representative name and the partner's notes: those are what the retention purge erases (referral-rules.ts).
// Referrals never travel in the directory feed; they have endpoints of their own, visible to the sending team
// and the receiving partner only.
import * as z from 'zod/mini';
import { isoDateTime, recordId, text } from './primitives.ts';
import { answerProtocolSchema } from './protocol-version.ts';
import { answerProblems } from './referral-form.ts';
import { champLiaisonSchema } from './service.ts';
import { CONSENTEMENT_PAR, MOTIFS_REFUS_ORIENTATION, ROLES, STATUTS_ORIENTATION, valuesOf } from './vocabulary.ts';

/** Made on the device (random), so that a referral written offline has its identity before any server sees it. */
export const referralIdSchema = z
  .string()
  .check(z.regex(/^[A-Za-z0-9_-]{16,64}$/, 'Identifiant d’orientation invalide'));

const fieldId = z.string().check(z.regex(/^[a-z0-9_]{1,40}$/, 'Identifiant de champ attendu (a-z, 0-9, _)'));
const answerValue = z.union([z.string().check(z.maxLength(2000)), z.number(), z.boolean()]);
export const answersSchema = z.record(fieldId, answerValue);

export const consentSchema = z
  .object({
    par: z.enum(valuesOf(CONSENTEMENT_PAR)),
    representant_nom: z.optional(text(120)),
    /** When the worker recorded it (device clock: a fact the worker states, never used for ordering). */
    recueilli_le: isoDateTime,
    /** The partner the person agreed to share their information with. */
    structure_id: recordId,
  })
  .check(
    z.refine((c) => (c.par === 'representant') === (c.representant_nom !== undefined), {
      message: 'Le nom du représentant légal est à donner quand il consent pour la personne (et seulement alors)',
      path: ['representant_nom'],
    }),
  );
export type Consent = z.infer<typeof consentSchema>;

/** What a device sends: POST /api/v1/referrals. */
export const referralDraftSchema = z
  .object({
    id: referralIdSchema,
    service_id: recordId,
    structure_id: recordId,
    /** The form as the worker saw it; `reponses` may only answer these fields. */
    formulaire: z.array(champLiaisonSchema).check(z.minLength(1), z.maxLength(40)),
    reponses: answersSchema,
    message: z.optional(text(2000)),
    consentement: consentSchema,
  })
  .check(
    z.refine((d) => d.consentement.structure_id === d.structure_id, {
      message: 'Le consentement doit avoir été donné pour ce partenaire',
      path: ['consentement', 'structure_id'],
    }),
    z.superRefine((d, ctx) => {
      for (const p of answerProblems(d.formulaire, d.reponses)) {
        ctx.addIssue({ code: 'custom', message: p.message, path: p.path.split('.') });
      }
    }),
  );
export type ReferralDraft = z.infer<typeof referralDraftSchema>;

export const referralStatusSchema = z.enum(valuesOf(STATUTS_ORIENTATION));
export type ReferralStatus = z.infer<typeof referralStatusSchema>;
/** The statuses a person may set; `envoyee` and `expiree` are the server's. */
export const settableStatusSchema = z.enum(['recue', 'acceptee', 'refusee', 'annulee']);
export const refusalReasonSchema = z.enum(valuesOf(MOTIFS_REFUS_ORIENTATION));

/**
 * The appointment a partner gives with its acceptance, for the person: the day (required), the time, where (when
 * not at the partner's address) and whom to ask for. The partner's words, not the person's: the worker reads them
 * on the referral and prints them for the person. Erased with the personal fields all the same (referral-rules.ts).
 */
export const appointmentSchema = z.object({
  date: z.iso.date({ error: 'Date attendue (jour, mois et année)' }),
  heure: z.optional(
    z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Heure attendue (HH:MM, par exemple 14:30)')),
  ),
  lieu: z.optional(text(200)),
  interlocuteur: z.optional(text(120)),
});
export type Appointment = z.infer<typeof appointmentSchema>;

/** POST /api/v1/referrals/:id/status. `id` (made on the device) makes a resent change harmless. */
export const statusChangeSchema = z
  .object({
    id: referralIdSchema,
    statut: settableStatusSchema,
    motif: z.optional(refusalReasonSchema),
    note: z.optional(text(1000)),
    /** Only with an acceptance (optional member: servers and apps from before drop it). */
    rendez_vous: z.optional(appointmentSchema),
  })
  .check(
    z.refine((c) => (c.statut === 'refusee') === (c.motif !== undefined), {
      message: 'Un motif est à donner pour un refus (et seulement pour lui)',
      path: ['motif'],
    }),
    z.refine((c) => c.rendez_vous === undefined || c.statut === 'acceptee', {
      message: 'Un rendez-vous accompagne une acceptation seulement',
      path: ['rendez_vous'],
    }),
  );
export type StatusChange = z.infer<typeof statusChangeSchema>;

const person = z.object({ nom: z.string(), role: z.enum(valuesOf(ROLES)) });

export const historyStepSchema = z.object({
  statut: referralStatusSchema,
  /** Server clock. */
  at: isoDateTime,
  /** Absent for what the server did itself (expiry). */
  par: z.optional(person),
  motif: z.optional(refusalReasonSchema),
  note: z.optional(z.string()),
});
export type HistoryStep = z.infer<typeof historyStepSchema>;

/** A referral as the server keeps it and shows it to the sending team and the receiving partner. */
export const referralSchema = z.object({
  id: referralIdSchema,
  service_id: recordId,
  structure_id: recordId,
  formulaire: z.array(champLiaisonSchema),
  /** Empty once erased. */
  reponses: answersSchema,
  message: z.optional(z.string()),
  consentement: z.object({
    par: z.enum(valuesOf(CONSENTEMENT_PAR)),
    representant_nom: z.optional(z.string()),
    recueilli_le: isoDateTime,
    structure_id: recordId,
  }),
  envoyeur: z.object({ account_id: z.string(), nom: z.string(), role: z.enum(valuesOf(ROLES)) }),
  /** Server clock, when the server accepted it. */
  envoyee_le: isoDateTime,
  statut: referralStatusSchema,
  motif: z.optional(refusalReasonSchema),
  /** The appointment given with the acceptance, if any; erased with the personal fields. */
  rendez_vous: z.optional(appointmentSchema),
  historique: z.array(historyStepSchema),
  /** When it reached a final status (accepted, refused, cancelled, expired): retention counts from here. */
  cloturee_le: z.optional(isoDateTime),
  /** When its personal fields were erased. */
  effacee_le: z.optional(isoDateTime),
  /** Position in the reader's referral feed (a new one at every change). */
  seq: z.number().check(z.int(), z.positive()),
});
export type Referral = z.infer<typeof referralSchema>;

export const referralPolicySchema = z.object({
  rappel_jours: z.number().check(z.int(), z.positive()),
  expiration_jours: z.number().check(z.int(), z.positive()),
  conservation_jours: z.number().check(z.int(), z.positive()),
  /**
   * Whether this server sends e-mail notifications (no personal data: « Une nouvelle orientation vous attend »).
   * Absent from servers older than mail, which send none.
   */
  notifications_courriel: z.optional(z.boolean()),
});
export type ReferralPolicy = z.infer<typeof referralPolicySchema>;

export const DEFAULT_REFERRAL_POLICY: ReferralPolicy = {
  rappel_jours: 10,
  expiration_jours: 30,
  conservation_jours: 90,
};

/** Answer of POST /referrals (first sending or an identical resend) and of POST /referrals/:id/status. */
export const referralAnswerSchema = z.object({ protocol: answerProtocolSchema, referral: referralSchema });
export type ReferralAnswer = z.infer<typeof referralAnswerSchema>;

/** GET /api/v1/referrals?cursor=&limit=: what changed for this account after `cursor`. */
export const referralPageSchema = z.object({
  protocol: answerProtocolSchema,
  referrals: z.array(referralSchema),
  cursor: z.number().check(z.int(), z.minimum(0)),
  hasMore: z.boolean(),
  epoch: z.string(),
  policy: referralPolicySchema,
});
export type ReferralPage = z.infer<typeof referralPageSchema>;

/** GET /api/v1/referrals/stats (coordinators): counts only, never a person. */
export const referralStatsSchema = z.object({
  protocol: answerProtocolSchema,
  total: z.number().check(z.int(), z.minimum(0)),
  par_statut: z.record(z.string(), z.number()),
  par_motif: z.record(z.string(), z.number()),
  effacees: z.number().check(z.int(), z.minimum(0)),
});
export type ReferralStats = z.infer<typeof referralStatsSchema>;
