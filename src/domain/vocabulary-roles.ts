// The roles of accounts and their French labels: the part of the vocabulary (vocabulary.ts) the first screen reads,
// with the account, apart so that it does not carry the rest.

/** Who a Boussole account is; decides what it may change (see server/auth/permissions.ts). */
export const ROLES = {
  coordinateur: 'Coordination (Métropole, MDM tête de file)',
  travailleur: 'Travailleur·se social·e',
  partenaire: 'Partenaire (structure)',
} as const;

/** The role beside an account's name, unless the name already says it (« Travailleur·se social·e de … »). */
export function roleBesideName(nom: string, role: keyof typeof ROLES): string | null {
  const word = ROLES[role].split(' (')[0]?.toLowerCase() ?? '';
  return nom.toLowerCase().includes(word) ? null : ROLES[role];
}

export type Role = keyof typeof ROLES;
/** The roles' values, for `z.enum`. */
export const ROLE_VALUES = Object.keys(ROLES) as [Role, ...Role[]];
