// What the food is like (src/domain/food-offer.ts), in French: the editor's fieldset, the sheet, the cards, the
// handout, the Annuaire's filter and the orientation's reasons. A lazy module: only the screens that show an offer
// import it, so the first screen does not carry it.
import type { ChoixProduits, ModeRemise, ProduitAlimentaire } from '../../domain/food-offer.ts';
import type { FiltreAlimentaire, QualiteAlimentaire } from '../../domain/food-quality.ts';

export const PRODUITS_LABELS: Readonly<Record<ProduitAlimentaire, string>> = {
  'fruits-legumes-frais': 'Fruits et légumes frais',
  bio: 'Produits bio',
  local: 'Produits locaux ou en circuit court',
  vrac: 'Vente en vrac',
  'plats-prepares': 'Plats préparés',
};

export const CHOIX_LABELS: Readonly<Record<ChoixProduits, string>> = {
  libre: 'La personne choisit ses produits',
  accompagne: 'La personne choisit ses produits, accompagnée',
  'colis-compose': 'Colis ou panier composé à l’avance',
};

export const MODES_REMISE_LABELS: Readonly<Record<ModeRemise, string>> = {
  'libre-service': 'En libre-service',
  commande: 'Sur commande',
  panier: 'En panier à retirer',
};

/** Short words for a card or a reason: « frais, bio, local ». */
export const QUALITES_LABELS: Readonly<Record<QualiteAlimentaire, string>> = {
  'fruits-legumes-frais': 'fruits et légumes frais',
  bio: 'bio',
  local: 'local',
  choix: 'choix des produits',
};

export const FILTRE_LABELS: Readonly<Record<FiltreAlimentaire, string>> = {
  'fruits-legumes-frais': 'Fruits et légumes frais',
  bio: 'Bio',
  local: 'Local ou circuit court',
  vrac: 'Vrac',
  'plats-prepares': 'Plats préparés',
  choix: 'Choix des produits (pas de colis imposé)',
};

export const frFood = {
  /** The sheet's and the handout's heading for the offer. */
  heading: 'L’alimentation proposée',
  /** Read out before the pictograms of a card. */
  cardLabel: 'Alimentation',
  filter: { label: 'Alimentation proposée', any: 'Peu importe' },
  editor: {
    legend: 'L’alimentation proposée',
    intro:
      'Dites ce que vous proposez : les personnes orientées et les professionnels le voient sur votre fiche, et une orientation peut privilégier une alimentation de qualité.',
    produits: 'Produits proposés',
    bebe: 'Alimentation bébé',
    choix: 'Choix des produits',
    choixNonDit: 'Non précisé',
    modes: 'Comment les produits sont remis',
    regimes: 'Régimes pris en compte',
  },
  orientation: {
    favour: 'Privilégier une alimentation de qualité',
    favourHint: 'Fruits et légumes frais, bio, local, choix des produits : d’après ce que les partenaires déclarent.',
  },
  reasons: {
    food_quality: (qualites: string) => `Alimentation de qualité déclarée : ${qualites}`,
    food_quality_not_declared: 'Le partenaire n’a pas décrit l’alimentation proposée',
  },
} as const;
