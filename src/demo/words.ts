// Word lists the demo builds fictional names and addresses from. Kept as comma-separated text so that the
// formatter keeps them compact; `list` turns one into an array.

export function list(text: string): readonly string[] {
  return text
    .split(',')
    .map((w) => w.trim())
    .filter((w) => w.length > 0);
}

export const STREET_TYPES = list('rue, rue, rue, rue, avenue, boulevard, place, chemin, allée, impasse, cours');

export const STREET_NAMES = list(`
  des Tilleuls, Victor-Hugo, de la République, Jean-Jaurès, Paul-Bert, des Acacias, Pasteur, du Moulin, des Écoles,
  de la Paix, Émile-Zola, des Lilas, du Stade, de la Gare, des Marronniers, Louis-Pergaud, Marie-Curie, Jules-Ferry,
  des Cerisiers, du 8-Mai-1945, Lucie-Aubrac, des Glycines, Olympe-de-Gouges, Albert-Camus, des Peupliers,
  de la Fontaine, du Parc, Simone-Veil, Gabriel-Péri, des Charmilles, Henri-Barbusse, Antoine-de-Saint-Exupéry,
  des Vergers, de la Mairie, George-Sand, Germaine-Tillion, des Platanes, du Plateau, Louise-Michel, des Jardins,
  des Canuts, de la Soie, des Mûriers, Jean-Moulin, Berthe-Morisot, des Frênes, du Lavoir, des Sources
`);

/** Fictional neighbourhoods, for places outside the demo QPV. */
export const QUARTIERS = list(`
  Les Acacias, Le Bourg, Les Charmilles, La Roseraie, Les Peupliers, Le Moulin, Les Cerisiers, La Source, Les Hauts,
  Le Plateau, Les Lilas, Les Glycines, Le Parc, Les Sablons, La Garenne, Les Vignes, Le Vallon, Les Tuileries,
  La Chapelle, Les Marronniers, Les Balmes, Le Lavoir, Les Mûriers, La Soierie, Les Terrasses, Le Clos
`);

export const COMPLEMENTS = list(`
  Bâtiment B rez-de-chaussée, Entrée par la cour, Local associatif au 1er étage, Au fond du parking,
  Rez-de-jardin porte verte, Maison des associations, Accès par la rue piétonne, Sous-sol avec ascenseur,
  Salle polyvalente, Ancienne école
`);

export const EPICERIE_NAMES = list(`
  Le Panier du Quartier, La Courte Échelle, L’Épi Solidaire, Le Grenier Partagé, La Bonne Graine, Le Petit Marché,
  Les Paniers de la Colline, L’Escale Gourmande, Le Cabas, La Passerelle, Le Comptoir Solidaire, Les Quatre Saisons,
  L’Entre-Deux, Le Garde-Manger, La Corbeille, Le Coup de Pouce, La Halte Gourmande, Le Caddie Partagé
`);

export const RESTAURANT_NAMES = list(`
  La Marmite, Le Bon Accueil, La Table Ouverte, Le Petit Couvert, La Louche, Le Plat du Jour, La Grande Tablée,
  Le Pot-au-Feu, La Fourchette Solidaire
`);

export const GARDEN_NAMES = list(`
  Les Mains Vertes, Le Potager Partagé, La Butte aux Légumes, Les Pousses, Le Jardin des Voisins, La Graine de Lien,
  Les Carrés Potagers
`);

export const ASSOCIATION_WORDS = list(
  'Entraide, Solidarité, Le Relais, Partage, Fraternité, Main Tendue, Trait d’Union',
);

export const AMAP_NAMES = list(
  'des Coteaux, des Balmes, des Canuts, des Pentes, des Berges, du Plateau, des Monts d’Or',
);

export const DAY_SHELTER_NAMES = list('Le Refuge, La Halte, Le Point d’Appui, Le Phare, La Boussole du Cœur, L’Abri');

/** Roles, not people: the demo invents no person’s name. */
export const CONTACT_ROLES = list(`
  Accueil, Coordinatrice de l’épicerie, Coordinateur bénévole, Référente famille, Conseillère en économie sociale et
  familiale, Responsable de la distribution, Animatrice du jardin, Chargé d’accueil
`);
