// French strings that Propositions adds to fr.listings (strings.ts): who proposed and when, and the choice of the
// structure a proposal duplicates. Only the Propositions lazy chunk reads them, so they stay off the first load.
export const frProposals = {
  /** « Proposée par Inès Martin (Travailleur·se social·e, MDM de Vénissieux) le 3 décembre 2026 ». */
  proposedBy: (nom: string, about: readonly string[], on: string | null) =>
    `Proposée par ${nom}${about.length > 0 ? ` (${about.join(', ')})` : ''}${on ? ` le ${on}` : ''}`,
  /** A proposal from before proposals were dated: the listing's own date, said as such. */
  listingDated: (on: string) => `Fiche datée du ${on}`,
  likelyTitle: 'Doublons probables (nom et adresse les plus ressemblants)',
  noLikely: 'Aucune structure ne ressemble à celle-ci par son nom ou son adresse.',
  searchOther: 'Chercher une autre structure (nom, adresse ou commune)',
  noneFound: 'Aucune structure ne correspond.',
  foundTitle: 'Résultats de la recherche',
};
