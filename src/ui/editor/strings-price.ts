// French strings of the price in the service editor: labels, hints, messages and the preview. Kept
// beside strings.ts because only the editor's lazy chunk reads them: in strings.ts they would ride on the first
// load. The price itself is said by src/domain/price-words.ts.
import type { PERIODES_ADHESION, UNITES_PRIX } from '../../domain/vocabulary.ts';

export const frPrice = {
  legend: 'Prix',
  type: 'Type de prix',
  percentMin: 'Part du prix payée, minimum (%)',
  percentMax: 'Part du prix payée, maximum (%)',
  percentInvalid: 'Nombre entre 0 et 100 attendu',
  percentOrder: 'Le minimum dépasse le maximum',
  amount: 'Prix payé (€)',
  amountHint: 'Ce que la personne paie, par exemple 7 ou 2,50.',
  unit: 'Pour',
  noUnit: '— (rien de précis)',
  units: {
    panier: 'le panier',
    repas: 'le repas',
    colis: 'le colis',
    seance: 'la séance',
    passage: 'chaque passage',
    kilo: 'le kilo',
    semaine: 'la semaine',
    mois: 'le mois',
  } satisfies Record<(typeof UNITES_PRIX)[number], string>,
  reference: 'Au lieu de (€, prix habituel, facultatif)',
  referenceHint: 'Le prix en magasin ou pour les autres clients, s’il aide à comprendre.',
  membership: 'Adhésion (€, facultatif)',
  membershipPeriod: 'Adhésion payée',
  periods: {
    mois: 'par mois',
    an: 'par an',
    unique: 'une seule fois',
  } satisfies Record<(typeof PERIODES_ADHESION)[number], string>,
  amountInvalid: 'Montant en euros attendu, par exemple 7 ou 2,50',
  precisions: 'Précisions sur le prix (facultatif)',
  precisionsSolidaire: 'Précisions sur le prix (obligatoire sans montant ni part du prix)',
  precisionsMissing: 'Indiquez un prix payé, une part du prix ou une adhésion, ou dites le prix en quelques mots.',
  preview: 'Ce que liront les personnes :',
};
