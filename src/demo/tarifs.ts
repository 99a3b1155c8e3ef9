// What a demo service costs: free, a solidarity price (share of the shop price, a symbolic participation), or a
// paid membership. Most prices carry their amounts (« Panier à 5 € au lieu de 12 € »), some only the
// partner's sentence, as listings do. Each kind draws from the generator exactly as it did before the amounts, so
// that the rest of the demo directory (and every figure measured on it) stays the same.
import { amountsText } from '../domain/price-words.ts';
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

type Amounts = Omit<Extract<Tarif, { type: 'solidaire' }>, 'type' | 'precisions'> & { precisions?: string };

/** A solidarity price: its precisions say the amounts when the partner wrote nothing more, as the editor does. */
function solidaire(amounts: Amounts): Tarif {
  const tarif = { type: 'solidaire', ...amounts, precisions: amounts.precisions ?? '' } as const;
  return tarif.precisions ? tarif : { ...tarif, precisions: amountsText(tarif) };
}

export function tarif(kind: TarifKind, rng: Rng): Tarif {
  switch (kind) {
    case 'gratuit':
      return { type: 'gratuit' };
    case 'gratuit-participation':
      return { type: 'gratuit', precisions: rng.pick(['Participation libre aux frais', 'Sans adhésion']) };
    case 'epicerie': {
      const min = rng.pick([10, 10, 15, 20]);
      const max = rng.pick([30, 30, 35, 40]);
      // The membership follows from the draw already made: one more draw would shift the whole directory.
      const adhesion =
        min === 15
          ? { montant: 2, periode: 'an' as const }
          : min === 20
            ? { montant: 1, periode: 'mois' as const }
            : undefined;
      return solidaire({ pourcentage_min: min, pourcentage_max: max, ...(adhesion ? { adhesion } : {}) });
    }
    case 'participation':
      return rng.pick<Tarif>([
        solidaire({ montant: 2, unite: 'colis', precisions: 'Participation symbolique, réglée sur place' }),
        solidaire({ montant: 1, unite: 'passage' }),
        solidaire({ pourcentage_min: 10, pourcentage_max: 10 }),
      ]);
    case 'panier': {
      const price = rng.pick([3, 5, 5, 7]);
      const full = rng.pick([12, 15, 18]);
      return solidaire({
        montant: price,
        montant_reference: full,
        unite: 'panier',
        precisions: 'Le reste est pris en charge par le fonds solidaire',
      });
    }
    case 'repas-solidaire':
      return rng.pick<Tarif>([
        solidaire({ montant: 1, unite: 'repas', precisions: 'Sur orientation ; 8 € pour les autres convives' }),
        solidaire({ precisions: 'Prix libre à partir de 50 centimes' }),
        solidaire({ montant: 3.5, unite: 'repas', precisions: 'Gratuit pour les enfants de moins de 6 ans' }),
      ]);
    case 'adhesion':
      return rng.pick<Tarif>([
        { type: 'payant', adhesion: { montant: 5, periode: 'an' }, precisions: 'Une adhésion par famille' },
        {
          type: 'payant',
          adhesion: { montant: 10, periode: 'an' },
          precisions: 'Réduite à 2 € pour les bénéficiaires du RSA',
        },
        { type: 'payant', precisions: 'Adhésion au centre social selon le quotient familial (de 3 à 15 €)' },
      ]);
    case 'prix-coutant': {
      const rest = {
        adhesion: { montant: 1, periode: 'an' },
        precisions: 'Produits à prix coûtant (30 à 40 % moins cher qu’en magasin)',
      } as const;
      return rng.chance(0.5) ? { type: 'payant', ...rest } : solidaire(rest);
    }
  }
}
