// Who an account is, and this device's client id: what the device keeps of its session and reads back at start-up
// (src/db/session-repo.ts). Apart from sync-protocol.ts so that the first screen does not carry the protocol's
// schemas; the protocol's answers embed these.
import * as z from 'zod/mini';
import { codeInsee, recordId, text } from './primitives.ts';
import { ROLE_VALUES } from './vocabulary-roles.ts';

export const accountSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  nom: text(120),
  role: z.enum(ROLE_VALUES),
  /** The structure a partner account speaks for; absent for coordinators and workers. */
  structure_id: z.optional(recordId),
  /**
   * A worker's team: the directory structure (an MDM, an association) whose workers share their sent referrals.
   * Kept apart from `structure_id`, which gives a partner rights over its listing: a team gives none.
   */
  equipe_id: z.optional(recordId),
  /**
   * A coordinator's territory (INSEE codes): it decides proposals, reports, campaigns and accounts of these
   * communes only, and counts their referrals. Absent: the whole Métropole.
   */
  communes: z.optional(z.array(codeInsee).check(z.minLength(1), z.maxLength(100))),
});

export const clientIdSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{16,64}$/, 'Identifiant d’appareil invalide'));
