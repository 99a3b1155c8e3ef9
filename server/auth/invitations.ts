// The rules of an invitation code, shared by every store's `redeemInvitation` and by the session route's
// messages: a code is refused when unknown, expired, already used (single-use codes), a demo code outside demo
// mode, or when the account it signs in as has been disabled.
import type { Account } from '../../src/domain/sync-protocol.ts';

export type RedeemFailure = 'inconnue' | 'expiree' | 'utilisee' | 'compte-desactive' | 'demo-refusee';

export interface StoredInvitation {
  role: Account['role'];
  nom: string;
  structure_id: string | null;
  /** A worker's team (a structure id of the directory), or null. */
  equipe_id: string | null;
  account_id: string | null;
  expires_at: string | null;
  used_at: string | null;
  reusable: boolean;
}

/** Why `invitation` cannot be used at `now`, or undefined when it can. */
export function invitationFailure(
  invitation: StoredInvitation | undefined,
  now: Date,
  allowReusable: boolean,
): RedeemFailure | undefined {
  if (!invitation) return 'inconnue';
  if (invitation.reusable && !allowReusable) return 'demo-refusee';
  if (invitation.expires_at !== null && Date.parse(invitation.expires_at) <= now.getTime()) return 'expiree';
  if (!invitation.reusable && invitation.used_at !== null) return 'utilisee';
  return undefined;
}

/** The account an invitation creates when it names none. */
export function accountFromInvitation(id: string, invitation: StoredInvitation): Account {
  return {
    id,
    nom: invitation.nom,
    role: invitation.role,
    ...(invitation.structure_id === null ? {} : { structure_id: invitation.structure_id }),
    ...(invitation.equipe_id === null ? {} : { equipe_id: invitation.equipe_id }),
  };
}

/** French messages for the person signing in; they never echo the code. */
export const REDEEM_MESSAGES: Record<RedeemFailure, string> = {
  inconnue: 'Code d’invitation inconnu : vérifiez-le ou demandez-en un nouveau à la coordination.',
  expiree: 'Ce code d’invitation a expiré : demandez-en un nouveau à la coordination.',
  utilisee: 'Ce code d’invitation a déjà servi : demandez-en un nouveau à la coordination.',
  'compte-desactive': 'Ce compte a été désactivé : adressez-vous à la coordination.',
  'demo-refusee': 'Les codes de démonstration ne sont pas acceptés par ce serveur.',
};
