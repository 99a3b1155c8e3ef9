// What the food of a service is like — the point of Boussole is quality food at solidarity prices, and a partner
// says it here: the products it offers, how much the person chooses, and how the food is handed over. The diets a
// service caters for (baby food among them) stay in the service's `regimes`: one name per concept.
//
// Values are stable identifiers (stored, synced, exported); their French labels live with the screens that show
// them (src/ui/text/strings-food.ts), so the first screen does not carry them. data·inclusion v1 has no equivalent (its
// only food vocabulary is the thematique « alimentation »): the offer travels whole in `extension_boussole`.
// Soliguide's close equivalents are noted beside each value for a future Soliguide mapping.
import * as z from 'zod/mini';
import { setOf } from './primitives.ts';

/** What is on offer. */
export const PRODUITS_ALIMENTAIRES = [
  /** Soliguide `fruits_and_vegetables` (fresh). */
  'fruits-legumes-frais',
  /** Soliguide `organicOriginProductType`. */
  'bio',
  /** Local producers or a short circuit (one intermediary at most). */
  'local',
  /** Sold loose, by weight: the person takes the quantity they need. */
  'vrac',
  /** Meals ready to eat or to heat. */
  'plats-prepares',
] as const;

/** How much the person chooses (Soliguide `DegreeOfChoiceType`: free_choice, accompagnied_choice, no_choice). */
export const CHOIX_PRODUITS = ['libre', 'accompagne', 'colis-compose'] as const;

/** How the food is handed over. */
export const MODES_REMISE = ['libre-service', 'commande', 'panier'] as const;

export type ProduitAlimentaire = (typeof PRODUITS_ALIMENTAIRES)[number];
export type ChoixProduits = (typeof CHOIX_PRODUITS)[number];
export type ModeRemise = (typeof MODES_REMISE)[number];

export const offreAlimentaireSchema = z.object({
  produits: setOf(z.enum(PRODUITS_ALIMENTAIRES)),
  /** Absent: not said. */
  choix: z.optional(z.enum(CHOIX_PRODUITS)),
  modes: setOf(z.enum(MODES_REMISE)),
});

export type OffreAlimentaire = z.infer<typeof offreAlimentaireSchema>;
