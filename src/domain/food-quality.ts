// What the food offer means for a search and an orientation: the quality traits a worker may ask to favour, and
// what the Annuaire filters on. Apart from the vocabulary (food-offer.ts), which the first screen's schemas load:
// these are read only by the lazy screens.
import type { ChoixProduits, OffreAlimentaire, ProduitAlimentaire } from './food-offer.ts';
import { PRODUITS_ALIMENTAIRES } from './food-offer.ts';

/** What makes food « de qualité » when a worker asks to favour it: fresh, organic, local, the person's own choice. */
export type QualiteAlimentaire = 'fruits-legumes-frais' | 'bio' | 'local' | 'choix';

/** The quality traits a partner declared, in a fixed order; nothing is inferred from the category. */
export function qualitesOf(offre: OffreAlimentaire | undefined): QualiteAlimentaire[] {
  if (offre === undefined) return [];
  const out: QualiteAlimentaire[] = [];
  for (const p of ['fruits-legumes-frais', 'bio', 'local'] as const) if (offre.produits.includes(p)) out.push(p);
  if (offre.choix === 'libre' || offre.choix === 'accompagne') out.push('choix');
  return out;
}

/** What the Annuaire filters on: a product, or a choice of products (free or accompanied) rather than a set parcel. */
export const FILTRES_ALIMENTAIRES = [...PRODUITS_ALIMENTAIRES, 'choix'] as const;
export type FiltreAlimentaire = (typeof FILTRES_ALIMENTAIRES)[number];

export function offreRepond(
  produits: readonly ProduitAlimentaire[],
  choix: ChoixProduits | null,
  filtre: FiltreAlimentaire,
): boolean {
  return filtre === 'choix' ? choix === 'libre' || choix === 'accompagne' : produits.includes(filtre);
}

/** True when the offer says nothing (the editor then stores no offer at all). */
export function offreVide(offre: OffreAlimentaire): boolean {
  return offre.produits.length === 0 && offre.choix === undefined && offre.modes.length === 0;
}
