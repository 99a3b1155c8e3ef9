// Whether a partner can receive referrals in Boussole (`structure.recoit_orientations`, synced with the listing):
// only when an enabled partner account of that structure has signed in at least once. Otherwise a referral would
// wait for nobody until it expires, so the device offers the printed fiche de liaison or the phone instead.
import type { Structure } from '../../src/domain/structure.ts';

export interface PartnerAccountState {
  role: string;
  structure_id: string | null | undefined;
  disabled: boolean;
  signedIn: boolean;
}

export function receivesReferrals(structureId: string, accounts: Iterable<PartnerAccountState>): boolean {
  for (const a of accounts) {
    if (a.role === 'partenaire' && a.structure_id === structureId && !a.disabled && a.signedIn) return true;
  }
  return false;
}

/** The structure with its flag set to `receives`, or undefined when it already says so (nothing to write). */
export function withReach(structure: Structure, receives: boolean): Structure | undefined {
  if ((structure.recoit_orientations ?? false) === receives) return undefined;
  return { ...structure, recoit_orientations: receives };
}
