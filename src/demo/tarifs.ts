// What a demo service costs: free, a solidarity price (share of the shop price, a symbolic participation), or a
// paid membership. Precisions say it the way partners do.
import type { Tarif } from '../domain/service.ts';
import type { Rng } from './random.ts';

export type TarifKind =
  | 'gratuit'
  | 'gratuit-participation'
  | 'epicerie'
  | 'participation'
  | 'panier'
  | 'repas-solidaire'
  | 'adhesion'
  | 'prix-coutant';

export function tarif(kind: TarifKind, rng: Rng): Tarif {
  switch (kind) {
    case 'gratuit':
      return { type: 'gratuit' };
    case 'gratuit-participation':
      return { type: 'gratuit', precisions: rng.pick(['Participation libre aux frais', 'Gratuit, sans adhésion']) };
    case 'epicerie': {
      const min = rng.pick([10, 10, 15, 20]);
      const max = rng.pick([30, 30, 35, 40]);
      return {
        type: 'solidaire',
        pourcentage_min: min,
        pourcentage_max: max,
        precisions: `${min} à ${max} % du prix en magasin`,
      };
    }
    case 'participation':
      return {
        type: 'solidaire',
        precisions: rng.pick([
          'Participation symbolique de 2 € par colis',
          'Participation de 1 € par passage',
          '10 % de la valeur des produits',
        ]),
      };
    case 'panier': {
      const price = rng.pick([3, 5, 5, 7]);
      const full = rng.pick([12, 15, 18]);
      return {
        type: 'solidaire',
        pourcentage_min: Math.round((price / full) * 100),
        pourcentage_max: Math.round((price / full) * 100),
        precisions: `Panier à ${price} € au lieu de ${full} €, le reste pris en charge par le fonds solidaire`,
      };
    }
    case 'repas-solidaire':
      return {
        type: 'solidaire',
        precisions: rng.pick([
          'Repas à 1 € sur orientation, 8 € pour les autres convives',
          'Prix libre à partir de 50 centimes',
          'Repas à 3,50 € ; gratuit pour les enfants de moins de 6 ans',
        ]),
      };
    case 'adhesion':
      return {
        type: 'payant',
        precisions: rng.pick([
          'Adhésion annuelle de 5 € par famille',
          'Adhésion de 10 € par an, réduite à 2 € pour les bénéficiaires du RSA',
          'Adhésion au centre social selon le quotient familial (de 3 à 15 €)',
        ]),
      };
    case 'prix-coutant': {
      const precisions = 'Adhésion de 1 € par an, produits à prix coûtant (30 à 40 % moins cher qu’en magasin)';
      return rng.chance(0.5) ? { type: 'payant', precisions } : { type: 'solidaire', precisions };
    }
  }
}
