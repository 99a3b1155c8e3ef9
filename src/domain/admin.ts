// Administration over HTTP (/api/v1/admin/…, coordinators only, within their territory) and a partner's claim of
// its listing (/api/v1/claims). Parsed by the server on every request and by the « Administration » screen on every
// answer. Personal data stays minimal: account names, and a claimant's contact until a coordinator decides.
import * as z from 'zod/mini';
import { codeInsee, isoDateTime, recordId, text } from './primitives.ts';
import { answerProtocolSchema } from './protocol-version.ts';
import { clientIdSchema } from './sync-protocol.ts';
import { ROLES, valuesOf } from './vocabulary.ts';

/** `invite`: invited, never signed in; `actif`: signed in at least once; `desactive`: every device signed out. */
export const ETATS_COMPTE = ['invite', 'actif', 'desactive'] as const;

export const deviceSummarySchema = z.object({
  client_id: clientIdSchema,
  /** The name the device gave itself at sign-in (« Tablette de l’accueil »). */
  label: z.string(),
  cree_le: isoDateTime,
  vu_le: isoDateTime,
  revoque_le: z.nullable(isoDateTime),
});

export const accountSummarySchema = z.object({
  id: z.string(),
  nom: z.string(),
  role: z.enum(valuesOf(ROLES)),
  structure_id: z.optional(recordId),
  equipe_id: z.optional(recordId),
  communes: z.optional(z.array(codeInsee)),
  etat: z.enum(ETATS_COMPTE),
  cree_le: isoDateTime,
  /** Last time one of its devices spoke to the server (to ten minutes), null before the first sign-in. */
  derniere_synchro: z.nullable(isoDateTime),
  appareils: z.array(deviceSummarySchema),
});

export type AccountSummary = z.infer<typeof accountSummarySchema>;

export const accountsResponseSchema = z.object({
  protocol: answerProtocolSchema,
  comptes: z.array(accountSummarySchema),
});

/** Days an invitation code stays valid when the request names none. */
export const DEFAULT_INVITATION_DAYS = 14;

export const invitationRequestSchema = z.object({
  protocol: z.number().check(z.int()),
  role: z.enum(valuesOf(ROLES)),
  nom: text(120),
  /** A partner's structure (required), a worker's team (required for a coordinator of a territory). */
  structure_id: z.optional(recordId),
  /** A coordinator's territory; absent: the whole Métropole. */
  communes: z.optional(z.array(codeInsee).check(z.minLength(1), z.maxLength(100))),
  /** Where to send the code when mail is configured; never stored. */
  email: z.optional(z.email('Adresse e-mail invalide')),
  jours: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(60))),
});
export type InvitationRequest = z.infer<typeof invitationRequestSchema>;

/** The code is shown once, in this answer; the server keeps only its hash. */
export const invitationAnswerSchema = z.object({
  protocol: answerProtocolSchema,
  code: z.string(),
  expire_le: isoDateTime,
  compte: accountSummarySchema,
  /** Whether the code also left by e-mail (mail configured and an address given). */
  courriel_envoye: z.boolean(),
});
export type InvitationAnswer = z.infer<typeof invitationAnswerSchema>;

export const ACTIONS_JOURNAL = [
  'invitation',
  'nouvelle_invitation',
  'desactivation',
  'reactivation',
  'revocation_appareil',
  'demande_acceptee',
  'demande_refusee',
] as const;
export type ActionJournal = (typeof ACTIONS_JOURNAL)[number];

/** One line of the audit trail: who did what to which account, and nothing else about anyone. */
export const auditEntrySchema = z.object({
  seq: z.number(),
  le: isoDateTime,
  acteur: z.string(),
  action: z.enum(ACTIONS_JOURNAL),
  /** The account acted upon (its name), or the structure of a claim (its name). */
  cible: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditResponseSchema = z.object({ protocol: answerProtocolSchema, journal: z.array(auditEntrySchema) });

export const ETATS_DEMANDE = ['ouverte', 'acceptee', 'refusee'] as const;

/** « Je gère ce lieu »: someone at a partner asks for an account for its listing. */
/** A phone number (at least ten digits) or an e-mail address: what a coordinator can call or write to. */
const claimContact = text(160).check(
  z.refine(
    (s) =>
      /^\+?[0-9 .()-]{10,20}$/.test(s) ? (s.match(/[0-9]/g)?.length ?? 0) >= 10 : /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s),
    'Un numéro de téléphone (10 chiffres) ou une adresse e-mail attendu',
  ),
);

/** Strict: open to anyone, so an unknown field is refused rather than ignored. */
export const claimRequestSchema = z.strictObject({
  protocol: z.number().check(z.int()),
  structure_id: recordId,
  nom: text(120).check(z.minLength(2, 'Au moins 2 caractères')),
  /** A phone number or an address to reach the claimant; erased once a coordinator decides. */
  contact: claimContact,
});

export const claimSchema = z.object({
  id: z.string(),
  structure_id: recordId,
  structure_nom: z.string(),
  nom: z.string(),
  /** Null once decided. */
  contact: z.nullable(z.string()),
  etat: z.enum(ETATS_DEMANDE),
  cree_le: isoDateTime,
});
export type Claim = z.infer<typeof claimSchema>;

export const claimsResponseSchema = z.object({ protocol: answerProtocolSchema, demandes: z.array(claimSchema) });
export const claimAnswerSchema = z.object({ protocol: answerProtocolSchema, demande: claimSchema });
