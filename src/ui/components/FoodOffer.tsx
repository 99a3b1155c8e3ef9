import type { ChoixProduits, ModeRemise, ProduitAlimentaire } from '../../domain/food-offer.ts';
import { CHOIX_LABELS, FILTRE_LABELS, frFood, MODES_REMISE_LABELS, PRODUITS_LABELS } from '../text/strings-food.ts';
import { LineIcon } from './LineIcon.tsx';

// What the food is like, as pictograms each beside its words (drawn inline: the handout prints offline; hidden from
// screen readers, which read the words). Strokes in currentColor, as the handout's other pictograms.
const PATHS = {
  'fruits-legumes-frais': 'M12 8c-3-2-8-1-8 5s4 8 6 8c1 0 1.5-.5 2-.5s1 .5 2 .5c2 0 6-2 6-8s-5-7-8-5zM12 8c0-2 1-4 3-5',
  bio: 'M5 19c0-8 5-14 15-15-1 10-7 15-15 15zM5 19l8-8',
  local: 'M3 21V10l9-6 9 6v11M2 21h20M9 21v-6h6v6M10 10h4',
  vrac: 'M7 3h10M8 3v3l-2 3v12h12V9l-2-3V3M6 13h12',
  'plats-prepares': 'M3 14h18M5 14a7 7 0 0 1 14 0M12 5v2M2 18h20',
  choix:
    'M9 11V5a1.5 1.5 0 0 1 3 0v5M12 10V8.5a1.5 1.5 0 0 1 3 0V11M15 10.5a1.5 1.5 0 0 1 3 0V15a6 6 0 0 1-6 6h-1a6 6 0 0 1-5-3l-2.5-4a1.5 1.5 0 0 1 2.6-1.5L9 15',
  'colis-compose': 'M3 7l9-4 9 4v10l-9 4-9-4zM3 7l9 4 9-4M12 11v10',
  'libre-service': 'M3 5h18M5 5v15M19 5v15M5 10h14M5 15h14',
  commande: 'M6 2h12v20H6zM9 7h6M9 11h6M9 15h3',
  panier: 'M3 9h18l-2 11H5zM8 9l4-6 4 6M9 13v4M15 13v4',
} as const;

type Picto = keyof typeof PATHS;

function Picto({ name }: { name: Picto }) {
  return <LineIcon name={name} d={PATHS[name]} />;
}

export interface FoodOfferProps {
  produits: readonly ProduitAlimentaire[];
  choix: ChoixProduits | null | undefined;
  /** Shown on the sheet and the handout; a card shows what the food is, not how it is handed over. */
  modes?: readonly ModeRemise[];
  /** The sheet and the handout say it in full; a card in short words. */
  full?: boolean;
}

/** The offer as a list of pictograms with their words; nothing when the partner declared nothing. */
export function FoodOffer({ produits, choix, modes = [], full = false }: FoodOfferProps) {
  const items: Array<[Picto, string]> = produits.map((p) => [p, full ? PRODUITS_LABELS[p] : FILTRE_LABELS[p]]);
  if (choix === 'libre' || choix === 'accompagne')
    items.push(['choix', full ? CHOIX_LABELS[choix] : FILTRE_LABELS.choix]);
  else if (choix === 'colis-compose' && full) items.push(['colis-compose', CHOIX_LABELS[choix]]);
  if (full) for (const m of modes) items.push([m, MODES_REMISE_LABELS[m]]);
  if (items.length === 0) return null;
  if (!full) {
    // A card is a list item of the results: a sentence, not a nested list, keeps it one item of that list.
    return (
      <p class="food-offer" data-testid="food-offer">
        <span class="visually-hidden">{frFood.cardLabel} : </span>
        {items.map(([picto, label], i) => (
          <span key={picto}>
            <Picto name={picto} />
            {label}
            {i < items.length - 1 && <span class="visually-hidden">, </span>}
          </span>
        ))}
      </p>
    );
  }
  return (
    <ul class="food-offer food-offer-full" aria-label={frFood.cardLabel} data-testid="food-offer">
      {items.map(([picto, label]) => (
        <li key={picto}>
          <Picto name={picto} />
          <span>{label}</span>
        </li>
      ))}
    </ul>
  );
}
