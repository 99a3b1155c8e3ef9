// Territories: a coordinator may be given a set of communes (`account.communes`, INSEE codes). It then decides the
// proposals, reports, campaigns and accounts of those communes only, and counts their referrals; outside, it acts
// as a worker would (it still reads and edits ordinary listings, and what it creates there is a proposal). A
// coordinator without communes keeps the whole Métropole. Pure: stores and routes pass the communes concerned, and
// the device uses the same rule to show a coordinator its territory's proposals, reports and campaigns.
import type { Account } from './sync-protocol.ts';

export function isMetropoleWide(account: Account): boolean {
  return account.role === 'coordinateur' && account.communes === undefined;
}

/**
 * Whether every commune concerned lies in the account's territory. No commune known (a record that belongs to no
 * place, an account without structure): only a Métropole-wide coordinator.
 */
export function withinTerritory(account: Account, communes: readonly (string | undefined)[]): boolean {
  if (account.communes === undefined) return true;
  if (communes.length === 0) return false;
  const own = new Set(account.communes);
  return communes.every((c) => c !== undefined && own.has(c));
}

/**
 * Whether a coordinator's screens show an item concerning `communes` (Propositions, Signalements, Campagnes): any
 * reader but a coordinator of a territory sees what its feed brought; that coordinator sees the items of its
 * communes and those it wrote itself (`authorId`: outside its territory it proposes and reports as a worker).
 */
export function shownToCoordinator(
  account: Account | null | undefined,
  communes: readonly (string | undefined)[],
  authorId?: string,
): boolean {
  if (account?.role !== 'coordinateur' || account.communes === undefined) return true;
  return (authorId !== undefined && authorId === account.id) || withinTerritory(account, communes);
}
